// expect: RC008
use pyo3_ffi::*;
use std::os::raw::c_int;
#[repr(C)]
struct State { cache: *mut PyObject }
unsafe extern "C" fn module_clear(module: *mut PyObject) -> c_int {
    // SAFETY: GIL held.
    unsafe {
        let st = PyModule_GetState(module) as *mut State;
        if st.is_null() {
            return 0;
        }
        Py_CLEAR(&mut (*st).cache);
        Py_DECREF(st as *mut PyObject);
        0
    }
}
