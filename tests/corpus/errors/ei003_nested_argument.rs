// expect: EI003
use pyo3_ffi as ffi;
use std::os::raw::c_int;

unsafe extern "C" fn setitem(obj: *mut ffi::PyObject, key: *mut ffi::PyObject, value: *mut ffi::PyObject) -> c_int {
    let index = ffi::PyLong_AsSsize_t(key);
    if index < 0 {
        ffi::PyErr_SetString(ffi::PyExc_IndexError, c"negative index".as_ptr());
        return -1;
    }
    ffi::PyList_SetItem(obj, index, ffi::Py_NewRef(value))
}
