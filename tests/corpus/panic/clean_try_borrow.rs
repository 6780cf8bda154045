// expect: clean
// try_borrow_mut reports a busy cell instead of panicking; `borrow()` of a non-RefCell is fine.
use std::borrow::Borrow;
use std::cell::RefCell;
use std::ptr;

use pyo3_ffi::*;

thread_local! {
    static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new());
}

unsafe extern "C" fn log_line(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let raw = PyUnicode_AsUTF8(arg);
    if raw.is_null() {
        return ptr::null_mut();
    }
    let line = std::ffi::CStr::from_ptr(raw).to_string_lossy().into_owned();
    let name: String = String::from("log");
    let label: &str = name.borrow();
    let stored = LOG.with(|log| match log.try_borrow_mut() {
        Ok(mut log) => {
            log.push(format!("{label}: {line}"));
            true
        }
        Err(_) => false,
    });
    if !stored {
        PyErr_SetString(PyExc_RuntimeError, c"log is busy".as_ptr());
        return ptr::null_mut();
    }
    Py_NewRef(Py_None())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"log_line".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: log_line },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
