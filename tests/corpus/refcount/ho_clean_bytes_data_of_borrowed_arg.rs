// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn count_zeros(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state and a valid argument.
    unsafe {
        if PyBytes_Check(arg) == 0 {
            PyErr_SetString(PyExc_TypeError, c"expected bytes".as_ptr());
            return ptr::null_mut();
        }
        let data = PyBytes_AS_STRING(arg).cast::<u8>();
        let len = PyBytes_GET_SIZE(arg) as usize;
        let tmp = PyObject_Repr(arg);
        if tmp.is_null() {
            return ptr::null_mut();
        }
        Py_DECREF(tmp);
        let zeros = std::slice::from_raw_parts(data, len).iter().filter(|b| **b == 0).count();
        PyLong_FromSize_t(zeros)
    }
}
