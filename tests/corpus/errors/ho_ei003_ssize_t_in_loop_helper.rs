// expect: EI003
use pyo3_ffi::*;

/// Sums the integers of a list.
///
/// # Safety
/// The GIL must be held and `list` must be a list object.
pub unsafe fn sum_list(list: *mut PyObject) -> Py_ssize_t {
    let mut total = 0;
    // SAFETY: guaranteed by the caller.
    unsafe {
        for i in 0..PyList_Size(list) {
            let item = PyList_GetItem(list, i);
            total += PyLong_AsSsize_t(item);
        }
    }
    total
}
