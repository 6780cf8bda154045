// expect: PF002
use pyo3_ffi::*;

struct Version {
    major: u32,
    minor: u32,
}

impl Version {
    fn parse(text: &str) -> Version {
        let mut it = text.split('.');
        let major = it.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        let minor = match it.next() {
            Some(s) => s.parse().unwrap_or(0),
            None => panic!("version {text:?} has no minor part"),
        };
        Version { major, minor }
    }
}

unsafe extern "C" fn version_key(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let raw = unsafe { PyUnicode_AsUTF8(arg) };
    if raw.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: NUL-terminated UTF-8 from CPython.
    let text = unsafe { std::ffi::CStr::from_ptr(raw) }.to_string_lossy();
    let v = Version::parse(&text);
    // SAFETY: attached.
    unsafe { PyLong_FromUnsignedLong((v.major as u64 * 1000 + v.minor as u64) as _) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"version_key".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: version_key },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
