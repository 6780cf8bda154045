// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn first_field(_module: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state and a valid argument.
    unsafe {
        let fields = PySequence_Tuple(obj);
        if fields.is_null() {
            return ptr::null_mut();
        }
        if PyTuple_GET_SIZE(fields) == 0 {
            Py_DECREF(fields);
            PyErr_SetString(PyExc_ValueError, c"empty".as_ptr());
            return ptr::null_mut();
        }
        let first = PyTuple_GET_ITEM(fields, 0);
        Py_DECREF(fields);
        PyObject_Repr(first)
    }
}
