// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;

unsafe extern "C" fn module_exec(module: *mut PyObject) -> c_int {
    if PyModule_AddIntConstant(module, c"MAX_DEPTH".as_ptr(), 64) < 0 {
        return -1;
    }
    let status = PyModule_AddStringConstant(module, c"VERSION".as_ptr(), c"1.0".as_ptr());
    if status != 0 {
        return -1;
    }
    0
}

unsafe extern "C" fn fail(_m: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    PyErr_Format(PyExc_ValueError, c"bad value %d".as_ptr(), 3);
    ptr::null_mut()
}
