// expect: MD001
// Callbacks kept as associated functions of the object type, referenced
// through `Self::` from the table the type builds.
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
pub struct Buffer {
    ob_base: PyObject,
    len: usize,
}

impl Buffer {
    unsafe extern "C" fn length(slf: *mut PyObject, _unused: *mut PyObject) -> *mut PyObject {
        PyLong_FromSize_t((*(slf as *mut Buffer)).len)
    }

    unsafe extern "C" fn resize(slf: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
        let _ = (slf, args, kwargs);
        Py_NewRef(Py_None())
    }

    const METHODS: [PyMethodDef; 3] = [
        PyMethodDef {
            ml_name: c"length".as_ptr(),
            ml_meth: PyMethodDefPointer { PyCFunction: Self::length },
            ml_flags: METH_NOARGS,
            ml_doc: ptr::null(),
        },
        PyMethodDef {
            ml_name: c"resize".as_ptr(),
            ml_meth: PyMethodDefPointer { PyCFunctionWithKeywords: Self::resize },
            ml_flags: METH_O,
            ml_doc: ptr::null(),
        },
        PyMethodDef::zeroed(),
    ];
}
