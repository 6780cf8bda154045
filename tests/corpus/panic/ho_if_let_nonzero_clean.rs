// expect: clean
use pyo3_ffi::*;
use std::num::NonZeroU32;

unsafe extern "C" fn per_worker(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut jobs: u32 = 0;
    let mut workers: u32 = 0;
    // SAFETY: `args` is the argument tuple; two I outputs.
    if unsafe { PyArg_ParseTuple(args, c"II".as_ptr(), &mut jobs, &mut workers) } == 0 {
        return std::ptr::null_mut();
    }
    if let Some(nz) = NonZeroU32::new(workers) {
        let share = jobs / nz;
        // SAFETY: attached.
        return unsafe { PyLong_FromUnsignedLong(share as _) };
    }
    // SAFETY: attached.
    unsafe { PyErr_SetString(PyExc_ValueError, c"workers must be positive".as_ptr()) };
    std::ptr::null_mut()
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"per_worker".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: per_worker },
        ml_flags: METH_VARARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
