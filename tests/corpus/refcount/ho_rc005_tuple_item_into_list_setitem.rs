// expect: RC005
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn to_list(_m: *mut PyObject, t: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let n = PyTuple_Size(t);
        if n < 0 {
            return ptr::null_mut();
        }
        let list = PyList_New(n);
        if list.is_null() {
            return ptr::null_mut();
        }
        for i in 0..n {
            if PyList_SetItem(list, i, PyTuple_GetItem(t, i)) < 0 {
                Py_DECREF(list);
                return ptr::null_mut();
            }
        }
        list
    }
}
