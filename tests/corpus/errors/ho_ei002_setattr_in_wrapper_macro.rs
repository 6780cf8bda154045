// expect: EI002
use pyo3_ffi::*;
use std::ptr;

macro_rules! ffi {
    ($e:expr) => {
        // SAFETY: only used inside callbacks, where the GIL is held.
        unsafe { $e }
    };
}

pub extern "C" fn mark_seen(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    ffi!(PyObject_SetAttrString(obj, c"_seen".as_ptr(), Py_True()));
    ffi!(Py_NewRef(Py_None()))
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"mark_seen".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: mark_seen },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
