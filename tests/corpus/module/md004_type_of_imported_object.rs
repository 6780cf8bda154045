// expect: MD004
// The near miss of a static type: the type of an object looked up in another
// module is a heap type that module's interpreter owns, not a static type.
use pyo3_ffi::*;
use std::ptr::null_mut;

pub static mut UUID_TYPE: *mut PyTypeObject = null_mut();

pub unsafe fn init(uuid_module: *mut PyObject) -> i32 {
    let dns = PyObject_GetAttrString(uuid_module, c"NAMESPACE_DNS".as_ptr());
    if dns.is_null() {
        return -1;
    }
    UUID_TYPE = (*dns).ob_type;
    Py_DECREF(dns);
    0
}
