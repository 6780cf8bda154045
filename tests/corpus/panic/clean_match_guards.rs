// expect: clean
// Zero handled by a match arm, length checked with an early return, ranges checked.
use std::ptr;
use std::slice;

use pyo3_ffi::*;

unsafe extern "C" fn scaled(
    _module: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    let args = slice::from_raw_parts(args, nargs as usize);
    if args.len() < 2 {
        PyErr_SetString(PyExc_TypeError, c"scaled() needs 2 arguments".as_ptr());
        return ptr::null_mut();
    }
    let value = PyLong_AsLongLong(args[0]);
    let divisor = PyLong_AsLongLong(args[1]);
    if (value == -1 || divisor == -1) && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    let result = match divisor {
        0 => {
            PyErr_SetString(PyExc_ZeroDivisionError, c"divisor is zero".as_ptr());
            return ptr::null_mut();
        }
        d => value / divisor + value % d.max(1),
    };
    let digits: Vec<u8> = result.to_string().into_bytes();
    let keep = 3usize;
    let head = if digits.len() > keep { &digits[..keep] } else { &digits[..] };
    PyLong_FromLongLong(result + head.len() as i64)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"scaled".as_ptr(),
        ml_meth: PyMethodDefPointer { _PyCFunctionFast: scaled },
        ml_flags: METH_FASTCALL,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
