// expect: PF001
use pyo3_ffi::*;

unsafe extern "C" fn token_repr(slf: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached.
    let id = unsafe { PyObject_Hash(slf) };
    let text = format!("<Token {}>\0", u32::try_from(id).unwrap());
    // SAFETY: `text` is NUL-terminated.
    unsafe { PyUnicode_FromString(text.as_ptr().cast()) }
}

pub fn install(ty: &mut PyTypeObject) {
    ty.tp_repr = Some(token_repr);
}
