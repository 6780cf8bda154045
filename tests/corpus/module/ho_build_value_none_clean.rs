// expect: clean
use pyo3_ffi::*;

unsafe extern "C" fn nothing(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached; an empty format builds None.
    unsafe { Py_BuildValue(c"".as_ptr()) }
}

unsafe extern "C" fn wrap(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached; `arg` is borrowed, so O (not N).
    unsafe { Py_BuildValue(c"[O, O]".as_ptr(), arg, arg) }
}
