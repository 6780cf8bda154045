// expect: clean
use pyo3_ffi::*;
use std::ptr;

macro_rules! try_null {
    ($e:expr) => {{
        let p = $e;
        if p.is_null() {
            return ptr::null_mut();
        }
        p
    }};
}

unsafe extern "C" fn upper(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let meth = try_null!(PyObject_GetAttrString(arg, c"upper".as_ptr()));
    let res = PyObject_CallNoArgs(meth);
    Py_DECREF(meth);
    res
}
