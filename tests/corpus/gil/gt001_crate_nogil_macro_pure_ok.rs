// expect: clean
use pyo3_ffi::*;
macro_rules! without_gil {
    ($e:expr) => {{
        let _save = PyEval_SaveThread();
        let r = $e;
        PyEval_RestoreThread(_save);
        r
    }};
}
pub unsafe fn f(o: *mut PyObject, data: &[u8]) -> isize {
    let n = PyObject_Length(o);
    let s: u64 = without_gil!(data.iter().map(|b| *b as u64).sum());
    n + s as isize
}
