// expect: clean
use pyo3_ffi::*;

unsafe extern "C" fn ratio(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut a: f64 = 0.0;
    let mut b: f64 = 0.0;
    // SAFETY: `args` is the argument tuple; format matches the two outputs.
    if unsafe { PyArg_ParseTuple(args, c"dd".as_ptr(), &mut a, &mut b) } == 0 {
        return std::ptr::null_mut();
    }
    let r = a / b;
    let half = (a as i64) / 2;
    // SAFETY: attached.
    unsafe { PyFloat_FromDouble(r + half as f64) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"ratio".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: ratio },
        ml_flags: METH_VARARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
