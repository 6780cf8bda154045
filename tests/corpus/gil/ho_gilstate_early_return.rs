// expect: GT002
use pyo3_ffi::*;

/// Called from a worker thread that CPython does not know about.
pub extern "C" fn notify_progress(callback: *mut PyObject, done: i64) -> i32 {
    // SAFETY: any thread may call PyGILState_Ensure.
    let gstate = unsafe { PyGILState_Ensure() };
    // SAFETY: attached by PyGILState_Ensure.
    let value = unsafe { PyLong_FromLongLong(done) };
    if value.is_null() {
        return -1;
    }
    // SAFETY: attached; `callback` is a strong reference owned by the caller.
    let res = unsafe { PyObject_CallOneArg(callback, value) };
    // SAFETY: attached.
    unsafe { Py_DECREF(value) };
    let rc = if res.is_null() {
        -1
    } else {
        // SAFETY: attached.
        unsafe { Py_DECREF(res) };
        0
    };
    // SAFETY: pairs with the Ensure above.
    unsafe { PyGILState_Release(gstate) };
    rc
}
