// expect: PF001
use pyo3_ffi::*;
use std::ffi::c_void;

#[repr(C)]
struct Session {
    ob_base: PyObject,
    log: Option<std::fs::File>,
}

unsafe extern "C" fn session_dealloc(slf: *mut PyObject) {
    // SAFETY: `slf` is a Session being deallocated.
    let this = unsafe { &mut *(slf as *mut Session) };
    let file = this.log.take().expect("session log already closed");
    drop(file);
    // SAFETY: heap type: free through the type's tp_free.
    unsafe {
        let tp = Py_TYPE(slf);
        let free = PyType_GetSlot(tp, Py_tp_free);
        let free: freefunc = std::mem::transmute(free);
        free(slf as *mut c_void);
        Py_DECREF(tp as *mut PyObject);
    }
}

static mut SESSION_SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_dealloc, pfunc: session_dealloc as *mut c_void },
    PyType_Slot { slot: 0, pfunc: std::ptr::null_mut() },
];
