// expect: GT001
use pyo3_ffi::*;
macro_rules! nogil {
    ($e:expr) => {{
        let save = PyEval_SaveThread();
        let r = $e;
        PyEval_RestoreThread(save);
        r
    }};
}
pub unsafe fn f(o: *mut PyObject) -> isize {
    nogil!(PyObject_Length(o))
}
