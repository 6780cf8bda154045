// expect: MD005
use pyo3_ffi::*;

unsafe extern "C" fn header(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let magic: &[u8] = b"RIFF";
    let version: i32 = 2;
    // SAFETY: attached.
    unsafe { Py_BuildValue(c"(y#i)".as_ptr(), magic.as_ptr(), version) }
}
