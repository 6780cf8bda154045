// expect: clean
use pyo3_ffi::*;

fn parity(n: i64) -> i64 {
    n.rem_euclid(2)
}

unsafe extern "C" fn is_odd(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsLongLong(arg) };
    // SAFETY: attached.
    if n == -1 && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyBool_FromLong((parity(n) == 1) as _) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"is_odd".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: is_odd },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parity_of_negative() {
        assert_eq!(parity(-3), 1);
        let v = [1, 2, 3];
        assert_eq!(v[2] / v[0], 3);
        "7".parse::<i64>().map(parity).unwrap();
    }
}
