// expect: GT002
use pyo3_ffi::*;

/// Called from a C library's worker thread.
pub unsafe extern "C" fn on_event(callback: *mut PyObject, code: i32) -> i32 {
    let gstate = PyGILState_Ensure();
    let arg = PyLong_FromLong(code as _);
    if arg.is_null() {
        PyErr_Print();
        return -1;
    }
    let r = PyObject_CallOneArg(callback, arg);
    Py_DECREF(arg);
    if !r.is_null() {
        Py_DECREF(r);
    } else {
        PyErr_Print();
    }
    PyGILState_Release(gstate);
    0
}
