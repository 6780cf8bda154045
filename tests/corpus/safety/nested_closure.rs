// expect: SD001
use pyo3_ffi::*;

pub fn sizes(lists: &[*mut PyObject]) -> Vec<isize> {
    // SAFETY: every pointer is a live list.
    lists.iter().map(|&l| {
        let n = unsafe { PyList_Size(l) };
        n
    }).collect()
}
