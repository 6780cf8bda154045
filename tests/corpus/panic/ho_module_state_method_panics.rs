// expect: PF002
use pyo3_ffi::*;
use std::collections::HashMap;

struct Cache {
    entries: HashMap<String, i64>,
}

impl Cache {
    fn lookup(&self, key: &str) -> i64 {
        self.entries[key]
    }
}

struct State {
    cache: Cache,
}

unsafe extern "C" fn get(m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: the module's state is a State.
    let state = unsafe { PyModule_GetState(m) } as *mut State;
    if state.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: `arg` is a borrowed argument.
    let raw = unsafe { PyUnicode_AsUTF8(arg) };
    if raw.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: NUL-terminated UTF-8 from CPython.
    let key = unsafe { std::ffi::CStr::from_ptr(raw) }.to_string_lossy();
    // SAFETY: `state` is valid while the module is alive.
    let v = unsafe { (*state).cache.lookup(&key) };
    // SAFETY: attached.
    unsafe { PyLong_FromLongLong(v) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"get".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: get },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
