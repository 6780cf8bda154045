// expect: MD002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn reset(slf: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { Py_NewRef(slf) }
}

static mut TIMER_METHODS: [PyMethodDef; 1] = [PyMethodDef {
    ml_name: c"reset".as_ptr(),
    ml_meth: PyMethodDefPointer { PyCFunction: reset },
    ml_flags: METH_NOARGS,
    ml_doc: ptr::null(),
}];

pub fn install(ty: &mut PyTypeObject) {
    // SAFETY: only the address is taken.
    ty.tp_methods = unsafe { ptr::addr_of_mut!(TIMER_METHODS) as *mut PyMethodDef };
}
