// expect: clean
// The panicking helper is only called inside catch_unwind; the closure is bound first.
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use pyo3_ffi::*;

fn checksum(data: &[u8]) -> u8 {
    data.iter().fold(0u8, |acc, b| acc ^ b) / data[0]
}

unsafe extern "C" fn crc(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let mut buf: *mut std::os::raw::c_char = ptr::null_mut();
    let mut len: Py_ssize_t = 0;
    if PyBytes_AsStringAndSize(arg, &mut buf, &mut len) < 0 {
        return ptr::null_mut();
    }
    let data = std::slice::from_raw_parts(buf.cast::<u8>(), len as usize);
    let work = AssertUnwindSafe(|| checksum(data));
    let outcome = catch_unwind(work);
    match outcome {
        Ok(sum) => PyLong_FromLong(sum.into()),
        Err(_) => {
            PyErr_SetString(PyExc_ValueError, c"bad data".as_ptr());
            ptr::null_mut()
        }
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"crc".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: crc },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
