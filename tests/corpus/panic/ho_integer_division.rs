// expect: PF001
use pyo3_ffi::*;

unsafe extern "C" fn average(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut total: i64 = 0;
    let mut count: i64 = 0;
    // SAFETY: `args` is the argument tuple; format matches the two outputs.
    if unsafe { PyArg_ParseTuple(args, c"LL".as_ptr(), &mut total, &mut count) } == 0 {
        return std::ptr::null_mut();
    }
    let avg = total / count;
    // SAFETY: attached.
    unsafe { PyLong_FromLongLong(avg) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"average".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: average },
        ml_flags: METH_VARARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
