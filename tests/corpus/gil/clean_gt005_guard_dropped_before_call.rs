// expect: clean
// The guard is released before Python can run.
use std::marker::PhantomData;
use std::sync::Mutex;

pub struct ThreadState<'py>(PhantomData<&'py ()>);
pub struct PyBytes;

impl PyBytes {
    pub fn new(_ts: &ThreadState<'_>, _data: &[u8]) -> PyBytes {
        PyBytes
    }
}

pub struct Compress {
    inner: Mutex<Vec<u8>>,
}

impl Compress {
    pub fn flush(&self, ts: &ThreadState<'_>) -> PyBytes {
        let guard = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let data = guard.clone();
        drop(guard);
        PyBytes::new(ts, &data)
    }

    pub fn len(&self, ts: &ThreadState<'_>) -> PyBytes {
        let n = self.inner.lock().unwrap_or_else(|e| e.into_inner()).len();
        PyBytes::new(ts, &n.to_le_bytes())
    }
}
