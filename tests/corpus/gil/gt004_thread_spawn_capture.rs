// expect: GT004
use pyo3_ffi::*;
use std::ptr;
use std::thread;

unsafe extern "C" fn log_async(_m: *mut PyObject, message: *mut PyObject) -> *mut PyObject {
    let handle = thread::spawn(move || {
        let gil = PyGILState_Ensure();
        PyObject_Print(message, libc_stdout(), 0);
        PyGILState_Release(gil);
    });
    drop(handle);
    Py_NewRef(Py_None())
}

fn libc_stdout() -> *mut std::ffi::c_void {
    ptr::null_mut()
}
