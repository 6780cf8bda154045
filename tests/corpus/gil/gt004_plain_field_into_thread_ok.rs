// expect: clean
use pyo3_ffi::*;
pub struct Watcher {
    callback: *mut PyObject,
    interval_ms: u64,
}
impl Watcher {
    pub fn start(&self) -> std::thread::JoinHandle<u64> {
        let ms = self.interval_ms;
        std::thread::spawn(move || ms * 2)
    }
    pub fn callback(&self) -> *mut PyObject { self.callback }
}
