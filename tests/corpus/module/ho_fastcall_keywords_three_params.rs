// expect: MD001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn build(_module: *mut PyObject, _args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(nargs) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"build".as_ptr(),
        ml_meth: PyMethodDefPointer { _PyCFunctionFast: build },
        ml_flags: METH_FASTCALL | METH_KEYWORDS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
