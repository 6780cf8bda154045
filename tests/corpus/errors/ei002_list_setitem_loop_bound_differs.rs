// expect: EI002
// The list was sized by `len` but filled up to `count`: nothing says the
// index stays in range, so the ignored failure is reported.
use pyo3_ffi::*;
use std::ptr;

pub unsafe fn fill(len: usize, count: usize, value: *mut PyObject) -> *mut PyObject {
    let list = PyList_New(len as Py_ssize_t);
    if list.is_null() {
        return ptr::null_mut();
    }
    for i in 0..count {
        PyList_SetItem(list, i as Py_ssize_t, Py_NewRef(value));
    }
    list
}
