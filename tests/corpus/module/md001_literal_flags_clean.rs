// expect: clean
// bindgen-style tables: numeric flags, `Some(f)` callbacks, a cast through
// the keyword function-pointer type.
#![allow(non_upper_case_globals)]
use cpython_sys::*;
use std::ptr;

unsafe extern "C" fn get(slf: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    PyObject_GetItem(slf, key)
}

unsafe extern "C" fn update(slf: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let _ = (slf, args, kwargs);
    Py_NewRef(Py_None())
}

pub static mut MAPPING_METHODS: [PyMethodDef; 3] = [
    PyMethodDef {
        ml_name: c"get".as_ptr(),
        ml_meth: Some(get),
        ml_flags: 0x0008,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"update".as_ptr(),
        ml_meth: Some(unsafe {
            std::mem::transmute::<
                unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject,
                unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject,
            >(update)
        }),
        ml_flags: (METH_VARARGS | METH_KEYWORDS) as i32,
        ml_doc: ptr::null(),
    },
    PyMethodDef { ml_name: ptr::null(), ml_meth: None, ml_flags: 0, ml_doc: ptr::null() },
];
