// expect: EI003
use pyo3_ffi::*;
pub unsafe fn width(o: *mut PyObject) -> usize {
    let n = PyLong_AsSsize_t(o);
    if n == -1 { return 0; }
    n as usize
}
