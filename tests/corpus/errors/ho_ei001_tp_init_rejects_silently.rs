// expect: EI001
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;

#[repr(C)]
struct Window {
    ob_base: PyObject,
    size: Py_ssize_t,
}

unsafe extern "C" fn window_init(slf: *mut PyObject, args: *mut PyObject, _kw: *mut PyObject) -> c_int {
    // SAFETY: CPython calls tp_init with the GIL held on a Window instance.
    unsafe {
        let mut size: Py_ssize_t = 0;
        if PyArg_ParseTuple(args, c"n".as_ptr(), &mut size) == 0 {
            return -1;
        }
        if size <= 0 {
            return -1;
        }
        (*(slf as *mut Window)).size = size;
        0
    }
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_init, pfunc: window_init as *mut _ },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
