// expect: clean
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};

unsafe extern "C" fn to_u8(obj: *mut PyObject, out: *mut c_void) -> c_int {
    // SAFETY: attached; `out` points at a u8.
    let v = unsafe { PyLong_AsLong(obj) };
    // SAFETY: attached.
    if v == -1 && unsafe { !PyErr_Occurred().is_null() } {
        return 0;
    }
    // SAFETY: `out` points at a u8 supplied by the caller.
    unsafe { *(out as *mut u8) = v as u8 };
    1
}

unsafe extern "C" fn rgb(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let (mut r, mut g, mut b) = (0u8, 0u8, 0u8);
    // SAFETY: an all-zero Py_buffer is the documented initial state.
    let mut view: Py_buffer = unsafe { std::mem::zeroed() };
    // SAFETY: three O& units (converter + output each) and one s* unit: seven arguments.
    let ok = unsafe {
        PyArg_ParseTuple(
            args,
            c"O&O&O&|s*:rgb".as_ptr(),
            to_u8 as *const c_void,
            &mut r,
            to_u8 as *const c_void,
            &mut g,
            to_u8 as *const c_void,
            &mut b,
            &mut view,
        )
    };
    if ok == 0 {
        return std::ptr::null_mut();
    }
    if !view.buf.is_null() {
        // SAFETY: filled by s*.
        unsafe { PyBuffer_Release(&mut view) };
    }
    // SAFETY: attached.
    unsafe { Py_BuildValue(c"(bbb)".as_ptr(), r as c_int, g as c_int, b as c_int) }
}
