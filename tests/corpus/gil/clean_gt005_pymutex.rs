// expect: clean
// PyMutex detaches while it waits: holding it across a C-API call is the intended use.
use std::ptr;

use pyo3_ffi::*;

pub struct State {
    lock: PyMutex,
    items: *mut PyObject,
}

unsafe extern "C" fn append(slf: *mut PyObject, item: *mut PyObject) -> *mut PyObject {
    let state = slf as *mut State;
    PyMutex_Lock(&mut (*state).lock);
    let rc = PyList_Append((*state).items, item);
    PyMutex_Unlock(&mut (*state).lock);
    if rc < 0 {
        return ptr::null_mut();
    }
    Py_NewRef(Py_None())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"append".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: append },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
