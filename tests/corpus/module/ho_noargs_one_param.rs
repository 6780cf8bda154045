// expect: MD001
use pyo3_ffi::*;

unsafe extern "C" fn reset(_module: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { Py_NewRef(Py_None()) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"reset".as_ptr(),
        // SAFETY: wrong on purpose: the one-parameter function is cast to a two-parameter PyCFunction.
        ml_meth: PyMethodDefPointer { PyCFunction: unsafe { std::mem::transmute::<unsafe extern "C" fn(*mut PyObject) -> *mut PyObject, PyCFunction>(reset) } },
        ml_flags: METH_NOARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
