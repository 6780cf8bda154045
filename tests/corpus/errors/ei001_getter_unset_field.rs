// expect: EI001
use pyo3_ffi::*;
use std::ptr;
#[repr(C)]
struct Node { ob_base: PyObject, name: *mut PyObject }
unsafe extern "C" fn node_get_name(slf: *mut PyObject, _c: *mut std::ffi::c_void) -> *mut PyObject {
    let node = slf as *mut Node;
    if (*node).name.is_null() {
        return ptr::null_mut();
    }
    Py_NewRef((*node).name)
}
static mut GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef { name: c"name".as_ptr(), get: Some(node_get_name), set: None, doc: ptr::null(), closure: ptr::null_mut() },
    PyGetSetDef { name: ptr::null(), get: None, set: None, doc: ptr::null(), closure: ptr::null_mut() },
];
