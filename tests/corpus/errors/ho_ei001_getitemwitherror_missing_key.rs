// expect: EI001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn registry_get(_m: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held; REGISTRY is set up by module exec.
    unsafe {
        let value = PyDict_GetItemWithError(REGISTRY, key);
        if value.is_null() {
            return ptr::null_mut();
        }
        Py_NewRef(value)
    }
}

static mut REGISTRY: *mut PyObject = ptr::null_mut();
