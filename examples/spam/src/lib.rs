//! `spam`: a small CPython extension module written against the raw C API
//! (pyo3-ffi style), with the kind of mistakes cpython-rs exists to catch.
//! Run `cpython-rs check examples/spam` to see them.

use std::ffi::{c_int, c_long};
use std::ptr;

use pyo3_ffi::*;

/// `spam.pair(a, b)`: a two-item list `[a, b]`.
unsafe extern "C" fn pair(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut a: *mut PyObject = ptr::null_mut();
    let mut b: *mut PyObject = ptr::null_mut();
    // SAFETY: `args` is the argument tuple CPython passed in; the format wants two objects.
    if unsafe { PyArg_ParseTuple(args, c"OO:pair".as_ptr(), &mut a, &mut b) } == 0 {
        return ptr::null_mut();
    }
    // SAFETY: the thread state is attached inside a METH_VARARGS callback.
    let list = unsafe { PyList_New(0) };
    if list.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: `list` is a new, non-NULL list; `a` and `b` are borrowed from `args`.
    unsafe {
        if PyList_Append(list, a) < 0 {
            return ptr::null_mut(); // leaks `list`
        }
        if PyList_Append(list, b) < 0 {
            Py_DECREF(list);
            return ptr::null_mut();
        }
    }
    list
}

/// `spam.first(seq)`: the first item of a list.
unsafe extern "C" fn first(_module: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    // SAFETY: `seq` is a live object passed by CPython.
    unsafe { PyList_GetItem(seq, 0) } // borrowed reference returned as if it were new
}

/// `spam.scale(n)`: `n * 10`, computed without the GIL.
unsafe extern "C" fn scale(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a live object passed by CPython.
    let n: c_long = unsafe { PyLong_AsLong(arg) };
    // SAFETY: detaching is always allowed from a callback.
    let state = unsafe { PyEval_SaveThread() };
    let scaled = n.checked_mul(10).unwrap(); // panics across the C boundary
    // SAFETY: still detached: this call needs an attached thread state.
    let result = unsafe { PyLong_FromLong(scaled) };
    // SAFETY: `state` came from PyEval_SaveThread above.
    unsafe { PyEval_RestoreThread(state) };
    result
}

/// `spam.check(x)`: 0 or -1.
unsafe extern "C" fn check(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    if arg.is_null() {
        return ptr::null_mut(); // NULL without an exception set
    }
    // SAFETY: `Py_None()` is immortal.
    unsafe { Py_NewRef(Py_None()) }
}

unsafe extern "C" fn spam_exec(module: *mut PyObject) -> c_int {
    // SAFETY: `module` is the module being executed.
    unsafe {
        let version = PyLong_FromLong(1);
        PyModule_AddObject(module, c"version".as_ptr(), version);
    }
    0
}

static mut METHODS: [PyMethodDef; 4] = [
    PyMethodDef {
        ml_name: c"pair".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: pair },
        ml_flags: METH_VARARGS,
        ml_doc: c"pair(a, b)".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"first".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: first },
        ml_flags: METH_O,
        ml_doc: c"first(seq)".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"scale".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: scale },
        ml_flags: METH_O,
        ml_doc: c"scale(n)".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"check".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: check },
        ml_flags: METH_NOARGS,
        ml_doc: c"check()".as_ptr(),
    },
];

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: spam_exec as *mut std::ffi::c_void },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];

static mut MODULE: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"spam".as_ptr(),
    m_doc: c"A module with mistakes.".as_ptr(),
    m_size: 0,
    // SAFETY: only the address is taken; CPython reads the table.
    m_methods: unsafe { ptr::addr_of_mut!(METHODS) as *mut PyMethodDef },
    // SAFETY: as above.
    m_slots: unsafe { ptr::addr_of_mut!(SLOTS) as *mut PyModuleDef_Slot },
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

/// The module's entry point.
///
/// # Safety
/// Called by CPython's import machinery with an attached thread state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyInit_spam() -> *mut PyObject {
    // SAFETY: MODULE is a static that lives for the whole process.
    unsafe { PyModuleDef_Init(ptr::addr_of_mut!(MODULE)) }
}
