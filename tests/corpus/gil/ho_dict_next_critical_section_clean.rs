// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn count_ints(_module: *mut PyObject, dict: *mut PyObject) -> *mut PyObject {
    let mut pos: Py_ssize_t = 0;
    let mut key: *mut PyObject = ptr::null_mut();
    let mut value: *mut PyObject = ptr::null_mut();
    let mut n: i64 = 0;
    // SAFETY: an all-zero critical section is a valid initial value.
    let mut cs: PyCriticalSection = unsafe { std::mem::zeroed() };
    // SAFETY: `dict` is a borrowed dict argument; attached.
    unsafe { PyCriticalSection_Begin(&mut cs, dict) };
    // SAFETY: the dict is locked for the whole iteration.
    while unsafe { PyDict_Next(dict, &mut pos, &mut key, &mut value) } != 0 {
        // SAFETY: `value` is borrowed from the locked dict.
        if unsafe { PyLong_Check(value) } != 0 {
            n += 1;
        }
    }
    // SAFETY: pairs with the Begin above.
    unsafe { PyCriticalSection_End(&mut cs) };
    // SAFETY: attached.
    unsafe { PyLong_FromLongLong(n) }
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
