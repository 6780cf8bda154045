// expect: EI002
use pyo3_ffi::*;
use std::ptr;

macro_rules! ffi {
    ($e:expr) => {
        unsafe { $e }
    };
}

pub enum Field {
    Count(i64),
    Label(*mut PyObject),
}

pub fn store(dict: *mut PyObject, field: Field) -> *mut PyObject {
    match field {
        Field::Count(n) => {
            let value = ffi!(PyLong_FromLongLong(n));
            if value.is_null() {
                return ptr::null_mut();
            }
            let rc = ffi!(PyDict_SetItemString(dict, c"count".as_ptr(), value));
            ffi!(Py_DECREF(value));
            if rc < 0 {
                return ptr::null_mut();
            }
        }
        Field::Label(label) => {
            ffi!(PyDict_SetItemString(dict, c"label".as_ptr(), label));
        }
    }
    ffi!(Py_NewRef(dict))
}
