// expect: RC007
use pyo3_ffi::*;

#[repr(C)]
struct Point {
    ob_base: PyObject,
    x: f64,
    y: f64,
}

unsafe extern "C" fn point_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls tp_new with an attached thread state and a valid type.
    unsafe {
        let obj = (*tp).tp_alloc.unwrap()(tp, 0);
        let point = obj.cast::<Point>();
        (*point).x = 0.0;
        (*point).y = 0.0;
        obj
    }
}
