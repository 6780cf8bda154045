// expect: RC007
use pyo3_ffi::*;

unsafe fn type_name_len(registry: &mut Registry, obj: *mut PyObject) -> usize {
    // SAFETY: the caller holds the GIL and passes a live object.
    unsafe {
        let ty = PyObject_Type(obj);
        registry.remember(ty);
        let name = (*ty.cast::<PyTypeObject>()).tp_name;
        Py_DECREF(ty);
        std::ffi::CStr::from_ptr(name).to_bytes().len()
    }
}
