// expect: MD005
use pyo3_ffi::*;
use std::ffi::{c_char, c_int};

unsafe extern "C" fn connect(_module: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let mut host: *const c_char = std::ptr::null();
    let mut port: c_int = 0;
    let mut kwlist = [c"host".as_ptr() as *mut c_char, c"port".as_ptr() as *mut c_char, c"timeout".as_ptr() as *mut c_char, std::ptr::null_mut()];
    // SAFETY: `args`/`kwargs` come from CPython.
    let ok = unsafe { PyArg_ParseTupleAndKeywords(args, kwargs, c"si|d:connect".as_ptr(), kwlist.as_mut_ptr(), &mut host, &mut port) };
    if ok == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyLong_FromLong(port as _) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"connect".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionWithKeywords: connect },
        ml_flags: METH_VARARGS | METH_KEYWORDS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
