// expect: UW005
// The macro user's exec function runs straight from the generated C slot.
use std::os::raw::c_int;

use pyo3_ffi::*;

#[macro_export]
macro_rules! define_exec {
    (state: $state:ty, exec: $exec:path $(,)?) => {
        unsafe extern "C" fn __exec(m: *mut PyObject) -> c_int {
            match $exec(m) {
                Ok(()) => 0,
                Err(_) => -1,
            }
        }
    };
}
