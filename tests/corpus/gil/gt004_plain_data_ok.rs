// expect: clean
use pyo3_ffi::*;
use std::ptr;
use std::thread;

unsafe extern "C" fn sum_in_background(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let n = PyLong_AsLong(arg);
    if n == -1 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    let worker = thread::spawn(move || (0..n).fold(0i64, |acc, i| acc.wrapping_add(i as i64)));
    match worker.join() {
        Ok(total) => PyLong_FromLongLong(total),
        Err(_) => {
            PyErr_SetString(PyExc_RuntimeError, c"worker panicked".as_ptr());
            ptr::null_mut()
        }
    }
}
