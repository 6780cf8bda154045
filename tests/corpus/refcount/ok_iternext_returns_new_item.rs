// expect: clean
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
pub struct Iter {
    ob_base: PyObject,
    source: *mut PyObject,
    index: Py_ssize_t,
}

unsafe extern "C" fn iter_next(slf: *mut PyObject) -> *mut PyObject {
    let this = slf as *mut Iter;
    let n = PyList_Size((*this).source);
    if (*this).index >= n {
        return ptr::null_mut();
    }
    let item = PyList_GetItem((*this).source, (*this).index);
    if item.is_null() {
        return ptr::null_mut();
    }
    (*this).index += 1;
    Py_NewRef(item)
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_iternext, pfunc: iter_next as *mut std::ffi::c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
