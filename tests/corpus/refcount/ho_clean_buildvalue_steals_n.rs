// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_long;
use std::ptr;

unsafe extern "C" fn divmod_pair(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut a: c_long = 0;
        let mut b: c_long = 0;
        if PyArg_ParseTuple(args, c"ll".as_ptr(), &mut a, &mut b) == 0 {
            return ptr::null_mut();
        }
        if b == 0 {
            PyErr_SetString(PyExc_ZeroDivisionError, c"division by zero".as_ptr());
            return ptr::null_mut();
        }
        let quotient = PyLong_FromLong(a / b);
        if quotient.is_null() {
            return ptr::null_mut();
        }
        Py_BuildValue(c"(Nl)".as_ptr(), quotient, a % b)
    }
}
