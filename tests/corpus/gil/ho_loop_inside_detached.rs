// expect: GT001
use pyo3_ffi::*;

unsafe extern "C" fn fill(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsSsize_t(arg) };
    // SAFETY: attached.
    if n == -1 && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    let list = unsafe { PyList_New(n) };
    if list.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: attached on entry.
    let save = unsafe { PyEval_SaveThread() };
    for i in 0..n {
        let v = i * i;
        // SAFETY: wrong on purpose: creating ints needs the thread state.
        unsafe { PyList_SET_ITEM(list, i, PyLong_FromSsize_t(v)) };
    }
    // SAFETY: `save` came from PyEval_SaveThread.
    unsafe { PyEval_RestoreThread(save) };
    list
}
