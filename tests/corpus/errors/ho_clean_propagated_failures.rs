// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        if PyModule_AddIntConstant(module, c"MAX_DEPTH".as_ptr(), 64) < 0 {
            return -1;
        }
        let names = PyList_New(0);
        if names.is_null() {
            return -1;
        }
        for name in [c"alpha", c"beta"] {
            let s = PyUnicode_FromString(name.as_ptr());
            if s.is_null() {
                Py_DECREF(names);
                return -1;
            }
            let rc = PyList_Append(names, s);
            Py_DECREF(s);
            if rc < 0 {
                Py_DECREF(names);
                return -1;
            }
        }
        PyModule_Add(module, c"NAMES".as_ptr(), names)
    }
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut _ },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
