// expect: EI002
use pyo3_ffi::*;
use std::ptr;

pub fn set_name(obj: *mut PyObject, name: *mut PyObject) {
    // SAFETY: callers pass live objects with the thread state attached.
    unsafe { PyObject_SetAttrString(obj, c"__name__".as_ptr(), name) };
}

unsafe extern "C" fn rename(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut obj = ptr::null_mut();
    let mut name = ptr::null_mut();
    if PyArg_ParseTuple(args, c"OU".as_ptr(), &mut obj, &mut name) == 0 {
        return ptr::null_mut();
    }
    set_name(obj, name);
    Py_NewRef(obj)
}
