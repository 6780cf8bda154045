// expect: PF001
// The object's state lives in a RefCell field; a method borrows it mutably.
use std::cell::RefCell;
use std::ptr;

use pyo3_ffi::*;

#[repr(C)]
struct Stack {
    ob_base: PyObject,
    items: RefCell<Vec<*mut PyObject>>,
}

unsafe extern "C" fn stack_push(slf: *mut PyObject, item: *mut PyObject) -> *mut PyObject {
    let this = &*(slf as *const Stack);
    this.items.borrow_mut().push(Py_NewRef(item));
    Py_NewRef(Py_None())
}

static mut STACK_METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"push".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: stack_push },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
