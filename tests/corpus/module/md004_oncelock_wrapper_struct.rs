// expect: MD004
// A `Send` wrapper struct hides the pointer inside a OnceLock.
use pyo3_ffi::*;
use std::sync::OnceLock;

struct TypePtr(*mut PyTypeObject);
unsafe impl Send for TypePtr {}
unsafe impl Sync for TypePtr {}

static POINT_TYPE: OnceLock<TypePtr> = OnceLock::new();

pub unsafe fn point_type(module: *mut PyObject, spec: *mut PyType_Spec) -> *mut PyTypeObject {
    POINT_TYPE
        .get_or_init(|| TypePtr(PyType_FromModuleAndSpec(module, spec, std::ptr::null_mut()) as *mut PyTypeObject))
        .0
}
