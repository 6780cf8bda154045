// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn names(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state.
    unsafe {
        let list = PyList_New(0);
        if list.is_null() {
            return ptr::null_mut();
        }
        let result = ["alpha", "beta", "gamma"].iter().try_for_each(|name| {
            let s = PyUnicode_FromStringAndSize(name.as_ptr().cast(), name.len() as Py_ssize_t);
            if s.is_null() {
                return Err(());
            }
            if PyList_Append(list, s) < 0 {
                return Err(());
            }
            Py_DECREF(s);
            Ok(())
        });
        if result.is_err() {
            Py_DECREF(list);
            return ptr::null_mut();
        }
        list
    }
}
