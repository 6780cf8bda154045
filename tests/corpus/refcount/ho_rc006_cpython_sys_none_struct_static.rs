// expect: RC006
use cpython_sys as ffi;
use std::ptr;
/// Does nothing.
///
/// # Safety
/// Called by CPython only.
pub unsafe extern "C" fn noop(_m: *mut ffi::PyObject, _a: *mut ffi::PyObject) -> *mut ffi::PyObject {
    ptr::addr_of_mut!(ffi::_Py_NoneStruct)
}
