// expect: MD001
// Same parameter count, wrong shape: METH_FASTCALL hands over a C array of
// arguments, but this callback reads its second parameter as a tuple.
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn join(_slf: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    if !kwargs.is_null() {
        PyErr_SetString(PyExc_TypeError, c"join() takes no keyword arguments".as_ptr());
        return ptr::null_mut();
    }
    PyUnicode_Join(ptr::null_mut(), args)
}

pub static mut JOIN_DEF: PyMethodDef = PyMethodDef {
    ml_name: c"join".as_ptr(),
    ml_meth: PyMethodDefPointer { PyCFunctionWithKeywords: join },
    ml_flags: METH_FASTCALL,
    ml_doc: ptr::null(),
};
