// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn as_list(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let n = PyTuple_Size(args);
        if n < 0 {
            return ptr::null_mut();
        }
        let list = PyList_New(n);
        if list.is_null() {
            return ptr::null_mut();
        }
        for i in 0..n {
            let item = PyTuple_GetItem(args, i);
            if item.is_null() {
                Py_DECREF(list);
                return ptr::null_mut();
            }
            Py_INCREF(item);
            if PyList_SetItem(list, i, item) < 0 {
                Py_DECREF(list);
                return ptr::null_mut();
            }
        }
        list
    }
}
