// expect: PF001
use pyo3_ffi::*;

static UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];

unsafe extern "C" fn human(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let mut size = unsafe { PyLong_AsUnsignedLongLong(arg) };
    // SAFETY: attached.
    if size == u64::MAX && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    let mut unit = 0usize;
    while size >= 1024 {
        size >>= 10;
        unit += 1;
    }
    let text = format!("{} {}\0", size, UNITS[unit]);
    // SAFETY: `text` is NUL-terminated.
    unsafe { PyUnicode_FromString(text.as_ptr().cast()) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"human".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: human },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
