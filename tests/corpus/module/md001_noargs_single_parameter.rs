// expect: MD001
// METH_NOARGS callbacks still receive two parameters (the second is NULL);
// a one-parameter function called through PyCFunction is undefined behaviour
// (and traps on WebAssembly).
use pyo3_ffi as ffi;
use std::ffi::c_void;
use std::ptr;

unsafe extern "C" fn version(_module: *mut ffi::PyObject) -> *mut ffi::PyObject {
    ffi::PyUnicode_FromString(c"1.0".as_ptr())
}

static mut METHODS: [ffi::PyMethodDef; 2] = [
    ffi::PyMethodDef {
        ml_name: c"version".as_ptr(),
        ml_meth: ffi::PyMethodDefPointer {
            PyCFunction: unsafe { std::mem::transmute(version as *const c_void) },
        },
        ml_flags: ffi::METH_NOARGS,
        ml_doc: ptr::null(),
    },
    ffi::PyMethodDef::zeroed(),
];
