// expect: clean
// A table assembled at run time: the sentinel is pushed after the literal.
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn ping(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    Py_NewRef(Py_None())
}

pub fn methods(with_debug: bool) -> &'static mut [PyMethodDef] {
    let mut table = vec![PyMethodDef {
        ml_name: c"ping".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: ping },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    }];
    if with_debug {
        table.push(PyMethodDef {
            ml_name: c"debug".as_ptr(),
            ml_meth: PyMethodDefPointer { PyCFunction: ping },
            ml_flags: METH_NOARGS,
            ml_doc: ptr::null(),
        });
    }
    table.push(PyMethodDef::zeroed());
    table.leak()
}
