// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn count(_module: *mut PyObject, _args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(nargs) }
}

unsafe extern "C" fn kw_count(
    _module: *mut PyObject,
    _args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let nkw = if kwnames.is_null() {
        0
    } else {
        // SAFETY: `kwnames` is a tuple.
        unsafe { PyTuple_Size(kwnames) }
    };
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(nargs + nkw) }
}

static mut METHODS: [PyMethodDef; 3] = [
    PyMethodDef {
        ml_name: c"count".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFast: count },
        ml_flags: METH_FASTCALL,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"kw_count".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFastWithKeywords: kw_count },
        ml_flags: METH_FASTCALL | METH_KEYWORDS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
