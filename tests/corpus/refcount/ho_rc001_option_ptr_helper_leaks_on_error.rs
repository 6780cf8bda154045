// expect: RC001
use pyo3_ffi::*;
use std::os::raw::c_int;

unsafe fn attr_name(name: &std::ffi::CStr) -> Option<*mut PyObject> {
    // SAFETY: the caller holds the GIL.
    let s = unsafe { PyUnicode_InternFromString(name.as_ptr()) };
    if s.is_null() { None } else { Some(s) }
}

unsafe fn set_flag(obj: *mut PyObject, value: c_int) -> c_int {
    // SAFETY: the caller holds the GIL and passes a live object.
    unsafe {
        let Some(name) = attr_name(c"flag") else {
            return -1;
        };
        let flag = PyBool_FromLong(value.into());
        if PyObject_SetAttr(obj, name, flag) < 0 {
            Py_DECREF(flag);
            return -1;
        }
        Py_DECREF(flag);
        Py_DECREF(name);
        0
    }
}
