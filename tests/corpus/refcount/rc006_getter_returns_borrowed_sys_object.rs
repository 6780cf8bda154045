// expect: RC006
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn get_path(_slf: *mut PyObject, _closure: *mut std::ffi::c_void) -> *mut PyObject {
    let path = PySys_GetObject(c"path".as_ptr());
    if path.is_null() {
        PyErr_SetString(PyExc_RuntimeError, c"lost sys.path".as_ptr());
        return ptr::null_mut();
    }
    path
}

static mut GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"path".as_ptr(),
        get: Some(get_path),
        set: None,
        doc: ptr::null(),
        closure: ptr::null_mut(),
    },
    PyGetSetDef { name: ptr::null(), get: None, set: None, doc: ptr::null(), closure: ptr::null_mut() },
];
