// expect: SD001
use pyo3_ffi::*;

pub fn total_len(objs: &[*mut PyObject]) -> isize {
    objs.iter().map(|&o| unsafe { PyObject_Length(o) }).filter(|n| *n > 0).sum()
}
