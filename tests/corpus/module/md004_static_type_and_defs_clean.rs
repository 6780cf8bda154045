// expect: clean
// Definitions, not state: a static type object, the module definition, the
// method table, a counter. None holds a pointer to an object made at run time.
use pyo3_ffi::*;
use std::ffi::CStr;
use std::ptr;
use std::sync::atomic::AtomicUsize;

static mut EMPTY_TYPE: PyTypeObject = unsafe { std::mem::zeroed() };
static mut METHODS: [PyMethodDef; 1] = [PyMethodDef::zeroed()];
static CALLS: AtomicUsize = AtomicUsize::new(0);
static DOC: &CStr = c"A module without state.";
const NO_OBJECT: *mut PyObject = ptr::null_mut();

static mut DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"stateless".as_ptr(),
    m_doc: ptr::null(),
    m_size: 0,
    m_methods: ptr::addr_of_mut!(METHODS) as *mut PyMethodDef,
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

pub fn doc() -> &'static CStr {
    let _ = NO_OBJECT;
    DOC
}
