// expect: GT004
use pyo3_ffi::*;
use rayon::prelude::*;

unsafe extern "C" fn lengths(_module: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    // SAFETY: `list` is a borrowed argument.
    let n = unsafe { PyList_Size(list) };
    if n < 0 {
        return std::ptr::null_mut();
    }
    let total: isize = (0..n)
        .into_par_iter()
        .map(|i| {
            // SAFETY: wrong on purpose: this runs on rayon worker threads.
            let item = unsafe { PyList_GetItem(list, i) };
            // SAFETY: as above.
            unsafe { PyObject_Length(item) }
        })
        .sum();
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(total) }
}
