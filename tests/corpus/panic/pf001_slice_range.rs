// expect: PF001
// A buffer slice taken with a range whose end came from the caller.
use std::os::raw::c_char;
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn prefix(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut data: *const c_char = ptr::null();
    let mut len: Py_ssize_t = 0;
    let mut keep: Py_ssize_t = 0;
    if PyArg_ParseTuple(args, c"s#n".as_ptr(), &mut data, &mut len, &mut keep) == 0 {
        return ptr::null_mut();
    }
    let bytes = std::slice::from_raw_parts(data.cast::<u8>(), len as usize);
    let head = &bytes[..keep as usize];
    PyBytes_FromStringAndSize(head.as_ptr().cast(), head.len() as Py_ssize_t)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"prefix".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: prefix },
        ml_flags: METH_VARARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
