// expect: MD005
// `y#` stores the length as Py_ssize_t; an `i32` receives half of it.
use pyo3_ffi::*;
use std::ffi::c_char;
use std::ptr;

pub unsafe extern "C" fn checksum(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut data: *const c_char = ptr::null();
    let mut len: i32 = 0;
    if PyArg_ParseTuple(args, b"y#\0".as_ptr().cast(), &mut data, &mut len) == 0 {
        return ptr::null_mut();
    }
    let bytes = std::slice::from_raw_parts(data.cast::<u8>(), len as usize);
    PyLong_FromLong(bytes.iter().map(|b| i64::from(*b)).sum())
}
