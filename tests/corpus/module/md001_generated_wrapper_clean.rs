// expect: clean
// The table names a Rust function; a macro generates the `extern "C"`
// wrapper CPython calls, so the Rust signature says nothing about the ABI.
use pyo3_ffi::*;
use std::ptr;

macro_rules! wrap {
    ($name:ident) => {
        $name
    };
}

fn area(width: f64, height: f64, unit: &str) -> String {
    format!("{} {unit}", width * height)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"area".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: wrap!(area) },
        ml_flags: METH_VARARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];

#[allow(dead_code)]
fn use_area() -> String {
    area(1.0, 2.0, "m")
}
