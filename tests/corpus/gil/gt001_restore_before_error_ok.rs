// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn wait(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let ms = PyLong_AsLong(arg);
    if ms == -1 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    let state = PyEval_SaveThread();
    if ms < 0 {
        PyEval_RestoreThread(state);
        PyErr_SetString(PyExc_ValueError, c"negative timeout".as_ptr());
        return ptr::null_mut();
    }
    std::thread::sleep(std::time::Duration::from_millis(ms as u64));
    PyEval_RestoreThread(state);
    Py_NewRef(Py_None())
}
