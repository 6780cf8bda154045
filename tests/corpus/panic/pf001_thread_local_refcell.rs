// expect: PF001
// A thread-local cache borrowed mutably inside a callback: a re-entrant call
// (the callback calls back into Python, which calls it again) panics.
use std::cell::RefCell;
use std::collections::HashMap;
use std::ptr;

use pyo3_ffi::*;

thread_local! {
    static SEEN: RefCell<HashMap<isize, usize>> = RefCell::new(HashMap::new());
}

unsafe extern "C" fn remember(_module: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let hash = PyObject_Hash(obj);
    if hash == -1 {
        return ptr::null_mut();
    }
    let times = SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        let entry = seen.entry(hash).or_insert(0);
        *entry += 1;
        *entry
    });
    PyLong_FromSize_t(times)
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
