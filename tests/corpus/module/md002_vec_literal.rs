// expect: MD002
// A heap-allocated table leaked for the module's lifetime, without its end marker.
use pyo3_ffi::*;
use std::ffi::c_void;
use std::ptr;

unsafe extern "C" fn traverse_noop(_slf: *mut PyObject, _visit: visitproc, _arg: *mut c_void) -> std::ffi::c_int {
    0
}

pub fn slots() -> *mut PyType_Slot {
    let slots = vec![
        PyType_Slot { slot: Py_tp_traverse, pfunc: traverse_noop as *mut c_void },
        PyType_Slot { slot: Py_tp_doc, pfunc: c"A leaf type.".as_ptr() as *mut c_void },
    ];
    Box::leak(slots.into_boxed_slice()).as_mut_ptr()
}

#[allow(dead_code)]
fn unused() -> *mut c_void {
    ptr::null_mut()
}
