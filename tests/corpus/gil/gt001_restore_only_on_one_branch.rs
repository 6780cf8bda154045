// expect: GT001
use pyo3_ffi::*;
pub unsafe fn f(o: *mut PyObject, flag: bool) {
    let ts = PyEval_SaveThread();
    if flag {
        PyEval_RestoreThread(ts);
        return;
    }
    Py_XDECREF(o);
    PyEval_RestoreThread(ts);
}
