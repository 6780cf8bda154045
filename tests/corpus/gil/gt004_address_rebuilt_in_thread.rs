// expect: GT004
use pyo3_ffi::*;
use std::thread;
pub unsafe fn f(obj: *mut PyObject) {
    let p = obj as usize;
    let h = thread::spawn(move || {
        let obj = p as *mut PyObject;
        let g = PyGILState_Ensure();
        Py_DECREF(obj);
        PyGILState_Release(g);
    });
    h.join().ok();
}
