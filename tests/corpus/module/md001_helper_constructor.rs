// expect: MD001
// Entries built by a small const helper: the flags and the callback are the
// helper's arguments.
use pyo3_ffi::*;
use std::ffi::{c_char, c_int, CStr};
use std::ptr;

const fn method(name: &CStr, meth: PyMethodDefPointer, flags: c_int, doc: *const c_char) -> PyMethodDef {
    PyMethodDef { ml_name: name.as_ptr(), ml_meth: meth, ml_flags: flags, ml_doc: doc }
}

unsafe extern "C" fn clear(slf: *mut PyObject, _unused: *mut PyObject) -> *mut PyObject {
    let _ = slf;
    Py_NewRef(Py_None())
}

unsafe extern "C" fn push(
    slf: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    if nargs != 1 {
        PyErr_SetString(PyExc_TypeError, c"push() takes one argument".as_ptr());
        return ptr::null_mut();
    }
    let _ = (slf, args);
    Py_NewRef(Py_None())
}

static mut STACK_METHODS: [PyMethodDef; 3] = [
    method(c"clear", PyMethodDefPointer { PyCFunction: clear }, METH_NOARGS, ptr::null()),
    method(c"push", PyMethodDefPointer { PyCFunctionFast: push }, METH_O, ptr::null()),
    PyMethodDef::zeroed(),
];
