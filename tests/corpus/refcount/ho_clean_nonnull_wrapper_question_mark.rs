// expect: clean
use pyo3_ffi::*;
use std::ptr::{self, NonNull};

struct Raised;

fn new_ref(p: *mut PyObject) -> Result<NonNull<PyObject>, Raised> {
    NonNull::new(p).ok_or(Raised)
}

fn upper_name(obj: *mut PyObject) -> Result<NonNull<PyObject>, Raised> {
    // SAFETY: callers hold the GIL and pass a valid object.
    let name = new_ref(unsafe { PyObject_GetAttrString(obj, c"__name__".as_ptr()) })?;
    // SAFETY: `name` is a valid object; the GIL is held.
    let upper = unsafe { PyObject_CallMethod(name.as_ptr(), c"upper".as_ptr(), ptr::null()) };
    // SAFETY: `name` is a new reference owned here.
    unsafe { Py_DECREF(name.as_ptr()) };
    new_ref(upper)
}

unsafe extern "C" fn name_upper(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    match upper_name(obj) {
        Ok(p) => p.as_ptr(),
        Err(Raised) => ptr::null_mut(),
    }
}
