// expect: clean
use pyo3_ffi::*;
use std::ffi::c_void;
use std::ptr;

unsafe extern "C" fn thing_repr(_slf: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { PyUnicode_FromString(c"Thing()".as_ptr()) }
}

static mut THING_SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_repr, pfunc: thing_repr as *mut c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];

static mut THING_SPEC: PyType_Spec = PyType_Spec {
    name: c"_things.Thing".as_ptr(),
    basicsize: std::mem::size_of::<PyObject>() as i32,
    itemsize: 0,
    flags: Py_TPFLAGS_DEFAULT as u32,
    // SAFETY: only the address is taken.
    slots: unsafe { ptr::addr_of_mut!(THING_SLOTS) as *mut PyType_Slot },
};

unsafe extern "C" fn exec_module(m: *mut PyObject) -> i32 {
    // SAFETY: attached; the spec is a static.
    let ty = unsafe { PyType_FromModuleAndSpec(m, ptr::addr_of_mut!(THING_SPEC), ptr::null_mut()) };
    if ty.is_null() {
        return -1;
    }
    // SAFETY: attached; AddType does not steal.
    let rc = unsafe { PyModule_AddType(m, ty as *mut PyTypeObject) };
    // SAFETY: attached; we own `ty`.
    unsafe { Py_DECREF(ty) };
    rc
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut c_void },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
