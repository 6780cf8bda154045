// expect: clean
use pyo3_ffi::*;
use std::mem::MaybeUninit;

pub unsafe fn count_keys(dict: *mut PyObject, limit: isize) -> isize {
    let mut cs = MaybeUninit::<PyCriticalSection>::uninit();
    PyCriticalSection_Begin(cs.as_mut_ptr(), dict);
    let n = PyDict_GET_SIZE(dict);
    if n > limit {
        PyCriticalSection_End(cs.as_mut_ptr());
        return limit;
    }
    PyCriticalSection_End(cs.as_mut_ptr());
    n
}

pub unsafe fn call_on_foreign_thread(callable: *mut PyObject) -> i32 {
    let gil = PyGILState_Ensure();
    let r = PyObject_CallNoArgs(callable);
    let status = if r.is_null() {
        PyErr_Print();
        -1
    } else {
        Py_DECREF(r);
        0
    };
    PyGILState_Release(gil);
    status
}
