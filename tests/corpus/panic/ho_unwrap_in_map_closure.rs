// expect: PF001
use pyo3_ffi::*;

unsafe extern "C" fn parse_csv_ints(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let raw = unsafe { PyUnicode_AsUTF8(arg) };
    if raw.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: NUL-terminated UTF-8 from CPython.
    let text = unsafe { std::ffi::CStr::from_ptr(raw) }.to_string_lossy();
    let total: i64 = text.split(',').map(|s| s.trim().parse::<i64>().unwrap()).sum();
    // SAFETY: attached.
    unsafe { PyLong_FromLongLong(total) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"parse_csv_ints".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: parse_csv_ints },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
