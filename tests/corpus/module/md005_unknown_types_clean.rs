// expect: clean
// Arguments whose types the checker cannot see (fields, method results,
// inferred literals): only the count is checked, and it is right.
use pyo3_ffi::*;
use std::ptr;

struct Parsed {
    width: i32,
    name: *mut PyObject,
    total: i64,
}

pub unsafe extern "C" fn parse(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut out = Parsed { width: 0, name: ptr::null_mut(), total: 0 };
    let mut flags = 0;
    if PyArg_ParseTuple(args, c"iO|i".as_ptr(), &mut out.width, &mut out.name, &mut flags) == 0 {
        return ptr::null_mut();
    }
    Py_BuildValue(c"(iOl)".as_ptr(), out.width, out.name, out.total + i64::from(flags))
}
