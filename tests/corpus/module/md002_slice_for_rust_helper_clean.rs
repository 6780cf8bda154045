// expect: clean
// A safe helper takes the slots as a Rust slice (it knows the length) and
// appends the terminator itself before handing them to CPython.
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};
use std::ptr;

unsafe extern "C" fn counter_new(tp: *mut PyTypeObject, _a: *mut PyObject, _k: *mut PyObject) -> *mut PyObject {
    PyType_GenericAlloc(tp, 0)
}

unsafe fn make_type(module: *mut PyObject, name: &std::ffi::CStr, slots: &[PyType_Slot]) -> *mut PyObject {
    let mut all = slots.to_vec();
    all.push(PyType_Slot { slot: 0, pfunc: ptr::null_mut() });
    let mut spec = PyType_Spec {
        name: name.as_ptr(),
        basicsize: std::mem::size_of::<PyObject>() as c_int,
        itemsize: 0,
        flags: Py_TPFLAGS_DEFAULT as u32,
        slots: all.as_mut_ptr(),
    };
    PyType_FromModuleAndSpec(module, &mut spec, ptr::null_mut())
}

pub unsafe extern "C" fn exec(module: *mut PyObject) -> c_int {
    let tp = make_type(
        module,
        c"counter.Counter",
        &[
            PyType_Slot { slot: Py_tp_new, pfunc: counter_new as *mut c_void },
            PyType_Slot { slot: Py_tp_doc, pfunc: c"A counter.".as_ptr() as *mut c_void },
        ],
    );
    if tp.is_null() {
        return -1;
    }
    PyModule_Add(module, c"Counter".as_ptr(), tp)
}
