// expect: clean
// The panic-free spellings: get, unwrap_or*, checked_div, an explicit zero test, a length test.
use std::ptr;
use std::slice;

use pyo3_ffi::*;

unsafe extern "C" fn pick(
    _module: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    if nargs != 2 {
        PyErr_SetString(PyExc_TypeError, c"pick() takes 2 arguments".as_ptr());
        return ptr::null_mut();
    }
    let args = slice::from_raw_parts(args, nargs as usize);
    let total = PyLong_AsLong(args[0]);
    let parts = PyLong_AsLong(args[1]);
    if (total == -1 || parts == -1) && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    if parts == 0 {
        PyErr_SetString(PyExc_ZeroDivisionError, c"parts must not be zero".as_ptr());
        return ptr::null_mut();
    }
    let share = total / parts;
    let table = [10_i64, 20, 30];
    let bonus = table.get(share as usize).copied().unwrap_or_default();
    let extra = total.checked_rem(parts).unwrap_or(0);
    let fallback = "7".parse::<i64>().unwrap_or_else(|_| 0);
    PyLong_FromLong(share + bonus + extra + fallback + table[2])
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"pick".as_ptr(),
        ml_meth: PyMethodDefPointer { _PyCFunctionFast: pick },
        ml_flags: METH_FASTCALL,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
