// expect: clean
use pyo3_ffi::*;
use std::ptr;

fn checked_index(obj: *mut PyObject, len: Py_ssize_t) -> Option<Py_ssize_t> {
    // SAFETY: callers hold the GIL and pass a valid object.
    unsafe {
        let i = PyNumber_AsSsize_t(obj, PyExc_IndexError);
        if i == -1 && !PyErr_Occurred().is_null() {
            return None;
        }
        if i < 0 || i >= len {
            PyErr_SetString(PyExc_IndexError, c"index out of range".as_ptr());
            return None;
        }
        Some(i)
    }
}

unsafe extern "C" fn pick(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut seq: *mut PyObject = ptr::null_mut();
        let mut idx: *mut PyObject = ptr::null_mut();
        if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut seq, &mut idx) == 0 {
            return ptr::null_mut();
        }
        let len = PySequence_Size(seq);
        if len < 0 {
            return ptr::null_mut();
        }
        let Some(i) = checked_index(idx, len) else {
            return ptr::null_mut();
        };
        PySequence_GetItem(seq, i)
    }
}
