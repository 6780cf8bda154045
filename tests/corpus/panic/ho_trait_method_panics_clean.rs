// expect: clean
// PF002 follows free functions and inherent methods only; a trait method is out of its scope.
use pyo3_ffi::*;

trait Score {
    fn score(&self) -> i64;
}

struct Word(Vec<u8>);

impl Score for Word {
    fn score(&self) -> i64 {
        self.0.iter().map(|b| *b as i64).sum::<i64>() / self.0.len() as i64
    }
}

unsafe extern "C" fn word_score(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let mut buf: *mut std::ffi::c_char = std::ptr::null_mut();
    let mut len: Py_ssize_t = 0;
    // SAFETY: `arg` is a borrowed argument.
    if unsafe { PyBytes_AsStringAndSize(arg, &mut buf, &mut len) } < 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: `buf` holds `len` bytes while `arg` is alive.
    let data = unsafe { std::slice::from_raw_parts(buf as *const u8, len as usize) }.to_vec();
    let s = Word(data).score();
    // SAFETY: attached.
    unsafe { PyLong_FromLongLong(s) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"word_score".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: word_score },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
