// expect: GT004
use pyo3_ffi::*;
pub struct Watcher {
    callback: *mut PyObject,
    interval_ms: u64,
}
impl Watcher {
    pub fn start(&self) -> std::thread::JoinHandle<()> {
        let cb = self.callback;
        let ms = self.interval_ms;
        std::thread::spawn(move || loop {
            std::thread::sleep(std::time::Duration::from_millis(ms));
            unsafe {
                let g = PyGILState_Ensure();
                let r = PyObject_CallNoArgs(cb);
                if !r.is_null() { Py_DECREF(r); }
                PyGILState_Release(g);
            }
        })
    }
}
