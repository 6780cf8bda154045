// expect: RC004
use pyo3_ffi::*;
use std::mem::MaybeUninit;

unsafe fn checksum(obj: *mut PyObject) -> Option<u32> {
    // SAFETY: the caller holds the GIL and passes a live object.
    unsafe {
        let mut view = MaybeUninit::<Py_buffer>::zeroed();
        if PyObject_GetBuffer(obj, view.as_mut_ptr(), PyBUF_SIMPLE) < 0 {
            return None;
        }
        let view = view.assume_init_mut();
        let data = view.buf.cast::<u8>();
        let len = view.len as usize;
        PyBuffer_Release(view);
        let bytes = std::slice::from_raw_parts(data, len);
        Some(bytes.iter().map(|b| u32::from(*b)).sum())
    }
}
