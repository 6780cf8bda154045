// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn get(_s: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut d = ptr::null_mut();
    let mut k = ptr::null_mut();
    if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut d, &mut k) == 0 { return ptr::null_mut(); }
    let v = PyDict_GetItemWithError(d, k);
    if v.is_null() {
        if PyErr_Occurred().is_null() {
            PyErr_SetObject(PyExc_KeyError, k);
        }
        return ptr::null_mut();
    }
    Py_NewRef(v)
}
