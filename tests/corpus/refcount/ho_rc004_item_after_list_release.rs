// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn head_repr(_m: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let list = PySequence_List(iterable);
        if list.is_null() {
            return ptr::null_mut();
        }
        if PyList_Size(list) == 0 {
            Py_DECREF(list);
            PyErr_SetString(PyExc_IndexError, c"empty".as_ptr());
            return ptr::null_mut();
        }
        let head = PyList_GetItem(list, 0);
        Py_DECREF(list);
        PyObject_Repr(head)
    }
}
