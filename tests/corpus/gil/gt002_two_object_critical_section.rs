// expect: GT002
use pyo3_ffi::*;
pub unsafe fn f(a: *mut PyObject, b: *mut PyObject, c: *mut PyCriticalSection2) -> i32 {
    PyCriticalSection2_Begin(c, a, b);
    if PyObject_RichCompareBool(a, b, Py_EQ) < 0 {
        return -1;
    }
    PyCriticalSection2_End(c);
    0
}
