// expect: clean
use pyo3_ffi::*;

unsafe extern "C" fn from_int(cls: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached; `cls` is the class, `arg` the argument.
    unsafe { PyObject_CallOneArg(cls, arg) }
}

unsafe extern "C" fn helper(_unused: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut n: std::ffi::c_int = 0;
    // SAFETY: `args` is the argument tuple; `;` starts the error message.
    if unsafe { PyArg_ParseTuple(args, c"i;helper() expects an int".as_ptr(), &mut n) } == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyLong_FromLong((n * 2) as _) }
}

static mut METHODS: [PyMethodDef; 3] = [
    PyMethodDef {
        ml_name: c"from_int".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: from_int },
        ml_flags: METH_O | METH_CLASS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef {
        ml_name: c"helper".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: helper },
        ml_flags: METH_VARARGS | METH_STATIC,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
