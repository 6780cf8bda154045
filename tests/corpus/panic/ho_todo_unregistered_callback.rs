// expect: PF001
use pyo3_ffi::*;

#[no_mangle]
pub unsafe extern "C" fn widget_serialize(_obj: *mut PyObject) -> *mut PyObject {
    todo!("serialisation is not implemented yet")
}
