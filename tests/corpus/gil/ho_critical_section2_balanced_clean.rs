// expect: clean
use pyo3_ffi::*;

unsafe extern "C" fn swap_first(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut a: *mut PyObject = std::ptr::null_mut();
    let mut b: *mut PyObject = std::ptr::null_mut();
    // SAFETY: `args` is the argument tuple; two O outputs.
    if unsafe { PyArg_ParseTuple(args, c"O!O!".as_ptr(), &raw mut PyList_Type, &mut a, &raw mut PyList_Type, &mut b) } == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: an all-zero critical section is a valid initial value.
    let mut cs: PyCriticalSection2 = unsafe { std::mem::zeroed() };
    // SAFETY: both are lists; attached.
    unsafe { PyCriticalSection2_Begin(&mut cs, a, b) };
    // SAFETY: both lists are locked.
    let (na, nb) = unsafe { (PyList_GET_SIZE(a), PyList_GET_SIZE(b)) };
    if na == 0 || nb == 0 {
        // SAFETY: pairs with the Begin above.
        unsafe { PyCriticalSection2_End(&mut cs) };
        // SAFETY: attached.
        unsafe { PyErr_SetString(PyExc_ValueError, c"empty list".as_ptr()) };
        return std::ptr::null_mut();
    }
    // SAFETY: both lists are locked and non-empty.
    let first = unsafe { Py_NewRef(PyList_GET_ITEM(a, 0)) };
    // SAFETY: pairs with the Begin above.
    unsafe { PyCriticalSection2_End(&mut cs) };
    let _ = nb;
    first
}
