// expect: clean
use pyo3_ffi::*;
use std::ffi::c_int;

const FAST_KW: c_int = METH_FASTCALL | METH_KEYWORDS;

unsafe extern "C" fn call(
    _module: *mut PyObject,
    _args: *const *mut PyObject,
    nargs: Py_ssize_t,
    _kwnames: *mut PyObject,
) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(nargs) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"call".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFastWithKeywords: call },
        ml_flags: FAST_KW,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
