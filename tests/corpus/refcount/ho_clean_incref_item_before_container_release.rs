// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn last(_m: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let list = PySequence_List(iterable);
        if list.is_null() {
            return ptr::null_mut();
        }
        let n = PyList_Size(list);
        if n <= 0 {
            Py_DECREF(list);
            PyErr_SetString(PyExc_IndexError, c"empty sequence".as_ptr());
            return ptr::null_mut();
        }
        let item = PyList_GetItem(list, n - 1);
        if item.is_null() {
            Py_DECREF(list);
            return ptr::null_mut();
        }
        Py_INCREF(item);
        Py_DECREF(list);
        item
    }
}
