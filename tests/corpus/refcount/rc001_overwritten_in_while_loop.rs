// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn last_line(_m: *mut PyObject, file: *mut PyObject) -> *mut PyObject {
    let mut line: *mut PyObject;
    let mut count = 0;
    loop {
        line = PyObject_CallMethod(file, c"readline".as_ptr(), ptr::null());
        if line.is_null() {
            return ptr::null_mut();
        }
        let n = PyObject_Length(line);
        if n <= 0 {
            break;
        }
        count += 1;
    }
    Py_DECREF(line);
    PyLong_FromLong(count)
}
