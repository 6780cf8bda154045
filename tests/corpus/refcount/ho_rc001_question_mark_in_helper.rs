// expect: RC001
use pyo3_ffi::*;

struct PyErrSet;

fn as_i64(obj: *mut PyObject) -> Result<i64, PyErrSet> {
    // SAFETY: callers hold the GIL and pass a valid object.
    let v = unsafe { PyLong_AsLongLong(obj) };
    // SAFETY: as above, the GIL is held.
    if v == -1 && unsafe { !PyErr_Occurred().is_null() } {
        return Err(PyErrSet);
    }
    Ok(v)
}

fn read_port(config: *mut PyObject) -> Result<i64, PyErrSet> {
    // SAFETY: the GIL is held and `config` is a valid object.
    let port = unsafe { PyObject_GetAttrString(config, c"port".as_ptr()) };
    if port.is_null() {
        return Err(PyErrSet);
    }
    let value = as_i64(port)?;
    // SAFETY: `port` is a new reference owned here.
    unsafe { Py_DECREF(port) };
    Ok(value)
}

unsafe extern "C" fn connect(_m: *mut PyObject, config: *mut PyObject) -> *mut PyObject {
    match read_port(config) {
        // SAFETY: the GIL is held inside a method call.
        Ok(p) => unsafe { PyLong_FromLongLong(p + 1) },
        Err(PyErrSet) => std::ptr::null_mut(),
    }
}
