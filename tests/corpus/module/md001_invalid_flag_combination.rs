// expect: MD001
// METH_NOARGS cannot be combined with METH_KEYWORDS: CPython refuses the
// method with "bad call flags" when the module is created.
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn reset(slf: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let _ = slf;
    Py_NewRef(Py_None())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"reset".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: reset },
        ml_flags: METH_NOARGS | METH_KEYWORDS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
