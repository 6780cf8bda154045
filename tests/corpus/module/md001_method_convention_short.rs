// expect: MD001
// METH_METHOD passes the defining class as well: five parameters.
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn get_state(
    slf: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let _ = (args, nargs, kwnames);
    Py_NewRef(slf)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"get_state".as_ptr(),
        ml_meth: PyMethodDefPointer {
            PyCMethod: unsafe { std::mem::transmute(get_state as PyCFunctionFastWithKeywords) },
        },
        ml_flags: METH_METHOD | METH_FASTCALL | METH_KEYWORDS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
