// expect: MD005
// `O!` takes the type object and the output pointer: two arguments.
use pyo3_ffi::*;
use std::ptr;

pub unsafe extern "C" fn total(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut items: *mut PyObject = ptr::null_mut();
    if PyArg_ParseTuple(args, c"O!:total".as_ptr(), &mut items) == 0 {
        return ptr::null_mut();
    }
    PyLong_FromSsize_t(PyList_Size(items))
}
