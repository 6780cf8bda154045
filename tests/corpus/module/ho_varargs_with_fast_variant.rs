// expect: MD001
use pyo3_ffi::*;

unsafe extern "C" fn total(_module: *mut PyObject, _args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(nargs) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"total".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFast: total },
        ml_flags: METH_VARARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
