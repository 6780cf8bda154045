// expect: clean
use pyo3_ffi::*;

unsafe extern "C" fn describe(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed reference passed by CPython and the
    // thread state is attached for the whole call.
    let repr = match unsafe { PyObject_Repr(arg) } {
        p if p.is_null() => return std::ptr::null_mut(),
        p => p,
    };
    repr
}
