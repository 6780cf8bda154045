// expect: PF002
// The RefCell borrow is in a helper; the callback only calls it.
use std::cell::RefCell;
use std::ptr;

use pyo3_ffi::*;

thread_local! {
    static COUNTS: RefCell<Vec<u64>> = RefCell::new(vec![0; 16]);
}

fn bump(slot: usize) -> u64 {
    COUNTS.with_borrow_mut(|counts| {
        let c = counts.get_mut(slot % 16).map(|c| {
            *c += 1;
            *c
        });
        c.unwrap_or(0)
    })
}

unsafe extern "C" fn hit(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let slot = PyLong_AsSize_t(arg);
    if slot == usize::MAX && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    PyLong_FromUnsignedLongLong(bump(slot))
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"hit".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: hit },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
