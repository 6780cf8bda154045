// expect: EI002
use pyo3_ffi::*;
pub unsafe fn ready(t: *mut PyTypeObject) {
    let _ = PyType_Ready(t);
}
