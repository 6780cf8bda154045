// expect: MD004
// Module state in name only: the struct lives in a static, so every
// interpreter shares it.
use pyo3_ffi::*;
use std::ffi::c_int;
use std::ptr;

struct ModuleState {
    decimal_type: *mut PyObject,
    context_var: *mut PyObject,
    precision: c_int,
}

static mut STATE: ModuleState = ModuleState {
    decimal_type: ptr::null_mut(),
    context_var: ptr::null_mut(),
    precision: 28,
};

pub unsafe fn precision() -> c_int {
    (*ptr::addr_of!(STATE)).precision
}
