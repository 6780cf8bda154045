// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn loader_is_type(_m: *mut PyObject, module: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let loader = PyObject_GetAttrString(module, c"__loader__".as_ptr());
        if loader.is_null() {
            return ptr::null_mut();
        }
        let is_type = PyType_Check(loader);
        let flags = (*(*loader).ob_type).tp_flags;
        Py_DECREF(loader);
        PyBool_FromLong((is_type != 0 && flags != 0) as _)
    }
}
