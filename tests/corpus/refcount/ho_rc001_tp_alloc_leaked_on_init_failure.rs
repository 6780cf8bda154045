// expect: RC001
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
struct Counter {
    ob_base: PyObject,
    label: *mut PyObject,
}

unsafe extern "C" fn counter_new(tp: *mut PyTypeObject, args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls tp_new with an attached thread state and a valid type.
    unsafe {
        let mut label: *const std::os::raw::c_char = ptr::null();
        if PyArg_ParseTuple(args, c"s".as_ptr(), &mut label) == 0 {
            return ptr::null_mut();
        }
        let obj = (*tp).tp_alloc.unwrap()(tp, 0);
        if obj.is_null() {
            return ptr::null_mut();
        }
        let text = PyUnicode_FromString(label);
        if text.is_null() {
            return ptr::null_mut();
        }
        (*obj.cast::<Counter>()).label = text;
        obj
    }
}
