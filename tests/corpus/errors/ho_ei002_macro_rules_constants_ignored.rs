// expect: EI002
use pyo3_ffi::*;
use std::os::raw::c_int;

macro_rules! add_int {
    ($module:expr, $name:literal, $value:expr) => {
        PyModule_AddIntConstant($module, $name.as_ptr(), $value)
    };
}

unsafe extern "C" fn exec(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        add_int!(module, c"O_RDONLY", 0);
        add_int!(module, c"O_WRONLY", 1);
        add_int!(module, c"O_RDWR", 2);
        add_int!(module, c"O_CREAT", 64);
    }
    0
}
