// expect: GT004
use pyo3_ffi::*;
pub unsafe fn f(objs: Vec<*mut PyObject>) {
    let mut handles = Vec::new();
    for obj in objs {
        handles.push(std::thread::spawn(move || {
            let g = PyGILState_Ensure();
            Py_DECREF(obj);
            PyGILState_Release(g);
        }));
    }
    for h in handles { let _ = h.join(); }
}
