// expect: MD001
// A declarative macro wraps the table; its body is still Rust the checker reads.
use pyo3_ffi::*;
use std::ptr;

macro_rules! method_table {
    ($($entry:expr),* $(,)?) => {
        [$($entry),*, PyMethodDef::zeroed()]
    };
}

unsafe extern "C" fn get(slf: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    PyObject_GetItem(slf, key)
}

static mut METHODS: [PyMethodDef; 2] = method_table![PyMethodDef {
    ml_name: c"get".as_ptr(),
    ml_meth: PyMethodDefPointer { PyCFunction: get },
    ml_flags: METH_NOARGS | METH_KEYWORDS,
    ml_doc: ptr::null(),
}];
