// expect: UW001
use pyo3_ffi as ffi;

#[no_mangle]
pub unsafe extern "C-unwind" fn widget_repr(obj: *mut ffi::PyObject) -> *mut ffi::PyObject {
    // SAFETY: `obj` is a borrowed reference from CPython.
    unsafe { ffi::PyObject_Str(obj) }
}
