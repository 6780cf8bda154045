// expect: RC001
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;

enum Mode {
    Upper,
    Lower,
    Raw,
}

fn mode_of(flag: c_int) -> Mode {
    match flag {
        1 => Mode::Upper,
        2 => Mode::Lower,
        _ => Mode::Raw,
    }
}

unsafe extern "C" fn render(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut obj: *mut PyObject = ptr::null_mut();
        let mut flag: c_int = 0;
        if PyArg_ParseTuple(args, c"Oi".as_ptr(), &mut obj, &mut flag) == 0 {
            return ptr::null_mut();
        }
        let text = PyObject_Str(obj);
        if text.is_null() {
            return ptr::null_mut();
        }
        match mode_of(flag) {
            Mode::Upper => {
                let out = PyObject_CallMethod(text, c"upper".as_ptr(), ptr::null());
                Py_DECREF(text);
                out
            }
            Mode::Lower => {
                let out = PyObject_CallMethod(text, c"lower".as_ptr(), ptr::null());
                Py_DECREF(text);
                out
            }
            Mode::Raw => {
                PyErr_SetString(PyExc_ValueError, c"raw mode is not supported".as_ptr());
                ptr::null_mut()
            }
        }
    }
}
