// expect: EI001
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn get(_s: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut d = ptr::null_mut();
    let mut k = ptr::null_mut();
    if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut d, &mut k) == 0 { return ptr::null_mut(); }
    let v = PyDict_GetItem(d, k);
    if v.is_null() { return ptr::null_mut(); }
    Py_NewRef(v)
}
