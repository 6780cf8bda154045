// expect: GT004
use pyo3_ffi::*;
struct SendPtr<T>(*mut T);
unsafe impl<T> Send for SendPtr<T> {}
pub unsafe fn f(obj: *mut PyObject) {
    let p = SendPtr(obj);
    std::thread::spawn(move || {
        let p = p;
        let g = PyGILState_Ensure();
        Py_DECREF(p.0);
        PyGILState_Release(g);
    });
}
