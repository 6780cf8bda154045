// expect: GT005
// A callback appends to a list while a process-wide std Mutex is held.
use std::ptr;
use std::sync::Mutex;

use pyo3_ffi::*;

static SEEN: Mutex<Vec<usize>> = Mutex::new(Vec::new());

unsafe extern "C" fn remember(_m: *mut PyObject, item: *mut PyObject) -> *mut PyObject {
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    seen.push(item as usize);
    let repr = PyObject_Repr(item);
    if repr.is_null() {
        return ptr::null_mut();
    }
    repr
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"remember".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: remember },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
