// expect: GT002
use pyo3_ffi::*;

struct Error;

unsafe fn first_len(list: *mut PyObject) -> Result<Py_ssize_t, Error> {
    // SAFETY: an all-zero critical section is a valid initial value.
    let mut cs: PyCriticalSection = unsafe { std::mem::zeroed() };
    // SAFETY: `list` is a valid object and the thread state is attached.
    unsafe { PyCriticalSection_Begin(&mut cs, list) };
    // SAFETY: attached, and the list is locked.
    let item = unsafe { PyList_GetItemRef(list, 0) };
    let item = std::ptr::NonNull::new(item).ok_or(Error)?;
    // SAFETY: attached; `item` is a new reference.
    let n = unsafe { PyObject_Length(item.as_ptr()) };
    // SAFETY: attached.
    unsafe { Py_DECREF(item.as_ptr()) };
    // SAFETY: pairs with the Begin above.
    unsafe { PyCriticalSection_End(&mut cs) };
    Ok(n)
}

pub unsafe extern "C" fn head_len(_m: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    // SAFETY: `list` is a borrowed argument.
    match unsafe { first_len(list) } {
        // SAFETY: attached.
        Ok(n) => unsafe { PyLong_FromSsize_t(n) },
        Err(Error) => std::ptr::null_mut(),
    }
}
