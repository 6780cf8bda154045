// expect: UW002
use pyo3_ffi::*;
use std::panic::catch_unwind;

fn fib(n: u32) -> u64 {
    (0..n).fold((0u64, 1u64), |(a, b), _| (b, a.wrapping_add(b))).0
}

unsafe extern "C" fn py_fib(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsUnsignedLong(arg) };
    // SAFETY: attached.
    if n == u64::MAX as _ && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    let value = catch_unwind(|| fib(n as u32)).unwrap();
    // SAFETY: attached.
    unsafe { PyLong_FromUnsignedLongLong(value) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"fib".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: py_fib },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
