// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_int;

unsafe extern "C" fn exec(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        if PyModule_Add(module, c"Missing".as_ptr(), Py_NewRef(Py_None())) < 0 {
            return -1;
        }
        let list = PyList_New(1);
        if list.is_null() {
            return -1;
        }
        PyList_SET_ITEM(list, 0, Py_NewRef(Py_Ellipsis()));
        PyModule_Add(module, c"DEFAULTS".as_ptr(), list)
    }
}
