// expect: RC007
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn loader_type(_m: *mut PyObject, module: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let loader = PyObject_GetAttrString(module, c"__loader__".as_ptr());
        let tp = (*loader).ob_type;
        let name = PyType_GetName(tp);
        Py_DECREF(loader);
        if name.is_null() {
            return ptr::null_mut();
        }
        name
    }
}
