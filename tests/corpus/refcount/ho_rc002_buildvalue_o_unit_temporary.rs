// expect: RC002
use pyo3_ffi::*;
unsafe extern "C" fn pair(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe { Py_BuildValue(c"(OO)".as_ptr(), arg, PyObject_Repr(arg)) }
}
