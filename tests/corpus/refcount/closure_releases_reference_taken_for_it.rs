// expect: clean
// The callback takes a reference for the worker closure, which releases it
// after attaching: the closure's `Py_DECREF` of the captured pointer is the
// other half of the `Py_INCREF`, not a release of a borrowed parameter.
use pyo3_ffi::*;
use std::thread;

unsafe extern "C" fn call_later(_module: *mut PyObject, callback: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached; the worker owns this reference from here on.
    unsafe { Py_INCREF(callback) };
    let address = callback as usize;
    thread::spawn(move || {
        let callback = address as *mut PyObject;
        // SAFETY: attach before touching Python; pairs with the Release below.
        let gil = unsafe { PyGILState_Ensure() };
        // SAFETY: attached; the reference was taken for this closure.
        unsafe { Py_DECREF(callback) };
        // SAFETY: pairs with the Ensure above.
        unsafe { PyGILState_Release(gil) };
    });
    // SAFETY: `Py_None()` is immortal.
    unsafe { Py_NewRef(Py_None()) }
}
