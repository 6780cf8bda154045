// expect: GT001
use pyo3_ffi::*;
unsafe fn release(list: *mut PyObject) {
    Py_DECREF(list);
}
fn crunch(v: &mut [u64]) {
    v.sort_unstable();
}
pub unsafe fn f(list: *mut PyObject, v: &mut [u64]) {
    let s = PyEval_SaveThread();
    crunch(v);
    release(list);
    PyEval_RestoreThread(s);
}
