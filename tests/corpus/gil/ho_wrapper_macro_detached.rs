// expect: GT001
use pyo3_ffi as ffi;

macro_rules! ffi_call {
    ($e:expr) => {
        // SAFETY: every use below is a plain C-API call with valid arguments.
        unsafe { $e }
    };
}

pub fn touch_detached(obj: *mut ffi::PyObject) {
    let ts = ffi_call!(ffi::PyEval_SaveThread());
    ffi_call!(ffi::Py_INCREF(obj));
    ffi_call!(ffi::PyEval_RestoreThread(ts));
}
