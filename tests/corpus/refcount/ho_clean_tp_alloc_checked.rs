// expect: clean
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
struct Point {
    ob_base: PyObject,
    x: f64,
}

unsafe extern "C" fn point_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls tp_new with an attached thread state and a valid type.
    unsafe {
        let alloc = (*tp).tp_alloc.unwrap_or(PyType_GenericAlloc);
        let obj = alloc(tp, 0);
        if obj.is_null() {
            return ptr::null_mut();
        }
        (*obj.cast::<Point>()).x = 0.0;
        obj
    }
}
