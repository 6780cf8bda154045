// expect: clean
use pyo3_ffi::*;
static mut SAVED: *mut PyThreadState = std::ptr::null_mut();
pub unsafe fn begin() { SAVED = PyEval_SaveThread(); }
pub unsafe fn end() { PyEval_RestoreThread(SAVED); SAVED = std::ptr::null_mut(); }
