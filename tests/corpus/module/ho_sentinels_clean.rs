// expect: clean
use pyo3_ffi::*;
use std::ffi::c_void;
use std::{mem, ptr};

unsafe extern "C" fn point_repr(_slf: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { PyUnicode_FromString(c"Point()".as_ptr()) }
}

unsafe extern "C" fn point_norm(_slf: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { PyFloat_FromDouble(0.0) }
}

static mut POINT_METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"norm".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: point_norm },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    // SAFETY: an all-zero PyMethodDef is the documented sentinel.
    unsafe { mem::zeroed() },
];

static mut POINT_SLOTS: [PyType_Slot; 3] = [
    PyType_Slot { slot: Py_tp_repr, pfunc: point_repr as *mut c_void },
    // SAFETY: only the address is taken.
    PyType_Slot { slot: Py_tp_methods, pfunc: unsafe { ptr::addr_of_mut!(POINT_METHODS) } as *mut c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
