// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn get_or_none(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut dict: *mut PyObject = ptr::null_mut();
    let mut key: *mut PyObject = ptr::null_mut();
    if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut dict, &mut key) == 0 {
        return ptr::null_mut();
    }
    let mut value: *mut PyObject = ptr::null_mut();
    match PyDict_GetItemRef(dict, key, &mut value) {
        -1 => ptr::null_mut(),
        0 => Py_NewRef(Py_None()),
        _ => value,
    }
}
