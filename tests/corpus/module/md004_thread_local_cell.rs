// expect: MD004
// A thread-local is still global to every interpreter running on the thread.
use pyo3_ffi::*;
use std::cell::Cell;
use std::ptr;

thread_local! {
    static LAST_RESULT: Cell<*mut PyObject> = const { Cell::new(ptr::null_mut()) };
}

pub unsafe fn remember(obj: *mut PyObject) {
    Py_INCREF(obj);
    let old = LAST_RESULT.with(|c| c.replace(obj));
    Py_XDECREF(old);
}
