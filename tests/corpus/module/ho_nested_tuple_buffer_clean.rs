// expect: clean
use pyo3_ffi::*;
use std::ffi::{c_char, c_int};

unsafe extern "C" fn blit(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let (mut x, mut y): (c_int, c_int) = (0, 0);
    // SAFETY: an all-zero Py_buffer is the documented initial state.
    let mut view: Py_buffer = unsafe { std::mem::zeroed() };
    let mut label: *const c_char = std::ptr::null();
    // SAFETY: `args` is the argument tuple; (ii) y* z -> four outputs.
    if unsafe { PyArg_ParseTuple(args, c"(ii)y*|z:blit".as_ptr(), &mut x, &mut y, &mut view, &mut label) } == 0 {
        return std::ptr::null_mut();
    }
    let n = view.len;
    // SAFETY: the buffer was filled by y*.
    unsafe { PyBuffer_Release(&mut view) };
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(n + (x + y) as Py_ssize_t) }
}
