// expect: PF001
use pyo3_ffi::*;

unsafe extern "C" fn prefix(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut data: *const u8 = std::ptr::null();
    let mut len: Py_ssize_t = 0;
    let mut n: Py_ssize_t = 0;
    // SAFETY: `args` is the argument tuple; y# then n.
    if unsafe { PyArg_ParseTuple(args, c"y#n".as_ptr(), &mut data, &mut len, &mut n) } == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: CPython guarantees `len` readable bytes.
    let bytes = unsafe { std::slice::from_raw_parts(data, len as usize) };
    let head = &bytes[..n as usize];
    // SAFETY: attached.
    unsafe { PyBytes_FromStringAndSize(head.as_ptr().cast(), head.len() as Py_ssize_t) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"prefix".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: prefix },
        ml_flags: METH_VARARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
