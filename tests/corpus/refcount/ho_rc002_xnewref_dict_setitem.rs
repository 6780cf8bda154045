// expect: RC002
use pyo3_ffi::*;
use std::os::raw::c_int;

#[repr(C)]
struct Node {
    ob_base: PyObject,
    parent: *mut PyObject,
}

/// Copy the node's parent (which may be unset) into `state["parent"]`.
unsafe fn export_parent(node: *mut Node, state: *mut PyObject, key: *mut PyObject) -> c_int {
    // SAFETY: the caller holds the GIL and passes a live node and dict.
    unsafe { PyDict_SetItem(state, key, Py_XNewRef((*node).parent)) }
}
