// expect: clean
use pyo3_ffi::*;
use std::os::raw::{c_int, c_void};
use std::ptr;
#[repr(C)]
struct Node { ob_base: PyObject, label: *mut PyObject }
unsafe extern "C" fn set_label(slf: *mut PyObject, value: *mut PyObject, _c: *mut c_void) -> c_int {
    // SAFETY: GIL held.
    unsafe {
        if value.is_null() {
            PyErr_SetString(PyExc_AttributeError, c"cannot delete".as_ptr());
            return -1;
        }
        let s = PyObject_Str(value);
        if s.is_null() {
            return -1;
        }
        Py_XSETREF(&mut (*(slf as *mut Node)).label, s);
        0
    }
}
