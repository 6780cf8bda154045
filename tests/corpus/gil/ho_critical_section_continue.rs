// expect: GT002
use pyo3_ffi::*;

pub unsafe fn count_nonempty(lists: &[*mut PyObject]) -> usize {
    let mut n = 0;
    for &list in lists {
        // SAFETY: an all-zero critical section is a valid initial value.
        let mut cs: PyCriticalSection = unsafe { std::mem::zeroed() };
        // SAFETY: attached; `list` is a valid list.
        unsafe { PyCriticalSection_Begin(&mut cs, list) };
        // SAFETY: the list is locked.
        if unsafe { PyList_GET_SIZE(list) } == 0 {
            continue;
        }
        n += 1;
        // SAFETY: pairs with the Begin above.
        unsafe { PyCriticalSection_End(&mut cs) };
    }
    n
}
