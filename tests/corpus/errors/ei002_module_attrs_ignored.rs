// expect: EI002
use pyo3_ffi::*;
unsafe extern "C" fn dealloc(slf: *mut PyObject) {
    let tp = Py_TYPE(slf);
    PyObject_GC_UnTrack(slf as *mut _);
    if let Some(free) = (*tp).tp_free { free(slf as *mut _); }
    Py_DECREF(tp as *mut PyObject);
}
unsafe extern "C" fn init_mod(m: *mut PyObject) -> i32 {
    PyModule_AddIntMacro(m, 3);
    PyObject_SetAttrString(m, c"x".as_ptr(), Py_None());
    0
}
