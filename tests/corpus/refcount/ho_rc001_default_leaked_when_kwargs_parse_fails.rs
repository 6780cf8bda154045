// expect: RC001
use pyo3_ffi::*;
use std::ptr;
// RC001: new ref leaked when PyArg_ParseTupleAndKeywords fails after an allocation in a loop-less init.
unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let default = PyUnicode_FromString(c"utf-8".as_ptr());
        if default.is_null() {
            return ptr::null_mut();
        }
        let mut enc: *mut PyObject = default;
        let mut kwlist = [c"encoding".as_ptr() as *mut _, ptr::null_mut()];
        if PyArg_ParseTupleAndKeywords(args, kw, c"|O".as_ptr(), kwlist.as_mut_ptr(), &mut enc) == 0 {
            return ptr::null_mut();
        }
        let r = PyObject_Str(enc);
        Py_DECREF(default);
        r
    }
}
