// expect: PF002
use pyo3_ffi::*;

fn parse_level(text: &str) -> u8 {
    match text {
        "low" => 0,
        "high" => 2,
        other => other.parse().expect("level must be low, high or a number"),
    }
}

fn level_of(text: &str) -> u8 {
    parse_level(text.trim())
}

unsafe extern "C" fn set_level(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let raw = unsafe { PyUnicode_AsUTF8(arg) };
    if raw.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: NUL-terminated UTF-8 from CPython.
    let text = unsafe { std::ffi::CStr::from_ptr(raw) }.to_str().unwrap_or("");
    let level = level_of(text);
    // SAFETY: attached.
    unsafe { PyLong_FromLong(level as _) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"set_level".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: set_level },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
