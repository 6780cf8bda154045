// expect: RC001
use pyo3_ffi::*;
use std::ptr;
struct Raised;
unsafe fn to_str(o: *mut PyObject) -> Result<*mut PyObject, Raised> {
    // SAFETY: GIL held by caller.
    let s = unsafe { PyObject_Str(o) };
    if s.is_null() { Err(Raised) } else { Ok(s) }
}
unsafe extern "C" fn both(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let mut a: *mut PyObject = ptr::null_mut();
        let mut b: *mut PyObject = ptr::null_mut();
        if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut a, &mut b) == 0 {
            return ptr::null_mut();
        }
        let Ok(sa) = to_str(a) else { return ptr::null_mut() };
        let Ok(sb) = to_str(b) else { return ptr::null_mut() };
        let out = PyUnicode_Concat(sa, sb);
        Py_DECREF(sa);
        Py_DECREF(sb);
        out
    }
}
