// expect: EI001
use pyo3_ffi as ffi;
use std::ptr;

unsafe extern "C" fn lookup(_m: *mut ffi::PyObject, args: *mut ffi::PyObject) -> *mut ffi::PyObject {
    let mut mapping = ptr::null_mut();
    let mut key = ptr::null_mut();
    if ffi::PyArg_ParseTuple(args, c"O!O".as_ptr(), ptr::addr_of_mut!(ffi::PyDict_Type), &mut mapping, &mut key) == 0 {
        return ptr::null_mut();
    }
    let value = ffi::PyDict_GetItemWithError(mapping, key);
    match ptr::NonNull::new(value) {
        Some(v) => ffi::Py_NewRef(v.as_ptr()),
        None => ptr::null_mut(),
    }
}
