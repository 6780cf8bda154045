// expect: clean
use pyo3_ffi::*;
use std::ptr;

static mut DECIMAL: *mut PyObject = ptr::null_mut();

unsafe extern "C" fn decimal_type(_m: *mut PyObject, _unused: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held, which also guards DECIMAL.
    unsafe {
        if DECIMAL.is_null() {
            let module = PyImport_ImportModule(c"decimal".as_ptr());
            if module.is_null() {
                return ptr::null_mut();
            }
            let tp = PyObject_GetAttrString(module, c"Decimal".as_ptr());
            Py_DECREF(module);
            if tp.is_null() {
                return ptr::null_mut();
            }
            DECIMAL = tp;
        }
        Py_NewRef(DECIMAL)
    }
}
