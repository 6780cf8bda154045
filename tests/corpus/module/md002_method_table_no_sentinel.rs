// expect: MD002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn ping(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    PyUnicode_FromString(c"pong".as_ptr())
}

unsafe extern "C" fn echo(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    Py_NewRef(arg)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"ping".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: ping },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"echo".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: echo },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
];

static mut MODULE_DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"echo".as_ptr(),
    m_doc: ptr::null(),
    m_size: 0,
    m_methods: ptr::addr_of_mut!(METHODS) as *mut PyMethodDef,
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};
