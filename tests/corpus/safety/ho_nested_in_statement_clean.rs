// expect: clean
use pyo3_ffi::*;

unsafe extern "C" fn pair(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument, and the thread state is attached
    // for both calls in this statement.
    let r = build_pair(unsafe { Py_NewRef(arg) }, unsafe { PyLong_FromLong(1) });
    r
}

fn build_pair(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached; N steals both references.
    unsafe { Py_BuildValue(c"(NN)".as_ptr(), a, b) }
}
