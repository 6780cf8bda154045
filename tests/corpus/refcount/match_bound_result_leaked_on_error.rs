// expect: RC001
// The result of `PyObject_Repr` is bound through a `match` arm and then
// leaked when the length check fails.
use pyo3_ffi::*;

unsafe extern "C" fn short_repr(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is borrowed from CPython; the thread state is attached.
    let repr = match unsafe { PyObject_Repr(arg) } {
        p if p.is_null() => return std::ptr::null_mut(),
        p => p,
    };
    // SAFETY: `repr` is a live str.
    if unsafe { PyUnicode_GetLength(repr) } > 80 {
        // SAFETY: attached.
        unsafe { PyErr_SetString(PyExc_ValueError, c"repr too long".as_ptr()) };
        return std::ptr::null_mut();
    }
    repr
}
