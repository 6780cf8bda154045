// expect: clean
// Panicking helpers that no callback calls, and test code.
use std::ptr;

use pyo3_ffi::*;

pub fn parse_config(text: &str) -> Vec<u32> {
    text.split(',').map(|s| s.trim().parse().unwrap()).collect()
}

fn internal_only(values: &[u32]) -> u32 {
    values[0] / values[1]
}

unsafe extern "C" fn version(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    PyLong_FromLong(3)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"version".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: version },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        assert_eq!(parse_config("1, 2"), vec![1, 2]);
        assert_eq!(internal_only(&[4, 2]), 2);
    }
}
