// expect: RC002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn lookup(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state.
    unsafe {
        let mut table: *mut PyObject = ptr::null_mut();
        let mut key: *mut PyObject = ptr::null_mut();
        if PyArg_ParseTuple(args, c"O!O".as_ptr(), &raw mut PyDict_Type, &mut table, &mut key) == 0 {
            return ptr::null_mut();
        }
        let value = PyDict_GetItemWithError(table, key);
        if value.is_null() {
            if PyErr_Occurred().is_null() {
                PyErr_SetObject(PyExc_KeyError, Py_NewRef(key));
            }
            return ptr::null_mut();
        }
        Py_NewRef(value)
    }
}
