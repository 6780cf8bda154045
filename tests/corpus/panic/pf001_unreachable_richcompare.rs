// expect: PF001
// `tp_richcompare` assumes only six opcodes exist and says so with `unreachable!`.
use std::os::raw::{c_int, c_void};
use std::ptr;

use pyo3_ffi::*;

#[repr(C)]
struct Version {
    ob_base: PyObject,
    major: u32,
    minor: u32,
}

unsafe extern "C" fn version_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if Py_TYPE(a) != Py_TYPE(b) {
        return Py_NewRef(Py_NotImplemented());
    }
    let (a, b) = (&*(a as *mut Version), &*(b as *mut Version));
    let left = (a.major, a.minor);
    let right = (b.major, b.minor);
    let result = match op {
        Py_LT => left < right,
        Py_LE => left <= right,
        Py_EQ => left == right,
        Py_NE => left != right,
        Py_GT => left > right,
        Py_GE => left >= right,
        _ => unreachable!("bad comparison opcode {op}"),
    };
    PyBool_FromLong(result as _)
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_richcompare, pfunc: version_richcompare as *mut c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
