// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn call_first(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let func = PyTuple_GetItem(args, 0);
        if func.is_null() {
            return ptr::null_mut();
        }
        Py_INCREF(func);
        let res = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        res
    }
}
