// expect: clean
// PyO3's FfiPtrExt: the new reference is the receiver of a crate method that
// wraps it in an owning handle (`ffi::X(..).assume_owned_or_err(py)`), so the
// handle releases it. The method's summary says nothing about `self`.
use pyo3_ffi as ffi;
use std::marker::PhantomData;

pub struct Python<'py>(PhantomData<&'py ()>);
pub struct Owned<'py>(*mut ffi::PyObject, Python<'py>);
pub struct PyErr(*mut ffi::PyObject);

impl PyErr {
    fn fetch() -> PyErr {
        PyErr(unsafe { ffi::PyErr_GetRaisedException() })
    }
}

impl Drop for Owned<'_> {
    fn drop(&mut self) {
        unsafe { ffi::Py_DECREF(self.0) }
    }
}

pub trait FfiPtrExt: Sized {
    unsafe fn assume_owned_or_err<'py>(self, py: Python<'py>) -> Result<Owned<'py>, PyErr>;
}

impl FfiPtrExt for *mut ffi::PyObject {
    unsafe fn assume_owned_or_err<'py>(self, py: Python<'py>) -> Result<Owned<'py>, PyErr> {
        if self.is_null() {
            Err(PyErr::fetch())
        } else {
            Ok(Owned(self, py))
        }
    }
}

pub fn repr<'py>(py: Python<'py>, obj: *mut ffi::PyObject) -> Result<Owned<'py>, PyErr> {
    unsafe { ffi::PyObject_Repr(obj).assume_owned_or_err(py) }
}

pub fn call<'py>(py: Python<'py>, f: *mut ffi::PyObject, args: *mut ffi::PyObject) -> Result<Owned<'py>, PyErr> {
    unsafe {
        let result = ffi::PyObject_Call(f, args, std::ptr::null_mut());
        result.assume_owned_or_err(py)
    }
}
