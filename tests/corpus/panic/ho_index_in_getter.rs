// expect: PF001
use pyo3_ffi::*;
use std::os::raw::c_void;

#[repr(C)]
struct Table {
    ob_base: PyObject,
    rows: Vec<i64>,
    cursor: usize,
}

unsafe extern "C" fn current(slf: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    // SAFETY: `slf` is a Table instance.
    let table = unsafe { &*(slf as *mut Table) };
    let value = table.rows[table.cursor];
    // SAFETY: attached.
    unsafe { PyLong_FromLongLong(value) }
}

static mut GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"current".as_ptr(),
        get: Some(current),
        set: None,
        doc: std::ptr::null(),
        closure: std::ptr::null_mut(),
    },
    PyGetSetDef { name: std::ptr::null(), get: None, set: None, doc: std::ptr::null(), closure: std::ptr::null_mut() },
];
