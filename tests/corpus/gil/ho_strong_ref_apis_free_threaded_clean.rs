// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn lookup(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut dict: *mut PyObject = ptr::null_mut();
    let mut key: *mut PyObject = ptr::null_mut();
    // SAFETY: `args` is the argument tuple.
    if unsafe { PyArg_ParseTuple(args, c"O!O".as_ptr(), &raw mut PyDict_Type, &mut dict, &mut key) } == 0 {
        return ptr::null_mut();
    }
    let mut value: *mut PyObject = ptr::null_mut();
    // SAFETY: attached; strong-reference lookup.
    let found = unsafe { PyDict_GetItemRef(dict, key, &mut value) };
    if found < 0 {
        return ptr::null_mut();
    }
    if found == 0 {
        // SAFETY: attached.
        return unsafe { Py_NewRef(Py_None()) };
    }
    // SAFETY: attached; tuples are immutable, so a borrowed item is safe.
    let first = unsafe { PyTuple_GetItem(args, 0) };
    if first.is_null() {
        // SAFETY: attached.
        unsafe { Py_DECREF(value) };
        return ptr::null_mut();
    }
    value
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
