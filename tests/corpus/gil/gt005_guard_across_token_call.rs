// expect: GT005
// The fork's recommended shape: payload state behind a std Mutex, a C-API call under the guard.
use std::marker::PhantomData;
use std::sync::Mutex;

pub struct ThreadState<'py>(PhantomData<&'py ()>);
pub struct PyBytes;
pub struct PyErrRaised;

impl PyBytes {
    pub fn new(_ts: &ThreadState<'_>, _data: &[u8]) -> Result<PyBytes, PyErrRaised> {
        Ok(PyBytes)
    }
}

pub struct Compress {
    inner: Mutex<Vec<u8>>,
}

impl Compress {
    pub fn compress(&self, ts: &ThreadState<'_>, data: &[u8]) -> Result<PyBytes, PyErrRaised> {
        let mut inner = self.inner.lock().map_err(|_| PyErrRaised)?;
        inner.extend_from_slice(data);
        PyBytes::new(ts, &inner)
    }
}
