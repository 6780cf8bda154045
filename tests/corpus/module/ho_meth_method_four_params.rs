// expect: MD001
use pyo3_ffi::*;

unsafe extern "C" fn clone_with(
    slf: *mut PyObject,
    _defining_class: *mut PyTypeObject,
    _args: *const *mut PyObject,
    _nargs: Py_ssize_t,
) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { Py_NewRef(slf) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"clone_with".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCMethod: clone_with },
        ml_flags: METH_METHOD | METH_FASTCALL | METH_KEYWORDS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
