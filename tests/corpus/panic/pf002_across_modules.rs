// expect: PF002
// Two hops through inline modules, imported with a rename.
use std::ptr;

use pyo3_ffi::*;

mod stats {
    pub mod math {
        pub fn mean(values: &[i64]) -> i64 {
            values.iter().sum::<i64>() / values.len() as i64
        }
    }

    pub fn summarize(values: &[i64]) -> i64 {
        super::stats::math::mean(values)
    }
}

use self::stats::summarize as summary;

unsafe extern "C" fn mean(_module: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    let n = PyList_Size(list);
    if n < 0 {
        return ptr::null_mut();
    }
    let mut values = Vec::with_capacity(n as usize);
    for i in 0..n {
        let v = PyLong_AsLongLong(PyList_GetItem(list, i));
        if v == -1 && !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        values.push(v);
    }
    PyLong_FromLongLong(summary(&values))
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"mean".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: mean },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
