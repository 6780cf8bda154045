// expect: MD004
use pyo3_ffi::*;
use std::ptr;

static mut PARSE_ERROR: *mut PyObject = ptr::null_mut();

unsafe extern "C" fn exec_module(m: *mut PyObject) -> i32 {
    // SAFETY: attached.
    let err = unsafe { PyErr_NewException(c"_parser.ParseError".as_ptr(), ptr::null_mut(), ptr::null_mut()) };
    if err.is_null() {
        return -1;
    }
    // SAFETY: single-threaded module init; the static keeps the reference.
    unsafe { PARSE_ERROR = err };
    // SAFETY: attached; AddObjectRef does not steal.
    unsafe { PyModule_AddObjectRef(m, c"ParseError".as_ptr(), err) }
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut std::ffi::c_void },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
