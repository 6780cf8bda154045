// expect: clean
use pyo3_ffi::*;
use std::thread;

unsafe extern "C" fn spawn_timer(_module: *mut PyObject, delay: *mut PyObject) -> *mut PyObject {
    // SAFETY: `delay` is a borrowed argument.
    let ms = unsafe { PyLong_AsUnsignedLongLong(delay) };
    // SAFETY: attached.
    if ms == u64::MAX && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    let label = format!("timer-{ms}");
    let handle = thread::spawn(move || {
        thread::sleep(std::time::Duration::from_millis(ms));
        label.len()
    });
    drop(handle);
    // SAFETY: attached; `delay` stays on this thread.
    unsafe { Py_NewRef(delay) }
}
