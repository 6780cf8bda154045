// expect: EI001
use pyo3_ffi::*;
use std::ptr;
// EI001: NULL returned after PyIter_Next exhaustion in a loop, without PyErr_Occurred
unsafe extern "C" fn f(_m: *mut PyObject, it: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let mut n = 0;
        loop {
            let item = PyIter_Next(it);
            if item.is_null() {
                return if n > 0 { PyLong_FromLong(n) } else { ptr::null_mut() };
            }
            Py_DECREF(item);
            n += 1;
        }
    }
}
