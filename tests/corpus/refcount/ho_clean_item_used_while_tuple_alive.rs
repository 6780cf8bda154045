// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn tagged(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let tag = PyObject_Str(arg);
        if tag.is_null() {
            return ptr::null_mut();
        }
        let t = PyTuple_New(2);
        if t.is_null() {
            Py_DECREF(tag);
            return ptr::null_mut();
        }
        PyTuple_SET_ITEM(t, 0, tag);
        PyTuple_SET_ITEM(t, 1, Py_NewRef(arg));
        if PyUnicode_GetLength(tag) == 0 {
            Py_DECREF(t);
            PyErr_SetString(PyExc_ValueError, c"empty tag".as_ptr());
            return ptr::null_mut();
        }
        t
    }
}
