// expect: clean
use pyo3_ffi::*;

/// Called from a worker thread that CPython does not know about.
pub extern "C" fn notify_done(callback: *mut PyObject) -> i32 {
    // SAFETY: any thread may call PyGILState_Ensure.
    let gstate = unsafe { PyGILState_Ensure() };
    // SAFETY: attached by PyGILState_Ensure; `callback` is owned by the caller.
    let res = unsafe { PyObject_CallNoArgs(callback) };
    let rc = if res.is_null() {
        // SAFETY: attached, an exception is set.
        unsafe { PyErr_WriteUnraisable(callback) };
        -1
    } else {
        // SAFETY: attached; `res` is a new reference.
        unsafe { Py_DECREF(res) };
        0
    };
    // SAFETY: pairs with the Ensure above.
    unsafe { PyGILState_Release(gstate) };
    rc
}
