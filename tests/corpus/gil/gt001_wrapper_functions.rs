// expect: GT001
use pyo3_ffi::*;

/// Like `Py_BEGIN_ALLOW_THREADS`.
unsafe fn begin_allow_threads() -> *mut PyThreadState {
    PyEval_SaveThread()
}

/// Like `Py_END_ALLOW_THREADS`.
unsafe fn end_allow_threads(state: *mut PyThreadState) {
    PyEval_RestoreThread(state)
}

pub unsafe fn sort_in_place(list: *mut PyObject, keys: &mut [u64]) -> i32 {
    let state = begin_allow_threads();
    keys.sort_unstable();
    let rc = PyList_Sort(list);
    end_allow_threads(state);
    rc
}
