// expect: clean
use pyo3_ffi::*;
use std::ptr;

use std::ptr::NonNull;

unsafe extern "C" fn to_list(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let Some(seq) = NonNull::new(PySequence_Fast(obj, c"expected a sequence".as_ptr())) else {
        return ptr::null_mut();
    };
    let Some(out) = NonNull::new(PySequence_List(seq.as_ptr())) else {
        Py_DECREF(seq.as_ptr());
        return ptr::null_mut();
    };
    Py_DECREF(seq.as_ptr());
    out.as_ptr()
}
