// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn pair(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state.
    unsafe {
        let mut a: *mut PyObject = ptr::null_mut();
        let mut b: *mut PyObject = ptr::null_mut();
        if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut a, &mut b) == 0 {
            return ptr::null_mut();
        }
        let tuple = PyTuple_New(2);
        if tuple.is_null() {
            return ptr::null_mut();
        }
        PyTuple_SET_ITEM(tuple, 0, Py_NewRef(a));
        PyTuple_SET_ITEM(tuple, 1, Py_NewRef(b));
        tuple
    }
}
