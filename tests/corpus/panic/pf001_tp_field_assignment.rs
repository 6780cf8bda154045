// expect: PF001
// The repr slot is installed by assigning a `tp_*` field; it indexes a lookup table.
use std::os::raw::c_char;
use std::ptr;

use pyo3_ffi as ffi;

#[repr(C)]
struct Color {
    ob_base: ffi::PyObject,
    index: usize,
}

const NAMES: [&str; 3] = ["red", "green", "blue"];

unsafe extern "C" fn color_repr(slf: *mut ffi::PyObject) -> *mut ffi::PyObject {
    let color = &*(slf as *const Color);
    let name = NAMES[color.index];
    ffi::PyUnicode_FromStringAndSize(name.as_ptr() as *const c_char, name.len() as ffi::Py_ssize_t)
}

pub unsafe fn install(ty: *mut ffi::PyTypeObject) {
    (*ty).tp_repr = Some(color_repr);
    (*ty).tp_basicsize = std::mem::size_of::<Color>() as ffi::Py_ssize_t;
    let _ = ptr::null::<u8>();
}
