// expect: clean
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
struct Buffer {
    ob_base: PyObject,
    data: *mut PyObject,
}

unsafe extern "C" fn buffer_dealloc(obj: *mut PyObject) {
    // SAFETY: CPython calls tp_dealloc with the GIL held on an object of this heap type.
    unsafe {
        let tp = Py_TYPE(obj);
        PyObject_GC_UnTrack(obj.cast());
        let this = obj as *mut Buffer;
        Py_CLEAR(&mut (*this).data);
        let free = PyType_GetSlot(tp, Py_tp_free);
        let free: freefunc = std::mem::transmute(free);
        free(obj.cast());
        Py_DECREF(tp as *mut PyObject);
    }
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_dealloc, pfunc: buffer_dealloc as *mut _ },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
