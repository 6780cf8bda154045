// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn maybe_str(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut obj: *mut PyObject = ptr::null_mut();
    let mut as_str: i32 = 0;
    if PyArg_ParseTuple(args, c"Op".as_ptr(), &mut obj, &mut as_str) == 0 {
        return ptr::null_mut();
    }
    let mut tmp: *mut PyObject = ptr::null_mut();
    if as_str != 0 {
        tmp = PyObject_Str(obj);
        if tmp.is_null() {
            return ptr::null_mut();
        }
    }
    let target = if tmp.is_null() { obj } else { tmp };
    let h = PyObject_Hash(target);
    Py_XDECREF(tmp);
    if h == -1 {
        return ptr::null_mut();
    }
    PyLong_FromSsize_t(h)
}
