// expect: MD001
use pyo3_ffi::*;

unsafe extern "C" fn configure(_module: *mut PyObject, args: *mut PyObject, _kwargs: *mut PyObject) -> *mut PyObject {
    // SAFETY: `args` is treated as a tuple.
    let n = unsafe { PyTuple_Size(args) };
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(n) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"configure".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionWithKeywords: configure },
        ml_flags: METH_FASTCALL,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
