// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_void;
use std::ptr;

#[repr(C)]
struct Node {
    ob_base: PyObject,
    label: *mut PyObject,
}

unsafe extern "C" fn get_label(slf: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    // SAFETY: CPython calls getters with the GIL held on an instance of Node.
    unsafe {
        let this = slf as *mut Node;
        if (*this).label.is_null() {
            return Py_NewRef(Py_None());
        }
        Py_NewRef((*this).label)
    }
}

static mut GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"label".as_ptr(),
        get: Some(get_label),
        set: None,
        doc: ptr::null(),
        closure: ptr::null_mut(),
    },
    PyGetSetDef { name: ptr::null(), get: None, set: None, doc: ptr::null(), closure: ptr::null_mut() },
];
