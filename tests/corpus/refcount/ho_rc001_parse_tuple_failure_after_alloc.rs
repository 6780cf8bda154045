// expect: RC001
use pyo3_ffi::*;
use std::os::raw::c_long;
use std::ptr;

unsafe extern "C" fn make_point(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with an attached thread state.
    unsafe {
        let result = PyDict_New();
        if result.is_null() {
            return ptr::null_mut();
        }
        let mut x: c_long = 0;
        let mut y: c_long = 0;
        if PyArg_ParseTuple(args, c"ll".as_ptr(), &mut x, &mut y) == 0 {
            return ptr::null_mut();
        }
        let px = PyLong_FromLong(x);
        if px.is_null() {
            Py_DECREF(result);
            return ptr::null_mut();
        }
        let rc = PyDict_SetItemString(result, c"x".as_ptr(), px);
        Py_DECREF(px);
        if rc < 0 {
            Py_DECREF(result);
            return ptr::null_mut();
        }
        let _ = y;
        result
    }
}
