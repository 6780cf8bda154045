// expect: clean
// catch_unwind and resume_unwind in test code and in a plain Rust function.
use std::panic;
use std::ptr;

use pyo3_ffi::*;

pub fn run_all(jobs: Vec<Box<dyn FnOnce() + panic::UnwindSafe>>) -> usize {
    jobs.into_iter().filter(|_| true).count()
}

unsafe extern "C" fn noop(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    Py_NewRef(Py_None())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"noop".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: noop },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];

#[cfg(test)]
mod tests {
    use super::*;

    extern "C" fn boom(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
        let r = panic::catch_unwind(|| panic!("boom"));
        panic::resume_unwind(r.unwrap_err())
    }

    #[test]
    fn counts() {
        let _ = boom;
        assert_eq!(run_all(Vec::new()), 0);
    }
}
