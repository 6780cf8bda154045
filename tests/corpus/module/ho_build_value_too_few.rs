// expect: MD005
use pyo3_ffi::*;

unsafe extern "C" fn swap(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut a: *mut PyObject = std::ptr::null_mut();
    let mut b: *mut PyObject = std::ptr::null_mut();
    // SAFETY: `args` is the argument tuple; two O outputs.
    if unsafe { PyArg_ParseTuple(args, c"OO:swap".as_ptr(), &mut a, &mut b) } == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached; both borrowed, so O.
    unsafe { Py_BuildValue(c"(OO)".as_ptr(), b) }
}
