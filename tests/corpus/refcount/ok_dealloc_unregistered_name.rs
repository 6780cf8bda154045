// expect: clean
use pyo3_ffi::*;

#[repr(C)]
pub struct Record {
    ob_base: PyObject,
    fields: *mut PyObject,
}

/// Installed into the type's `tp_dealloc` at runtime by the type builder.
pub unsafe extern "C" fn record_finalize(slf: *mut PyObject) {
    let this = slf as *mut Record;
    Py_CLEAR(&mut (*this).fields);
    let tp = Py_TYPE(slf);
    if let Some(free) = (*tp).tp_free {
        free(slf.cast());
    }
    Py_DECREF(tp.cast());
}
