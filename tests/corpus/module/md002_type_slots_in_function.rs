// expect: MD002
// Slots built on the stack inside the exec function: the array is passed to
// PyType_FromModuleAndSpec, which walks it until `slot == 0`.
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};
use std::ptr;

unsafe extern "C" fn counter_new(tp: *mut PyTypeObject, _a: *mut PyObject, _k: *mut PyObject) -> *mut PyObject {
    PyType_GenericAlloc(tp, 0)
}

unsafe extern "C" fn counter_dealloc(slf: *mut PyObject) {
    let tp = Py_TYPE(slf);
    PyObject_Free(slf as *mut c_void);
    Py_DECREF(tp as *mut PyObject);
}

unsafe extern "C" fn exec(module: *mut PyObject) -> c_int {
    let mut slots = [
        PyType_Slot { slot: Py_tp_new, pfunc: counter_new as *mut c_void },
        PyType_Slot { slot: Py_tp_dealloc, pfunc: counter_dealloc as *mut c_void },
    ];
    let mut spec = PyType_Spec {
        name: c"counter.Counter".as_ptr(),
        basicsize: std::mem::size_of::<PyObject>() as c_int,
        itemsize: 0,
        flags: Py_TPFLAGS_DEFAULT as u32,
        slots: slots.as_mut_ptr(),
    };
    let tp = PyType_FromModuleAndSpec(module, &mut spec, ptr::null_mut());
    if tp.is_null() {
        return -1;
    }
    PyModule_AddObjectRef(module, c"Counter".as_ptr(), tp);
    Py_DECREF(tp);
    0
}
