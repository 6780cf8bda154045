// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn need_str(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        if PyUnicode_Check(arg) == 0 {
            return PyErr_Format(PyExc_TypeError, c"expected str, got %.200s".as_ptr(), (*Py_TYPE(arg)).tp_name);
        }
        Py_NewRef(arg)
    }
}
