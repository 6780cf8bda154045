// expect: clean
use pyo3_ffi::*;
use std::num::NonZeroU64;

unsafe extern "C" fn chunks(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut total: u64 = 0;
    let mut size: u64 = 0;
    // SAFETY: `args` is the argument tuple; two K outputs.
    if unsafe { PyArg_ParseTuple(args, c"KK".as_ptr(), &mut total, &mut size) } == 0 {
        return std::ptr::null_mut();
    }
    let Some(size) = NonZeroU64::new(size) else {
        // SAFETY: attached.
        unsafe { PyErr_SetString(PyExc_ValueError, c"size must be positive".as_ptr()) };
        return std::ptr::null_mut();
    };
    let n = total.div_ceil(size.get());
    let rest = total % size;
    // SAFETY: attached.
    unsafe { Py_BuildValue(c"(KK)".as_ptr(), n, rest) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"chunks".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: chunks },
        ml_flags: METH_VARARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
