// expect: clean
// orjson's type cache: statics that only ever hold the immortal singletons and
// the static types of built-in objects. No interpreter owns them, so they are
// not per-module state kept in the process.
use pyo3_ffi::*;
use std::os::raw::c_char;
use std::ptr::null_mut;
use std::sync::Once;

pub static mut NONE: *mut PyObject = null_mut();
pub static mut TRUE: *mut PyObject = null_mut();
pub static mut STR_TYPE: *mut PyTypeObject = 0 as *mut PyTypeObject;
pub static mut DICT_TYPE: *mut PyTypeObject = 0 as *mut PyTypeObject;
pub static mut NONE_TYPE: *mut PyTypeObject = 0 as *mut PyTypeObject;
pub static mut FLOAT_TYPE: *mut PyTypeObject = null_mut();

static INIT: Once = Once::new();

pub fn init_typerefs() {
    INIT.call_once(|| unsafe {
        NONE = Py_None();
        TRUE = Py_True();
        let unicode = PyUnicode_FromStringAndSize("".as_ptr() as *const c_char, 0);
        STR_TYPE = Py_TYPE(unicode);
        Py_DECREF(unicode);
        DICT_TYPE = &raw mut PyDict_Type;
        NONE_TYPE = (*NONE).ob_type;
        FLOAT_TYPE = std::ptr::addr_of_mut!(PyFloat_Type);
    });
}
