// expect: GT002
use pyo3_ffi::*;
use std::io::Read;

pub unsafe fn read_detached(path: &str) -> std::io::Result<Vec<u8>> {
    let state = PyEval_SaveThread();
    let mut file = std::fs::File::open(path)?;
    let mut buf = Vec::new();
    file.read_to_end(&mut buf)?;
    PyEval_RestoreThread(state);
    Ok(buf)
}
