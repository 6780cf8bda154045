// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn describe(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let bail = |owned: *mut PyObject| -> *mut PyObject {
        // SAFETY: `owned` is a new reference this function holds; the GIL is held.
        unsafe { Py_XDECREF(owned) };
        ptr::null_mut()
    };
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let name = PyObject_GetAttrString(obj, c"__name__".as_ptr());
        if name.is_null() {
            return ptr::null_mut();
        }
        let upper = PyObject_CallMethod(name, c"upper".as_ptr(), ptr::null());
        if upper.is_null() {
            return bail(name);
        }
        Py_DECREF(name);
        upper
    }
}
