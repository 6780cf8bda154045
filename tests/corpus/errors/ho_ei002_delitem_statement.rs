// expect: EI002
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn scrub(_m: *mut PyObject, d: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        PyDict_DelItemString(d, c"secret".as_ptr());
        Py_NewRef(Py_None())
    }
}
