// expect: clean
use pyo3_ffi::*;
use std::ffi::c_char;

unsafe extern "C" fn noargs_checked(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: `args` is the argument tuple; no units, no outputs.
    if unsafe { PyArg_ParseTuple(args, c":noargs_checked".as_ptr()) } == 0 {
        return std::ptr::null_mut();
    }
    let data: &[u8] = b"abc";
    // SAFETY: attached; s# takes a pointer and a length.
    unsafe { Py_BuildValue(c"(s#)".as_ptr(), data.as_ptr() as *const c_char, data.len() as Py_ssize_t) }
}

unsafe extern "C" fn opt(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut obj: *mut PyObject = Py_None();
    let mut flag: std::ffi::c_int = 0;
    // SAFETY: `args` is the argument tuple; two optional units, two outputs.
    if unsafe { PyArg_ParseTuple(args, c"|Op:opt".as_ptr(), &mut obj, &mut flag) } == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached; `obj` is borrowed.
    unsafe { Py_BuildValue(c"(Oi)".as_ptr(), obj, flag) }
}
