// expect: EI002
use pyo3_ffi::PyObject;

macro_rules! ffi {
    ($fn:ident($($arg:expr),* $(,)?)) => {
        unsafe { pyo3_ffi::$fn($($arg),*) }
    };
}

pub unsafe fn push_all(list: *mut PyObject, items: &[*mut PyObject]) {
    for item in items {
        ffi!(PyList_Append(list, *item));
    }
}
