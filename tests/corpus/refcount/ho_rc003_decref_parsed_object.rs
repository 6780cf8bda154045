// expect: RC003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn type_name(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut obj: *mut PyObject = ptr::null_mut();
        if PyArg_ParseTuple(args, c"O".as_ptr(), &mut obj) == 0 {
            return ptr::null_mut();
        }
        let name = PyObject_GetAttrString(obj, c"__class__".as_ptr());
        Py_DECREF(obj);
        name
    }
}
