// expect: GT002
use pyo3_ffi::*;

fn poll(i: u32) -> bool {
    i % 7 == 3
}

/// Waits for the device with the thread state detached; returns the ready slot.
pub fn wait_ready() -> u32 {
    let mut found = 0u32;
    for i in 0..100 {
        // SAFETY: callers hold an attached thread state at the top of each iteration.
        let save = unsafe { PyEval_SaveThread() };
        if poll(i) {
            found = i;
            break;
        }
        // SAFETY: `save` came from PyEval_SaveThread.
        unsafe { PyEval_RestoreThread(save) };
    }
    found
}
