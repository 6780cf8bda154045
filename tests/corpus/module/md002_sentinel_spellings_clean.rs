// expect: clean
// Every usual spelling of a zeroed sentinel.
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};
use std::mem::MaybeUninit;
use std::ptr;

unsafe extern "C" fn ping(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    Py_NewRef(Py_None())
}

unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    PyModule_AddIntConstant(module, c"ANSWER".as_ptr(), 42)
}

const END: PyModuleDef_Slot = PyModuleDef_Slot { slot: 0, value: ptr::null_mut() };

static mut A: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"ping".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: ping },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    unsafe { std::mem::zeroed() },
];

static mut B: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"ping".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: ping },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: ptr::null(),
        ml_meth: PyMethodDefPointer { Void: ptr::null_mut() },
        ml_flags: 0,
        ml_doc: ptr::null(),
    },
];

static mut C: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut c_void },
    END,
];

static mut D: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_doc, pfunc: c"doc".as_ptr() as *mut c_void },
    unsafe { MaybeUninit::zeroed().assume_init() },
];

static mut E: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"ping".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: ping },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef { ..PyMethodDef::zeroed() },
];

static mut F: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_doc, pfunc: c"doc".as_ptr() as *mut c_void },
    PyType_Slot { slot: 0, pfunc: 0 as *mut c_void },
];
