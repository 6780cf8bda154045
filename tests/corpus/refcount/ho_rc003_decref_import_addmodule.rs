// expect: RC003
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn main_dict(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let main = PyImport_AddModule(c"__main__".as_ptr());
        if main.is_null() {
            return ptr::null_mut();
        }
        let d = PyObject_GetAttrString(main, c"__dict__".as_ptr());
        Py_DECREF(main);
        d
    }
}
