// expect: EI001
use pyo3_ffi::*;
use std::ptr;
struct Guard(*mut PyObject);
impl Drop for Guard {
    fn drop(&mut self) {
        // SAFETY: the guard owns one reference and the GIL is held where guards live.
        unsafe { Py_XDECREF(self.0) }
    }
}
unsafe extern "C" fn upper(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let s = Guard(PyIter_Next(obj));
        if s.0.is_null() {
            return ptr::null_mut();
        }
        PyObject_CallMethod(s.0, c"upper".as_ptr(), ptr::null())
    }
}
