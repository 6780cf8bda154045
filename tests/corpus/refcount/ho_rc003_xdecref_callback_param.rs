// expect: RC003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn consume(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let n = PyObject_Length(arg);
        Py_XDECREF(arg);
        if n < 0 {
            return ptr::null_mut();
        }
        PyLong_FromSsize_t(n)
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"consume".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: consume },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
