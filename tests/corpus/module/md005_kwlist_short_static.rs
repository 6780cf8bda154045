// expect: MD005
// Three units, two keyword names: CPython raises SystemError on every call.
use pyo3_ffi::*;
use std::ffi::{c_char, c_int};
use std::ptr;

struct Keywords([*const c_char; 3]);
unsafe impl Sync for Keywords {}

static KWLIST: Keywords = Keywords([c"path".as_ptr(), c"mode".as_ptr(), ptr::null()]);

pub unsafe extern "C" fn open(_m: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let mut path: *mut PyObject = ptr::null_mut();
    let mut mode: *const c_char = c"r".as_ptr();
    let mut buffering: c_int = -1;
    if PyArg_ParseTupleAndKeywords(
        args,
        kwargs,
        c"O|si:open".as_ptr(),
        KWLIST.0.as_ptr() as *mut *mut c_char,
        &mut path,
        &mut mode,
        &mut buffering,
    ) == 0
    {
        return ptr::null_mut();
    }
    Py_NewRef(path)
}
