// expect: clean
use pyo3_ffi::*;
use std::ptr;

/// Builds a tuple that steals every item (NULL items make it fail).
macro_rules! tuple_of {
    ($($item:expr),+ $(,)?) => {{
        let items = [$($item),+];
        let t = PyTuple_New(items.len() as Py_ssize_t);
        for (i, item) in items.into_iter().enumerate() {
            PyTuple_SET_ITEM(t, i as Py_ssize_t, item);
        }
        t
    }};
}

unsafe extern "C" fn pair(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let a = PyObject_Repr(arg);
    if a.is_null() {
        return ptr::null_mut();
    }
    let b = PyObject_Str(arg);
    if b.is_null() {
        Py_DECREF(a);
        return ptr::null_mut();
    }
    tuple_of!(a, b)
}
