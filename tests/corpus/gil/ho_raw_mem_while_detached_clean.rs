// expect: clean
use pyo3_ffi::*;

unsafe extern "C" fn zeros(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsSize_t(arg) };
    // SAFETY: attached.
    if n == usize::MAX && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    // SAFETY: attached on entry.
    let save = unsafe { PyEval_SaveThread() };
    // SAFETY: the raw allocator is documented as safe without an attached thread state.
    let buf = unsafe { PyMem_RawCalloc(n.max(1), 1) } as *mut u8;
    let ok = !buf.is_null();
    if ok {
        // SAFETY: the raw allocator needs no thread state; `buf` came from PyMem_RawCalloc.
        unsafe { PyMem_RawFree(buf.cast()) };
    }
    // SAFETY: `save` came from PyEval_SaveThread.
    unsafe { PyEval_RestoreThread(save) };
    if !ok {
        // SAFETY: attached.
        return unsafe { PyErr_NoMemory() };
    }
    // SAFETY: attached.
    unsafe { PyBytes_FromStringAndSize(std::ptr::null(), n as Py_ssize_t) }
}
