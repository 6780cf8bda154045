// expect: RC003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn lookup(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut dict: *mut PyObject = ptr::null_mut();
    let mut key: *mut PyObject = ptr::null_mut();
    if PyArg_ParseTuple(args, c"O!O".as_ptr(), ptr::addr_of_mut!(PyDict_Type), &mut dict, &mut key) == 0 {
        return ptr::null_mut();
    }
    let value = PyDict_GetItemWithError(dict, key);
    if value.is_null() {
        if !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        return Py_NewRef(Py_None());
    }
    let out = PyObject_Repr(value);
    Py_XDECREF(value);
    out
}
