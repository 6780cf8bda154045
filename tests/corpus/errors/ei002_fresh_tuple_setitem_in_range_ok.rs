// expect: clean
// A tuple and a list the function just made, filled at indexes in range by
// construction: `PyTuple_SetItem`/`PyList_SetItem` cannot fail here, so
// discarding their result is what CPython's own code does.
use pyo3_ffi::*;
use std::ptr;

pub unsafe fn pair(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let t = PyTuple_New(2);
    if t.is_null() {
        return ptr::null_mut();
    }
    PyTuple_SetItem(t, 0, a);
    PyTuple_SetItem(t, 1, b);
    t
}

pub unsafe fn squares(n: usize) -> *mut PyObject {
    let list = PyList_New(n as Py_ssize_t);
    if list.is_null() {
        return ptr::null_mut();
    }
    for i in 0..n {
        let item = PyLong_FromSize_t(i * i);
        if item.is_null() {
            Py_DECREF(list);
            return ptr::null_mut();
        }
        PyList_SetItem(list, i as Py_ssize_t, item);
    }
    list
}

pub unsafe fn from_items(items: &[*mut PyObject]) -> *mut PyObject {
    let list = PyList_New(items.len() as Py_ssize_t);
    if list.is_null() {
        return ptr::null_mut();
    }
    for (i, item) in items.iter().enumerate() {
        PyList_SetItem(list, i as Py_ssize_t, Py_NewRef(*item));
    }
    list
}
