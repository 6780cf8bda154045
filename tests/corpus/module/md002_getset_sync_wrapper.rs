// expect: MD002
// A `Sync` wrapper around the table: the element type is still visible.
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};
use std::ptr;

struct Table<T>(T);
unsafe impl<T> Sync for Table<T> {}

unsafe extern "C" fn get_x(slf: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    PyObject_GetAttrString(slf, c"_x".as_ptr())
}

unsafe extern "C" fn set_x(slf: *mut PyObject, value: *mut PyObject, _closure: *mut c_void) -> c_int {
    PyObject_SetAttrString(slf, c"_x".as_ptr(), value)
}

static GETSET: Table<[PyGetSetDef; 1]> = Table([PyGetSetDef {
    name: c"x".as_ptr(),
    get: Some(get_x),
    set: Some(set_x),
    doc: ptr::null(),
    closure: ptr::null_mut(),
}]);
