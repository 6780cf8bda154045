// expect: clean
// Two callbacks named `new` in different modules with different signatures:
// the checker cannot tell which one the entry means, so it stays silent.
use pyo3_ffi::*;
use std::ptr;

mod point {
    use pyo3_ffi::*;
    pub unsafe extern "C" fn new(_cls: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
        Py_NewRef(args)
    }
}

mod vector {
    use pyo3_ffi::*;
    pub unsafe extern "C" fn new(
        _cls: *mut PyObject,
        args: *const *mut PyObject,
        _nargs: Py_ssize_t,
    ) -> *mut PyObject {
        Py_NewRef(*args)
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"new".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFast: unsafe { std::mem::transmute(vector::new as *const ()) } },
        ml_flags: METH_FASTCALL | METH_CLASS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];

#[allow(dead_code)]
fn keep() -> *const () {
    point::new as *const ()
}
