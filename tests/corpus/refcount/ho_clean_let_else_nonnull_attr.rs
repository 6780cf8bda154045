// expect: clean
use pyo3_ffi::*;
use std::ptr::{self, NonNull};
unsafe extern "C" fn attr_type(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let Some(attr) = NonNull::new(PyObject_GetAttrString(obj, c"value".as_ptr())) else {
            return ptr::null_mut();
        };
        let tp = Py_TYPE(attr.as_ptr());
        Py_DECREF(attr.as_ptr());
        Py_NewRef(tp as *mut PyObject)
    }
}
