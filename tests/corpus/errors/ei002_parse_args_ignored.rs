// expect: EI002
use pyo3_ffi::*;

unsafe extern "C" fn scale(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut factor: f64 = 1.0;
    let mut offset: f64 = 0.0;
    PyArg_ParseTuple(args, c"d|d".as_ptr(), &mut factor, &mut offset);
    PyFloat_FromDouble(factor * 2.0 + offset)
}
