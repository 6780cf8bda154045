// expect: clean
use pyo3_ffi::*;
pub unsafe fn f(o: *mut PyObject, flag: bool) {
    let ts = PyEval_SaveThread();
    if flag {
        PyEval_RestoreThread(ts);
        Py_XDECREF(o);
        return;
    }
    PyEval_RestoreThread(ts);
}
