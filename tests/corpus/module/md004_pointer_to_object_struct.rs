// expect: MD004
// A free list of the module's own objects, kept in a static: the pointee is
// a Python object layout (it embeds `ob_base`), so this is a object pointer.
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
pub struct Node {
    ob_base: PyObject,
    next: *mut Node,
    value: i64,
}

static mut FREE_LIST: *mut Node = ptr::null_mut();

pub unsafe fn take_free() -> *mut Node {
    let node = FREE_LIST;
    if !node.is_null() {
        FREE_LIST = (*node).next;
    }
    node
}
