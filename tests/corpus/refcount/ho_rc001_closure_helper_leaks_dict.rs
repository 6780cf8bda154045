// expect: RC001
use pyo3_ffi::*;
use std::ptr;

fn with_gil_checked<F: FnOnce() -> *mut PyObject>(f: F) -> *mut PyObject {
    f()
}

unsafe extern "C" fn point(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    with_gil_checked(|| {
        // SAFETY: CPython calls this with an attached thread state.
        unsafe {
            let d = PyDict_New();
            if d.is_null() {
                return ptr::null_mut();
            }
            let mut x: *mut PyObject = ptr::null_mut();
            if PyArg_ParseTuple(args, c"O".as_ptr(), &mut x) == 0 {
                return ptr::null_mut();
            }
            if PyDict_SetItemString(d, c"x".as_ptr(), x) < 0 {
                Py_DECREF(d);
                return ptr::null_mut();
            }
            d
        }
    })
}
