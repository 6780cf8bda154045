// expect: clean
use pyo3_ffi::*;
use std::ffi::c_char;

unsafe extern "C" fn info(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let name: *const c_char = c"widget".as_ptr();
    let size: i32 = 3;
    let ratio: f64 = 0.5;
    // SAFETY: attached; six units, six arguments.
    unsafe { Py_BuildValue(c"{s:s,s:i,s:d}".as_ptr(), c"name".as_ptr(), name, c"size".as_ptr(), size, c"ratio".as_ptr(), ratio) }
}

unsafe extern "C" fn convert(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    unsafe extern "C" fn to_i64(obj: *mut PyObject, out: *mut std::ffi::c_void) -> std::ffi::c_int {
        // SAFETY: `out` points at an i64 supplied below.
        unsafe { *(out as *mut i64) = PyLong_AsLongLong(obj) };
        // SAFETY: attached.
        if unsafe { PyErr_Occurred().is_null() } { 1 } else { 0 }
    }
    let mut value: i64 = 0;
    // SAFETY: O& takes a converter and its output.
    if unsafe { PyArg_ParseTuple(args, c"O&".as_ptr(), to_i64 as *const std::ffi::c_void, &mut value) } == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyLong_FromLongLong(value) }
}
