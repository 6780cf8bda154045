// expect: MD001
use pyo3_ffi::*;

unsafe extern "C" fn lookup(_module: *mut PyObject, key: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { PyObject_Repr(key) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"lookup".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionWithKeywords: lookup },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
