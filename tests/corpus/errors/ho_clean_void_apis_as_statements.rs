// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn pair(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let t = PyTuple_New(2);
        if t.is_null() {
            return ptr::null_mut();
        }
        Py_INCREF(arg);
        PyTuple_SET_ITEM(t, 0, arg);
        PyTuple_SET_ITEM(t, 1, Py_NewRef(arg));
        PyErr_Clear();
        t
    }
}
