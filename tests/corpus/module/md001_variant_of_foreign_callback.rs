// expect: MD001
// The callback lives in C (`extern` block), so only the union variant tells
// its type: a fast-with-keywords function registered with plain METH_FASTCALL.
use pyo3_ffi::*;
use std::ptr;

extern "C" {
    fn c_accumulate(
        slf: *mut PyObject,
        args: *const *mut PyObject,
        nargs: Py_ssize_t,
        kwnames: *mut PyObject,
    ) -> *mut PyObject;
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"accumulate".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFastWithKeywords: c_accumulate },
        ml_flags: METH_FASTCALL,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
