// expect: clean
// Every calling convention, each with the matching callback signature.
use pyo3_ffi::*;
use std::ffi::c_void;
use std::ptr;

unsafe extern "C" fn noargs(slf: *mut PyObject, _unused: *mut PyObject) -> *mut PyObject {
    Py_NewRef(slf)
}

unsafe extern "C" fn one(_slf: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    Py_NewRef(arg)
}

unsafe extern "C" fn tuple(_slf: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    Py_NewRef(args)
}

unsafe extern "C" fn tuple_kw(_slf: *mut PyObject, args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    Py_NewRef(args)
}

unsafe extern "C" fn fast(_slf: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    if nargs < 1 {
        return Py_NewRef(Py_None());
    }
    Py_NewRef(*args)
}

unsafe extern "C" fn fast_kw(
    _slf: *mut PyObject,
    _args: *const *mut PyObject,
    nargs: Py_ssize_t,
    _kwnames: *mut PyObject,
) -> *mut PyObject {
    PyLong_FromSsize_t(nargs)
}

unsafe extern "C" fn with_class(
    _slf: *mut PyObject,
    cls: *mut PyTypeObject,
    _args: *const *mut PyObject,
    _nargs: Py_ssize_t,
    _kwnames: *mut PyObject,
) -> *mut PyObject {
    Py_NewRef(cls as *mut PyObject)
}

static mut METHODS: [PyMethodDef; 8] = [
    PyMethodDef {
        ml_name: c"noargs".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: noargs },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"one".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: one },
        ml_flags: METH_O | METH_COEXIST,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"tuple".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: tuple },
        ml_flags: METH_VARARGS | METH_STATIC,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"tuple_kw".as_ptr(),
        ml_meth: PyMethodDefPointer {
            PyCFunction: unsafe { std::mem::transmute::<PyCFunctionWithKeywords, PyCFunction>(tuple_kw) },
        },
        ml_flags: METH_VARARGS | METH_KEYWORDS,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"fast".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFast: fast },
        ml_flags: METH_FASTCALL,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"fast_kw".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFastWithKeywords: fast_kw },
        ml_flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"with_class".as_ptr(),
        ml_meth: PyMethodDefPointer { Void: with_class as *mut c_void },
        ml_flags: METH_METHOD | METH_FASTCALL | METH_KEYWORDS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
