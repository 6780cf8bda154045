// expect: GT001
use pyo3_ffi::*;

pub unsafe fn drop_all(items: Vec<*mut PyObject>) -> usize {
    let n = items.len();
    let state = PyEval_SaveThread();
    items.into_iter().for_each(|item| Py_DECREF(item));
    PyEval_RestoreThread(state);
    n
}
