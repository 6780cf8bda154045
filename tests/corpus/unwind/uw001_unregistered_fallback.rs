// expect: UW001
// No table in sight, but an unwinding extern fn taking and returning objects is a callback.
use pyo3_ffi::*;

pub unsafe extern "C-unwind" fn identity(_module: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    Py_NewRef(obj)
}
