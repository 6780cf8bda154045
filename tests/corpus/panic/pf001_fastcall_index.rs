// expect: PF001
// METH_FASTCALL: the argument vector is indexed before `nargs` is checked.
use std::ptr;
use std::slice;

use pyo3_ffi::*;

unsafe extern "C" fn pair_sum(
    _module: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    let args = slice::from_raw_parts(args, nargs as usize);
    let a = PyLong_AsLong(args[0]);
    let b = PyLong_AsLong(args[1]);
    if (a == -1 || b == -1) && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    PyLong_FromLong(a.wrapping_add(b))
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"pair_sum".as_ptr(),
        ml_meth: PyMethodDefPointer { _PyCFunctionFast: pair_sum },
        ml_flags: METH_FASTCALL,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
