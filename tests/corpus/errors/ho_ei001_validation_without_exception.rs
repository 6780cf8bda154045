// expect: EI001
use pyo3_ffi::*;
use std::os::raw::c_long;
use std::ptr;

unsafe extern "C" fn repeat(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut text: *mut PyObject = ptr::null_mut();
        let mut count: c_long = 0;
        if PyArg_ParseTuple(args, c"Ul".as_ptr(), &mut text, &mut count) == 0 {
            return ptr::null_mut();
        }
        if count < 0 {
            return ptr::null_mut();
        }
        PySequence_Repeat(text, count as Py_ssize_t)
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"repeat".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: repeat },
        ml_flags: METH_VARARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
