// expect: clean
use pyo3_ffi::*;
use std::ptr;

/// `weakref.deref`-like: the target, or None when it is gone.
unsafe extern "C" fn target_or_none(_m: *mut PyObject, weak: *mut PyObject) -> *mut PyObject {
    let mut target: *mut PyObject = ptr::null_mut();
    let rc = PyWeakref_GetRef(weak, &mut target);
    if rc < 0 {
        return ptr::null_mut();
    }
    if rc == 0 {
        return Py_NewRef(Py_None());
    }
    target
}
