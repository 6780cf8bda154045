// expect: clean
use pyo3_ffi::*;

static PRIMES: [i64; 6] = [2, 3, 5, 7, 11, 13];

unsafe extern "C" fn nth_prime(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsSsize_t(arg) };
    // SAFETY: attached.
    if n == -1 && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    match usize::try_from(n).ok().and_then(|i| PRIMES.get(i)) {
        // SAFETY: attached.
        Some(p) => unsafe { PyLong_FromLongLong(*p) },
        None => {
            // SAFETY: attached.
            unsafe { PyErr_SetString(PyExc_IndexError, c"prime index out of range".as_ptr()) };
            std::ptr::null_mut()
        }
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"nth_prime".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: nth_prime },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
