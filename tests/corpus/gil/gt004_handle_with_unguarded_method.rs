// expect: GT004
// One method touches the object without a token: the handle is not token-gated.
use std::marker::PhantomData;
use std::ptr::NonNull;

use pyo3_ffi::*;

pub struct ThreadState<'py>(PhantomData<&'py ()>);

pub struct Handle {
    ptr: NonNull<PyObject>,
}

// SAFETY: claimed: every use takes a token.
unsafe impl Send for Handle {}

impl Handle {
    pub fn clone_ref(&self, _ts: &ThreadState<'_>) -> Handle {
        // SAFETY: the token proves an attached thread state.
        unsafe { Py_IncRef(self.ptr.as_ptr()) };
        Handle { ptr: self.ptr }
    }

    pub fn len(&self) -> isize {
        // SAFETY: the pointer is a live object.
        unsafe { PyObject_Size(self.ptr.as_ptr()) }
    }
}
