// expect: MD001
// A class method that takes keywords must have three parameters; the modifier
// METH_CLASS does not change the calling convention.
use pyo3_ffi::*;
use std::ffi::c_void;
use std::ptr;

unsafe extern "C" fn from_bytes(cls: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    PyObject_CallObject(cls, args)
}

static mut POINT_METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"from_bytes".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: from_bytes },
        ml_flags: METH_VARARGS | METH_KEYWORDS | METH_CLASS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];

static mut POINT_SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_methods, pfunc: ptr::addr_of_mut!(POINT_METHODS) as *mut c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
