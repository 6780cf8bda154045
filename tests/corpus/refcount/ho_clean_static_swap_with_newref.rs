// expect: clean
use pyo3_ffi::*;
use std::ptr;
// Py_SETREF-style manual swap into a static cache.
static mut LAST: *mut PyObject = ptr::null_mut();
unsafe extern "C" fn remember(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held, which guards LAST.
    unsafe {
        let old = LAST;
        LAST = Py_NewRef(obj);
        Py_XDECREF(old);
        if old.is_null() {
            return Py_NewRef(Py_None());
        }
        Py_NewRef(Py_True())
    }
}
