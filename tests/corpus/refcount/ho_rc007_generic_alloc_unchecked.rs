// expect: RC007
use pyo3_ffi::*;

#[repr(C)]
struct Buffer {
    ob_base: PyObject,
    len: Py_ssize_t,
}

unsafe fn new_buffer(tp: *mut PyTypeObject, len: Py_ssize_t) -> *mut PyObject {
    // SAFETY: the caller holds the GIL and passes a ready heap type.
    unsafe {
        let obj = PyType_GenericAlloc(tp, 0);
        (*obj.cast::<Buffer>()).len = len;
        obj
    }
}
