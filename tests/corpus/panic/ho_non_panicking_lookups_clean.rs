// expect: clean
use pyo3_ffi::*;

unsafe extern "C" fn stats(_module: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    let mut values = Vec::new();
    for i in 0..nargs.max(0) as usize {
        // SAFETY: CPython passes `nargs` valid argument pointers.
        let v = unsafe { PyLong_AsLongLong(*args.add(i)) };
        // SAFETY: attached.
        if v == -1 && unsafe { !PyErr_Occurred().is_null() } {
            return std::ptr::null_mut();
        }
        values.push(v);
    }
    let first = values.first().copied().unwrap_or(0);
    let third = values.get(2).copied().unwrap_or_default();
    let last = values.iter().nth(values.len().saturating_sub(1)).copied().unwrap_or(0);
    let sum = values.iter().fold(0i64, |a, b| a.saturating_add(*b));
    let mean = sum.checked_div(values.len() as i64).unwrap_or(0);
    let spread = (last - first).wrapping_rem(7);
    // SAFETY: attached.
    unsafe { Py_BuildValue(c"(LLLL)".as_ptr(), first, third, mean, spread) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"stats".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFast: stats },
        ml_flags: METH_FASTCALL,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
