// expect: clean
use pyo3_ffi::*;

fn split(total: i64, parts: i64) -> Option<(i64, i64)> {
    Some((total.checked_div(parts)?, total.checked_rem(parts)?))
}

unsafe extern "C" fn divide(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut total: i64 = 0;
    let mut parts: i64 = 0;
    // SAFETY: `args` is the argument tuple; two L outputs.
    if unsafe { PyArg_ParseTuple(args, c"LL".as_ptr(), &mut total, &mut parts) } == 0 {
        return std::ptr::null_mut();
    }
    let Some((q, r)) = split(total, parts) else {
        // SAFETY: attached.
        unsafe { PyErr_SetString(PyExc_ZeroDivisionError, c"division by zero".as_ptr()) };
        return std::ptr::null_mut();
    };
    let name = std::env::var("DIVIDE_LABEL").unwrap_or_default();
    let _ = name;
    // SAFETY: attached.
    unsafe { Py_BuildValue(c"(LL)".as_ptr(), q, r) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"divide".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: divide },
        ml_flags: METH_VARARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
