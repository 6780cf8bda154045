// expect: UW001
use pyo3_ffi::*;

unsafe extern "C-unwind" fn version(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { PyLong_FromLong(3) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"version".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: version },
        ml_flags: METH_NOARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
