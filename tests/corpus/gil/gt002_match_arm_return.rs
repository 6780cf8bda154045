// expect: GT002
use pyo3_ffi as ffi;

pub enum Mode {
    Fast,
    Checked,
}

pub unsafe fn run(mode: Mode, job: fn() -> bool) -> bool {
    let save = ffi::PyEval_SaveThread();
    match mode {
        Mode::Fast => {
            let ok = job();
            ffi::PyEval_RestoreThread(save);
            ok
        }
        Mode::Checked => {
            if !job() {
                return false;
            }
            ffi::PyEval_RestoreThread(save);
            true
        }
    }
}
