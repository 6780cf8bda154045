// expect: clean
use pyo3_ffi::*;

unsafe extern "C" fn mean_len(_module: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    // SAFETY: `list` is a borrowed argument.
    let n = unsafe { PyObject_Length(list) };
    if n < 0 {
        return std::ptr::null_mut();
    }
    if n == 0 {
        // SAFETY: attached.
        unsafe { PyErr_SetString(PyExc_ValueError, c"empty sequence".as_ptr()) };
        return std::ptr::null_mut();
    }
    let mut total: Py_ssize_t = 0;
    for i in 0..n {
        // SAFETY: attached; `i` < n.
        let item = unsafe { PySequence_GetItem(list, i) };
        if item.is_null() {
            return std::ptr::null_mut();
        }
        // SAFETY: attached.
        let len = unsafe { PyObject_Length(item) };
        // SAFETY: attached; we own `item`.
        unsafe { Py_DECREF(item) };
        if len < 0 {
            return std::ptr::null_mut();
        }
        total += len;
    }
    let avg = total / n;
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(avg) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"mean_len".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: mean_len },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
