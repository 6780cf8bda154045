// expect: UW002
// `.ok();` as a statement is another way of discarding the caught panic.
use std::panic::catch_unwind;
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn warm_up(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    catch_unwind(|| {
        let table: Vec<u32> = (0..64).collect();
        table.len()
    })
    .ok();
    Py_NewRef(Py_None())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"warm_up".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: warm_up },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
