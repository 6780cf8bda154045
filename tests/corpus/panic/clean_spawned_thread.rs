// expect: clean
// A panic on a spawned thread comes back through `join`, not across the C boundary.
use std::ptr;
use std::thread;

use pyo3_ffi::*;

unsafe extern "C" fn background(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let handle = thread::spawn(|| {
        let data: Vec<u32> = vec![3, 1, 2];
        data[5]
    });
    match handle.join() {
        Ok(v) => PyLong_FromUnsignedLong(v.into()),
        Err(_) => {
            PyErr_SetString(PyExc_RuntimeError, c"worker failed".as_ptr());
            ptr::null_mut()
        }
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"background".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: background },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
