// expect: RC006
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn lookup(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut table: *mut PyObject = ptr::null_mut();
        let mut key: *mut PyObject = ptr::null_mut();
        if PyArg_ParseTuple(args, c"O!O".as_ptr(), ptr::addr_of_mut!(PyDict_Type), &mut table, &mut key) == 0 {
            return ptr::null_mut();
        }
        let value = PyDict_GetItemWithError(table, key);
        if value.is_null() {
            if PyErr_Occurred().is_null() {
                PyErr_SetObject(PyExc_KeyError, key);
            }
            return ptr::null_mut();
        }
        value
    }
}
