// expect: clean
use pyo3_ffi::*;
use std::ptr;

struct Raised;

fn length_of_repr(obj: *mut PyObject) -> Result<isize, Raised> {
    // SAFETY: callers hold the GIL and pass a valid object.
    let r = unsafe { PyObject_Repr(obj) };
    if r.is_null() {
        return Err(Raised);
    }
    // SAFETY: `r` is a valid str object.
    let n = unsafe { PyUnicode_GetLength(r) };
    // SAFETY: `r` is a new reference owned here.
    unsafe { Py_DECREF(r) };
    if n < 0 {
        return Err(Raised);
    }
    Ok(n)
}

fn total(a: *mut PyObject, b: *mut PyObject) -> Result<isize, Raised> {
    Ok(length_of_repr(a)? + length_of_repr(b)?)
}

unsafe extern "C" fn repr_total(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut a: *mut PyObject = ptr::null_mut();
        let mut b: *mut PyObject = ptr::null_mut();
        if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut a, &mut b) == 0 {
            return ptr::null_mut();
        }
        match total(a, b) {
            Ok(n) => PyLong_FromSsize_t(n),
            Err(Raised) => ptr::null_mut(),
        }
    }
}
