// expect: PF001
use pyo3_ffi::*;

unsafe extern "C" fn describe(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsLong(arg) };
    // SAFETY: attached.
    if n == -1 && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    let text = format!("{} items\0", u16::try_from(n).unwrap());
    // SAFETY: `text` is NUL-terminated.
    unsafe { PyUnicode_FromString(text.as_ptr().cast()) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"describe".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: describe },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
