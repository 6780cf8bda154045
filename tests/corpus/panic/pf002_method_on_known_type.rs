// expect: PF002
// A method of a crate type, called on a value whose type the `let` names.
use std::ptr;

use pyo3_ffi::*;

struct Histogram {
    buckets: Vec<u64>,
}

impl Histogram {
    fn new(size: usize) -> Self {
        Histogram { buckets: vec![0; size] }
    }

    fn add(&mut self, bucket: usize) {
        self.buckets[bucket] += 1;
    }

    fn total(&self) -> u64 {
        self.buckets.iter().sum()
    }
}

unsafe extern "C" fn histogram(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let bucket = PyLong_AsSize_t(arg);
    if bucket == usize::MAX && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    let mut hist: Histogram = Histogram::new(8);
    hist.add(bucket);
    PyLong_FromUnsignedLongLong(hist.total())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"histogram".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: histogram },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
