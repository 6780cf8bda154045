// expect: EI003
use pyo3_ffi::*;
unsafe extern "C" fn succ(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe { PyLong_FromLong(PyLong_AsLong(arg) + 1) }
}
