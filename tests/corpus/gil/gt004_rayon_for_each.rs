// expect: GT004
use pyo3_ffi::*;
use rayon::prelude::*;

pub unsafe fn hash_all(items: &[usize], seed: *mut PyObject) -> Vec<isize> {
    items
        .par_iter()
        .map(|&i| {
            let h = PyObject_Hash(seed);
            h ^ i as isize
        })
        .collect()
}
