// expect: GT002
use pyo3_ffi::*;

pub enum Event {
    Tick(i64),
    Stop,
}

/// Delivers an event to a Python handler from a native worker thread.
pub fn deliver(handler: *mut PyObject, event: Event) -> bool {
    // SAFETY: any thread may call PyGILState_Ensure.
    let g = unsafe { PyGILState_Ensure() };
    let arg = match event {
        // SAFETY: attached.
        Event::Tick(n) => unsafe { PyLong_FromLongLong(n) },
        Event::Stop => return false,
    };
    if arg.is_null() {
        // SAFETY: attached.
        unsafe { PyErr_Clear() };
    } else {
        // SAFETY: attached; `handler` is a strong reference held by the caller.
        let r = unsafe { PyObject_CallOneArg(handler, arg) };
        // SAFETY: attached.
        unsafe { Py_XDECREF(r) };
        // SAFETY: attached.
        unsafe { Py_DECREF(arg) };
    }
    // SAFETY: pairs with the Ensure above.
    unsafe { PyGILState_Release(g) };
    true
}
