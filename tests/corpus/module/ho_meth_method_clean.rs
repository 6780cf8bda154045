// expect: clean
use pyo3_ffi::*;

unsafe extern "C" fn clone_with(
    slf: *mut PyObject,
    _defining_class: *mut PyTypeObject,
    _args: *const *mut PyObject,
    _nargs: Py_ssize_t,
    _kwnames: *mut PyObject,
) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { Py_NewRef(slf) }
}

unsafe extern "C" fn size(slf: *mut PyObject, _unused: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached.
    let n = unsafe { PyObject_Length(slf) };
    if n < 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(n) }
}

static mut METHODS: [PyMethodDef; 3] = [
    PyMethodDef {
        ml_name: c"clone_with".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCMethod: clone_with },
        ml_flags: METH_METHOD | METH_FASTCALL | METH_KEYWORDS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef {
        ml_name: c"size".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: size },
        ml_flags: METH_NOARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef {
        ml_name: std::ptr::null(),
        ml_meth: PyMethodDefPointer { Void: std::ptr::null_mut() },
        ml_flags: 0,
        ml_doc: std::ptr::null(),
    },
];
