// expect: clean
use pyo3_ffi::*;
use std::ptr;
// clean: Py_XDECREF on both NULL-initialised vars at a shared exit after a labeled break.
unsafe extern "C" fn f(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let mut a: *mut PyObject = ptr::null_mut();
        let mut b: *mut PyObject = ptr::null_mut();
        let result = 'done: {
            a = PyObject_Str(obj);
            if a.is_null() {
                break 'done ptr::null_mut();
            }
            b = PyObject_Repr(obj);
            if b.is_null() {
                break 'done ptr::null_mut();
            }
            PyUnicode_Concat(a, b)
        };
        Py_XDECREF(a);
        Py_XDECREF(b);
        result
    }
}
