// expect: clean
use pyo3_ffi::*;
fn crunch(v: &mut [u64]) {
    v.sort_unstable();
}
unsafe fn locked_append(list: *mut PyObject, item: *mut PyObject) -> i32 {
    let g = PyGILState_Ensure();
    let rc = PyList_Append(list, item);
    PyGILState_Release(g);
    rc
}
pub unsafe fn f(list: *mut PyObject, item: *mut PyObject, v: &mut [u64]) -> i32 {
    let s = PyEval_SaveThread();
    crunch(v);
    let rc = locked_append(list, item);
    PyEval_RestoreThread(s);
    rc
}
