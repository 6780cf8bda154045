// expect: clean
// A `Py<T>`-style handle: the pointer is private, every use takes a thread-state
// token, and drop releases only when a thread state is attached.
use std::marker::PhantomData;
use std::ptr::NonNull;

use pyo3_ffi::*;

pub struct ThreadState<'py>(PhantomData<&'py ()>);

pub struct Py<T> {
    ptr: NonNull<PyObject>,
    _marker: PhantomData<fn() -> T>,
}

// SAFETY: the handle is only a pointer; every operation on it takes `&ThreadState`.
unsafe impl<T> Send for Py<T> {}
// SAFETY: as for Send.
unsafe impl<T> Sync for Py<T> {}

impl<T> Py<T> {
    pub fn as_ptr(&self) -> *mut PyObject {
        self.ptr.as_ptr()
    }

    pub fn clone_ref(&self, _ts: &ThreadState<'_>) -> Py<T> {
        // SAFETY: the token proves an attached thread state.
        unsafe { Py_IncRef(self.ptr.as_ptr()) };
        Py { ptr: self.ptr, _marker: PhantomData }
    }
}

impl<T> Drop for Py<T> {
    fn drop(&mut self) {
        // SAFETY: released only when this thread has an attached thread state.
        unsafe {
            if !PyThreadState_GetUnchecked().is_null() {
                Py_DecRef(self.ptr.as_ptr());
            }
        }
    }
}
