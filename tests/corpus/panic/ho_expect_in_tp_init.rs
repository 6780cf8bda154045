// expect: PF001
use pyo3_ffi::*;
use std::ffi::{c_int, c_void, CStr};

#[repr(C)]
struct Config {
    ob_base: PyObject,
    name: Option<String>,
}

unsafe extern "C" fn config_init(slf: *mut PyObject, args: *mut PyObject, _kwds: *mut PyObject) -> c_int {
    let mut raw: *const std::ffi::c_char = std::ptr::null();
    // SAFETY: `args` is the argument tuple; one s output.
    if unsafe { PyArg_ParseTuple(args, c"s".as_ptr(), &mut raw) } == 0 {
        return -1;
    }
    // SAFETY: CPython returns a NUL-terminated buffer.
    let name = unsafe { CStr::from_ptr(raw) }.to_str().expect("utf-8 name").to_owned();
    // SAFETY: `slf` is a Config instance.
    unsafe { (*(slf as *mut Config)).name = Some(name) };
    0
}

static mut CONFIG_SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_init, pfunc: config_init as *mut c_void },
    PyType_Slot { slot: 0, pfunc: std::ptr::null_mut() },
];
