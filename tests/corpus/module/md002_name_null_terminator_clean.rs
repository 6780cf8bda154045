// expect: clean
// CPython stops at the first entry whose `ml_name` is NULL; the other fields
// of this terminator do not matter.
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn ping(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    Py_NewRef(Py_None())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"ping".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: ping },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: ptr::null(),
        ml_meth: PyMethodDefPointer { PyCFunction: ping },
        ml_flags: METH_NOARGS,
        ml_doc: c"end of table".as_ptr(),
    },
];
