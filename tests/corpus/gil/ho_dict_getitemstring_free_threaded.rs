// expect: GT003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn option(_module: *mut PyObject, opts: *mut PyObject) -> *mut PyObject {
    // SAFETY: `opts` is a borrowed dict argument.
    let v = unsafe { PyDict_GetItemString(opts, c"verbose".as_ptr()) };
    if v.is_null() {
        // SAFETY: attached.
        return unsafe { Py_NewRef(Py_False()) };
    }
    // SAFETY: attached.
    unsafe { Py_NewRef(v) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"option".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: option },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
