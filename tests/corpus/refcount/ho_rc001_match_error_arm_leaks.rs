// expect: RC001
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn eq_str(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let mut a: *mut PyObject = ptr::null_mut();
        let mut b: *mut PyObject = ptr::null_mut();
        if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut a, &mut b) == 0 {
            return ptr::null_mut();
        }
        let sa = PyObject_Str(a);
        if sa.is_null() {
            return ptr::null_mut();
        }
        match PyObject_RichCompareBool(sa, b, Py_EQ) {
            -1 => ptr::null_mut(),
            r => {
                Py_DECREF(sa);
                PyBool_FromLong(r as _)
            }
        }
    }
}
