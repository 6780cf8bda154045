// expect: RC007
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn attr_type(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let attr = PyObject_GetAttrString(obj, c"value".as_ptr());
        let tp = Py_TYPE(attr);
        Py_DECREF(attr);
        Py_NewRef(tp as *mut PyObject)
    }
}
