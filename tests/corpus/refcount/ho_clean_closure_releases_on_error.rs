// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn names(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state.
    unsafe {
        let list = PyList_New(0);
        if list.is_null() {
            return ptr::null_mut();
        }
        let result = ["alpha", "beta"].iter().try_for_each(|name| {
            let s = PyUnicode_FromStringAndSize(name.as_ptr().cast(), name.len() as Py_ssize_t);
            if s.is_null() {
                return Err(());
            }
            let rc = PyList_Append(list, s);
            Py_DECREF(s);
            if rc < 0 { Err(()) } else { Ok(()) }
        });
        if result.is_err() {
            Py_DECREF(list);
            return ptr::null_mut();
        }
        list
    }
}
