// expect: RC001
use pyo3_ffi::*;

struct PyErrSet;

unsafe fn int_obj(v: i64) -> Result<*mut PyObject, PyErrSet> {
    // SAFETY: the caller holds the GIL.
    let obj = unsafe { PyLong_FromLongLong(v) };
    if obj.is_null() {
        Err(PyErrSet)
    } else {
        Ok(obj)
    }
}

unsafe fn range_pair(lo: i64, hi: i64) -> Result<*mut PyObject, PyErrSet> {
    // SAFETY: the caller holds the GIL.
    unsafe {
        let low = int_obj(lo)?;
        let high = int_obj(hi)?;
        let pair = PyTuple_Pack(2, low, high);
        Py_DECREF(low);
        Py_DECREF(high);
        if pair.is_null() {
            return Err(PyErrSet);
        }
        Ok(pair)
    }
}
