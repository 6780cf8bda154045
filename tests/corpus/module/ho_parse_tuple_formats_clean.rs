// expect: clean
use pyo3_ffi::*;
use std::os::raw::{c_char, c_int};

unsafe extern "C" fn write_chunk(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut target: *mut PyObject = std::ptr::null_mut();
    let mut data: *const c_char = std::ptr::null();
    let mut len: Py_ssize_t = 0;
    let mut flush: c_int = 0;
    // SAFETY: `args` is the argument tuple; O! takes the type then the output.
    let ok = unsafe {
        PyArg_ParseTuple(
            args,
            c"O!s#|p:write_chunk".as_ptr(),
            std::ptr::addr_of_mut!(PyList_Type),
            &mut target,
            &mut data,
            &mut len,
            &mut flush,
        )
    };
    if ok == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached; `target` is a borrowed list.
    unsafe { Py_BuildValue(c"(nOi)".as_ptr(), len, target, flush) }
}

unsafe extern "C" fn configure(_module: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let mut name: *const c_char = std::ptr::null();
    let mut level: c_int = 0;
    let mut verbose: c_int = 0;
    let mut kwlist = [c"name".as_ptr() as *mut c_char, c"level".as_ptr() as *mut c_char, c"verbose".as_ptr() as *mut c_char, std::ptr::null_mut()];
    // SAFETY: `args`/`kwargs` come from CPython; three units, three outputs.
    let ok = unsafe {
        PyArg_ParseTupleAndKeywords(args, kwargs, c"s|i$p".as_ptr(), kwlist.as_mut_ptr(), &mut name, &mut level, &mut verbose)
    };
    if ok == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyLong_FromLong((level + verbose) as _) }
}
