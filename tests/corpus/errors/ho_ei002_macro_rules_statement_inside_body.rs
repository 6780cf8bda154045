// expect: EI002
use pyo3_ffi::*;
use std::os::raw::c_int;

macro_rules! constants {
    ($module:ident, $($name:ident = $value:expr),* $(,)?) => {
        $(
            PyModule_AddIntConstant($module, concat!(stringify!($name), "\0").as_ptr().cast(), $value);
        )*
    };
}

unsafe extern "C" fn exec(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        constants!(module, SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2);
    }
    0
}
