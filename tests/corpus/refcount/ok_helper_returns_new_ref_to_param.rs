// expect: clean
use pyo3_ffi::*;
use std::ptr;

/// A new reference to `obj`.
unsafe fn retain(obj: *mut PyObject) -> *mut PyObject {
    Py_INCREF(obj);
    obj
}

/// Keeps `obj` alive across a call that may run arbitrary code.
unsafe fn call_protected(func: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    Py_INCREF(obj);
    let r = PyObject_CallOneArg(func, obj);
    Py_DECREF(obj);
    r
}

unsafe extern "C" fn pair(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let t = PyTuple_New(2);
    if t.is_null() {
        return ptr::null_mut();
    }
    PyTuple_SET_ITEM(t, 0, retain(arg));
    let again = retain(arg);
    PyTuple_SET_ITEM(t, 1, again);
    let r = call_protected(t, arg);
    Py_XDECREF(r);
    if r.is_null() {
        Py_DECREF(t);
        return ptr::null_mut();
    }
    t
}
