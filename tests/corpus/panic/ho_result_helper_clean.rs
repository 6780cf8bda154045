// expect: clean
use pyo3_ffi::*;
use std::num::ParseIntError;

fn parse_port(text: &str) -> Result<u16, ParseIntError> {
    let port: u16 = text.trim().parse()?;
    Ok(port)
}

unsafe extern "C" fn port(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let raw = unsafe { PyUnicode_AsUTF8(arg) };
    if raw.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: NUL-terminated UTF-8 from CPython.
    let text = unsafe { std::ffi::CStr::from_ptr(raw) }.to_str().unwrap_or_default();
    match parse_port(text) {
        // SAFETY: attached.
        Ok(p) => unsafe { PyLong_FromLong(p as _) },
        Err(_) => {
            // SAFETY: attached.
            unsafe { PyErr_SetString(PyExc_ValueError, c"invalid port".as_ptr()) };
            std::ptr::null_mut()
        }
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"port".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: port },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
