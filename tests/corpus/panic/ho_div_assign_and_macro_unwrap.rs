// expect: PF001
use pyo3_ffi::*;

unsafe extern "C" fn scale_all(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut total: i64 = 0;
    let mut by: i64 = 1;
    // SAFETY: `args` is the argument tuple; two L outputs.
    if unsafe { PyArg_ParseTuple(args, c"LL".as_ptr(), &mut total, &mut by) } == 0 {
        return std::ptr::null_mut();
    }
    total /= by;
    // SAFETY: attached.
    unsafe { PyLong_FromLongLong(total) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"scale_all".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: scale_all },
        ml_flags: METH_VARARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
