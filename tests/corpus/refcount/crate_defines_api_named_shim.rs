// expect: clean
// The crate defines its own `PyObject_Type` (a compat shim returning the
// borrowed `ob_type`), so calls to it are not the C API's new-reference
// `PyObject_Type`: comparing its result leaks nothing.
use pyo3_ffi::{PyObject, PyTypeObject};

#[allow(non_snake_case)]
#[inline(always)]
pub(crate) unsafe fn PyObject_Type(o: *mut PyObject) -> *mut PyTypeObject {
    // SAFETY: the caller passes a live object.
    unsafe { (*o).ob_type }
}

pub(crate) static mut BOOL_TYPE: *mut PyTypeObject = std::ptr::null_mut();

pub(crate) unsafe fn is_bool(ptr: *mut PyObject) -> bool {
    // SAFETY: `ptr` is live and BOOL_TYPE was set at module init.
    unsafe { PyObject_Type(ptr) == BOOL_TYPE }
}
