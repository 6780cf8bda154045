// expect: clean
// The helper's token parameter proves its caller is attached.
use std::marker::PhantomData;
use std::ptr::NonNull;

use pyo3_ffi::*;

pub struct ThreadState<'py>(PhantomData<&'py ()>);

fn release(_ts: &ThreadState<'_>, obj: NonNull<PyObject>) {
    // SAFETY: the token proves an attached thread state; the caller owns `obj`.
    unsafe { Py_DecRef(obj.as_ptr()) }
}

pub struct Guarded<'py> {
    ts: &'py ThreadState<'py>,
    obj: NonNull<PyObject>,
}

impl Drop for Guarded<'_> {
    fn drop(&mut self) {
        release(self.ts, self.obj);
    }
}
