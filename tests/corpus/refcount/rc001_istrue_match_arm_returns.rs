// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn pick(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut flag: *mut PyObject = ptr::null_mut();
    let mut value: *mut PyObject = ptr::null_mut();
    if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut flag, &mut value) == 0 {
        return ptr::null_mut();
    }
    let text = PyObject_Str(value);
    if text.is_null() {
        return ptr::null_mut();
    }
    match PyObject_IsTrue(flag) {
        -1 => {
            Py_DECREF(text);
            ptr::null_mut()
        }
        0 => Py_NewRef(Py_None()),
        _ => text,
    }
}
