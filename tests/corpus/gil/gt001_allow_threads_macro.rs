// expect: GT001
use pyo3_ffi::*;
macro_rules! allow_threads {
    ($($body:tt)*) => {{
        let _save = PyEval_SaveThread();
        let r = { $($body)* };
        PyEval_RestoreThread(_save);
        r
    }};
}
pub unsafe fn f(o: *mut PyObject) -> isize {
    allow_threads! {
        PyObject_Length(o)
    }
}
