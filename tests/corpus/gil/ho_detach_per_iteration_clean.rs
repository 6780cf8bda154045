// expect: clean
use pyo3_ffi::*;

fn slow_square(x: i64) -> i64 {
    std::thread::sleep(std::time::Duration::from_micros(10));
    x.wrapping_mul(x)
}

unsafe extern "C" fn squares(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsSsize_t(arg) };
    // SAFETY: attached.
    if n == -1 && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    let list = unsafe { PyList_New(0) };
    if list.is_null() {
        return std::ptr::null_mut();
    }
    for i in 0..n as i64 {
        // SAFETY: attached here.
        let save = unsafe { PyEval_SaveThread() };
        let v = slow_square(i);
        // SAFETY: `save` came from PyEval_SaveThread.
        unsafe { PyEval_RestoreThread(save) };
        // SAFETY: attached again.
        let item = unsafe { PyLong_FromLongLong(v) };
        if item.is_null() {
            // SAFETY: attached.
            unsafe { Py_DECREF(list) };
            return std::ptr::null_mut();
        }
        // SAFETY: attached.
        let rc = unsafe { PyList_Append(list, item) };
        // SAFETY: attached.
        unsafe { Py_DECREF(item) };
        if rc < 0 {
            // SAFETY: attached.
            unsafe { Py_DECREF(list) };
            return std::ptr::null_mut();
        }
    }
    list
}
