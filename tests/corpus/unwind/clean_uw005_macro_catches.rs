// expect: clean
// The generated slot catches the user's panic and raises instead.
use std::os::raw::c_int;

use pyo3_ffi::*;

#[macro_export]
macro_rules! define_exec {
    (exec: $exec:path $(,)?) => {
        unsafe extern "C" fn __exec(m: *mut PyObject) -> c_int {
            match ::std::panic::catch_unwind(|| $exec(m)) {
                Ok(Ok(())) => 0,
                Ok(Err(_)) => -1,
                Err(_) => {
                    PyErr_SetString(PyExc_SystemError, c"panic in exec".as_ptr());
                    -1
                }
            }
        }
    };
}
