// expect: MD002
// The pyo3-ffi README shape, with the sentinel forgotten: a `&[PyMethodDef]`
// static converted to a pointer for `m_methods`.
use pyo3_ffi::*;
use std::ffi::c_long;
use std::ptr;

unsafe extern "C" fn sum_as_string(
    _self: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    if nargs != 2 {
        PyErr_SetString(PyExc_TypeError, c"sum_as_string() expected 2 arguments".as_ptr());
        return ptr::null_mut();
    }
    let a: c_long = PyLong_AsLong(*args);
    let b: c_long = PyLong_AsLong(*args.add(1));
    let text = format!("{}\0", a.wrapping_add(b));
    PyUnicode_FromString(text.as_ptr().cast())
}

static mut METHODS: &[PyMethodDef] = &[PyMethodDef {
    ml_name: c"sum_as_string".as_ptr(),
    ml_meth: PyMethodDefPointer { PyCFunctionFast: sum_as_string },
    ml_flags: METH_FASTCALL,
    ml_doc: c"returns the sum of two integers as a string".as_ptr(),
}];

static mut MODULE_DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"string_sum".as_ptr(),
    m_doc: ptr::null(),
    m_size: 0,
    m_methods: unsafe { METHODS as *const [PyMethodDef] as *mut PyMethodDef },
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};
