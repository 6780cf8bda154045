// expect: GT004
use pyo3_ffi::*;
use std::sync::mpsc;
use std::thread;

struct Job {
    callback: *mut PyObject,
    payload: Vec<u8>,
}

unsafe impl Send for Job {}

fn start_worker(rx: mpsc::Receiver<Job>) -> thread::JoinHandle<usize> {
    thread::spawn(move || {
        let mut done = 0;
        for job in rx {
            done += job.payload.len();
        }
        done
    })
}

unsafe extern "C" fn submit(_m: *mut PyObject, callback: *mut PyObject) -> *mut PyObject {
    let (tx, rx) = mpsc::channel();
    let _worker = start_worker(rx);
    Py_INCREF(callback);
    if tx.send(Job { callback, payload: Vec::new() }).is_err() {
        Py_DECREF(callback);
    }
    Py_NewRef(Py_None())
}
