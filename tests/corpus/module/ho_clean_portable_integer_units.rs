// expect: clean
use pyo3_ffi::*;
use std::os::raw::{c_long, c_ulong, c_ulonglong};
use std::ptr;

unsafe extern "C" fn units(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state.
    unsafe {
        let mut count: Py_ssize_t = 0;
        let mut offset: i64 = 0;
        let mut mask: c_ulonglong = 0;
        let mut small: c_long = 0;
        if PyArg_ParseTuple(args, c"nLKl".as_ptr(), &mut count, &mut offset, &mut mask, &mut small) == 0 {
            return ptr::null_mut();
        }
        let flags: c_ulong = 7;
        Py_BuildValue(c"(nLKlk)".as_ptr(), count, offset, mask as u64, small, flags)
    }
}
