// expect: GT001
use pyo3_ffi as ffi;

pub struct Python<'py>(std::marker::PhantomData<&'py ()>);

impl Python<'_> {
    pub fn allow_threads<T, F: FnOnce() -> T>(&self, f: F) -> T {
        f()
    }
}

pub fn checksum(py: Python<'_>, bytes: *mut ffi::PyObject) -> u32 {
    py.allow_threads(|| unsafe {
        let n = ffi::PyBytes_Size(bytes);
        let p = ffi::PyBytes_AsString(bytes) as *const u8;
        std::slice::from_raw_parts(p, n as usize).iter().fold(0u32, |a, b| a.rotate_left(5) ^ *b as u32)
    })
}
