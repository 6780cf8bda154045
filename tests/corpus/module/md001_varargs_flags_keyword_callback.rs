// expect: MD001
// A keyword-taking callback transmuted into the `PyCFunction` slot, but the
// flags still say METH_VARARGS: CPython passes two arguments, `kwargs` is garbage.
use pyo3_ffi::*;
use std::ffi::c_long;
use std::ptr;

unsafe extern "C" fn scale(
    _module: *mut PyObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    let mut factor: c_long = 1;
    let mut value: c_long = 0;
    let mut kwlist = [c"value".as_ptr() as *mut _, c"factor".as_ptr() as *mut _, ptr::null_mut()];
    if PyArg_ParseTupleAndKeywords(args, kwargs, c"l|l:scale".as_ptr(), kwlist.as_mut_ptr(), &mut value, &mut factor) == 0 {
        return ptr::null_mut();
    }
    PyLong_FromLong(value * factor)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"scale".as_ptr(),
        ml_meth: PyMethodDefPointer {
            PyCFunction: unsafe { std::mem::transmute::<PyCFunctionWithKeywords, PyCFunction>(scale) },
        },
        ml_flags: METH_VARARGS,
        ml_doc: c"scale(value, factor=1)".as_ptr(),
    },
    PyMethodDef::zeroed(),
];
