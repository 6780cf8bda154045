// expect: clean
use pyo3_ffi::*;

static NAMES: [&std::ffi::CStr; 3] = [c"red", c"green", c"blue"];

unsafe extern "C" fn color_name(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let i = unsafe { PyLong_AsSize_t(arg) };
    // SAFETY: attached.
    if i == usize::MAX && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    if i >= NAMES.len() {
        // SAFETY: attached.
        unsafe { PyErr_SetString(PyExc_IndexError, c"no such color".as_ptr()) };
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyUnicode_FromString(NAMES[i].as_ptr()) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"color_name".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: color_name },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
