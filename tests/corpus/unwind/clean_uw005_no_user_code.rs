// expect: clean
// The generated function only uses the macro's literal input: nothing of the user's runs.
use pyo3_ffi::*;

macro_rules! constant_getter {
    ($name:ident, $value:literal) => {
        unsafe extern "C" fn get_constant(
            _slf: *mut PyObject,
            _closure: *mut std::os::raw::c_void,
        ) -> *mut PyObject {
            PyLong_FromLong($value)
        }
    };
}
