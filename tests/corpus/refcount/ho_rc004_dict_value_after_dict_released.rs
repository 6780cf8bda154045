// expect: RC004
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn env_get(_m: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let env = PyDict_New();
        if env.is_null() {
            return ptr::null_mut();
        }
        if PyDict_SetItem(env, key, Py_True()) < 0 {
            Py_DECREF(env);
            return ptr::null_mut();
        }
        let value = PyDict_GetItemWithError(env, key);
        Py_DECREF(env);
        if value.is_null() {
            if PyErr_Occurred().is_null() {
                PyErr_SetObject(PyExc_KeyError, key);
            }
            return ptr::null_mut();
        }
        Py_NewRef(value)
    }
}
