// expect: MD001
// The flags come from a crate constant; it names the keyword variant of the
// fast convention, which passes four parameters.
use pyo3_ffi::*;
use std::ffi::c_int;
use std::ptr;

const FAST_KW: c_int = METH_FASTCALL | METH_KEYWORDS;

unsafe extern "C" fn lookup(
    slf: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    if nargs < 1 {
        PyErr_SetString(PyExc_TypeError, c"lookup() needs a key".as_ptr());
        return ptr::null_mut();
    }
    PyObject_GetItem(slf, *args)
}

static mut TABLE_METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"lookup".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFast: lookup },
        ml_flags: FAST_KW,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
