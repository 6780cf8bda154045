// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn bounded_add(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut a: *mut PyObject = ptr::null_mut();
        let mut b: *mut PyObject = ptr::null_mut();
        let mut limit: *mut PyObject = ptr::null_mut();
        if PyArg_UnpackTuple(args, c"bounded_add".as_ptr(), 3, 3, &mut a, &mut b, &mut limit) == 0 {
            return ptr::null_mut();
        }
        let tmp = PyNumber_Add(a, b);
        if tmp.is_null() {
            return ptr::null_mut();
        }
        let sum = tmp;
        let over = PyObject_RichCompareBool(sum, limit, Py_GT);
        if over < 0 {
            Py_DECREF(sum);
            return ptr::null_mut();
        }
        if over == 1 {
            PyErr_SetString(PyExc_OverflowError, c"sum exceeds limit".as_ptr());
            return ptr::null_mut();
        }
        sum
    }
}
