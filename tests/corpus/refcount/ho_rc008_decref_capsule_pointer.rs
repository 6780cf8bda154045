// expect: RC008
use pyo3_ffi::*;
use std::os::raw::c_void;
use std::ptr;

#[repr(C)]
struct DatetimeApi {
    date_type: *mut PyTypeObject,
}

unsafe extern "C" fn date_type(_m: *mut PyObject, capsule: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let raw: *mut c_void = PyCapsule_GetPointer(capsule, c"datetime.datetime_CAPI".as_ptr());
        if raw.is_null() {
            return ptr::null_mut();
        }
        let api = raw as *mut DatetimeApi;
        let tp = (*api).date_type as *mut PyObject;
        Py_INCREF(tp);
        Py_DECREF(raw as *mut PyObject);
        tp
    }
}
