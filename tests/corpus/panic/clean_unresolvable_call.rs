// expect: clean
// Same-named functions of the crate that the callback does not call: `str::parse`
// is not the crate's `parse`, `Vec::get` is not `Config::get`.
use std::collections::HashMap;
use std::ptr;

use pyo3_ffi::*;

struct Config {
    values: HashMap<String, i64>,
}

impl Config {
    fn get(&self, key: &str) -> i64 {
        self.values[key]
    }
}

fn parse(text: &str) -> i64 {
    text.trim().parse().unwrap()
}

unsafe extern "C" fn first_number(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let raw = PyUnicode_AsUTF8(arg);
    if raw.is_null() {
        return ptr::null_mut();
    }
    let text = std::ffi::CStr::from_ptr(raw).to_string_lossy();
    let numbers: Vec<i64> = text.split(',').filter_map(|s| s.trim().parse::<i64>().ok()).collect();
    let first = numbers.get(0).copied().unwrap_or(0);
    PyLong_FromLongLong(first)
}

pub fn load(text: &str) -> i64 {
    let config = Config { values: HashMap::new() };
    config.get(text) + parse(text)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"first_number".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: first_number },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
