// expect: clean
// Every argument matches its unit: optional and keyword-only markers, a
// nested tuple, a converter, a typed object, buffers and encodings.
use pyo3_ffi::*;
use std::ffi::{c_char, c_double, c_int, c_long, c_void};
use std::mem::MaybeUninit;
use std::ptr;

unsafe extern "C" fn to_fd(obj: *mut PyObject, out: *mut c_void) -> c_int {
    let fd = PyObject_AsFileDescriptor(obj);
    if fd < 0 {
        return 0;
    }
    *(out as *mut c_int) = fd;
    1
}

pub unsafe extern "C" fn draw(_m: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let mut x: c_long = 0;
    let mut y: c_long = 0;
    let mut scale: c_double = 1.0;
    let mut items: *mut PyObject = ptr::null_mut();
    let mut fd: c_int = -1;
    let mut label: *const c_char = ptr::null();
    let mut label_len: Py_ssize_t = 0;
    let mut encoded: *mut c_char = ptr::null_mut();
    let mut fill = MaybeUninit::<Py_buffer>::uninit();
    let mut dry_run: c_int = 0;
    let mut count = MaybeUninit::<Py_ssize_t>::uninit();
    let mut kwlist = [
        c"pos".as_ptr() as *mut c_char,
        c"items".as_ptr() as *mut c_char,
        c"fd".as_ptr() as *mut c_char,
        c"label".as_ptr() as *mut c_char,
        c"name".as_ptr() as *mut c_char,
        c"fill".as_ptr() as *mut c_char,
        c"count".as_ptr() as *mut c_char,
        c"scale".as_ptr() as *mut c_char,
        c"dry_run".as_ptr() as *mut c_char,
        ptr::null_mut(),
    ];
    if PyArg_ParseTupleAndKeywords(
        args,
        kwargs,
        c"(ll)O!O&|z#esy*n$dp:draw".as_ptr(),
        kwlist.as_mut_ptr(),
        &mut x,
        &mut y,
        ptr::addr_of_mut!(PyList_Type),
        &mut items,
        to_fd as *const c_void,
        &mut fd,
        &mut label,
        &mut label_len,
        c"utf-8".as_ptr(),
        &mut encoded,
        fill.as_mut_ptr(),
        count.as_mut_ptr(),
        &mut scale,
        &mut dry_run,
    ) == 0
    {
        return ptr::null_mut();
    }
    PyBuffer_Release(fill.as_mut_ptr());
    PyMem_Free(encoded as *mut c_void);
    Py_BuildValue(c"{s:l,s:l,s:d,s:N}".as_ptr(), c"x".as_ptr(), x, c"y".as_ptr(), y, c"scale".as_ptr(), scale, c"items".as_ptr(), PyList_New(0))
}
