// expect: GT002
use pyo3_ffi::*;
use std::mem::MaybeUninit;

pub unsafe fn find_first_negative(lists: &[*mut PyObject]) -> Option<usize> {
    let mut found = None;
    for (i, &list) in lists.iter().enumerate() {
        let mut cs = MaybeUninit::<PyCriticalSection>::uninit();
        PyCriticalSection_Begin(cs.as_mut_ptr(), list);
        let n = PyList_GET_SIZE(list);
        if n < 0 {
            found = Some(i);
            break;
        }
        PyCriticalSection_End(cs.as_mut_ptr());
    }
    found
}
