// expect: RC007
use pyo3_ffi::*;

unsafe fn log_setting(module: *mut PyObject) {
    // SAFETY: the caller holds the GIL and passes a live module.
    unsafe {
        let value = PyObject_GetAttrString(module, c"LEVEL".as_ptr());
        tracing_bridge::emit(value);
        Py_DECREF(value);
    }
}
