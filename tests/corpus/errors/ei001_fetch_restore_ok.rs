// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn f(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let r = PyObject_GetAttrString(o, c"x".as_ptr());
    if r.is_null() {
        let mut t = ptr::null_mut();
        let mut v = ptr::null_mut();
        let mut tb = ptr::null_mut();
        PyErr_Fetch(&mut t, &mut v, &mut tb);
        let _ = PyObject_Repr(o);
        PyErr_Restore(t, v, tb);
        return ptr::null_mut();
    }
    r
}
