// expect: clean
use pyo3_ffi::*;
use std::ptr;

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];

unsafe extern "C" fn lookup(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut dict: *mut PyObject = ptr::null_mut();
    let mut key: *mut PyObject = ptr::null_mut();
    if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut dict, &mut key) == 0 {
        return ptr::null_mut();
    }
    let mut value: *mut PyObject = ptr::null_mut();
    let found = PyDict_GetItemRef(dict, key, &mut value);
    if found < 0 {
        return ptr::null_mut();
    }
    if found == 0 {
        return Py_NewRef(Py_None());
    }
    value
}
