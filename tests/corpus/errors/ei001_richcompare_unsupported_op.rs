// expect: EI001
use pyo3_ffi::*;
use std::ffi::c_int;
use std::ptr;
#[repr(C)]
struct Point { ob_base: PyObject, x: i64 }
unsafe extern "C" fn point_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if PyObject_TypeCheck(b, Py_TYPE(a)) == 0 {
        return Py_NewRef(Py_NotImplemented());
    }
    let (x, y) = ((*(a as *mut Point)).x, (*(b as *mut Point)).x);
    let result = match op {
        Py_EQ => x == y,
        Py_NE => x != y,
        _ => return ptr::null_mut(),
    };
    Py_NewRef(if result { Py_True() } else { Py_False() })
}
