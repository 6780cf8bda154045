// expect: RC001
// The twin: the crate has the same owning wrapper, but the `repr` made first is
// neither wrapped nor released when the second call is wrapped and returned.
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

pub fn str_of_repr<'py>(py: Python<'py>, obj: *mut ffi::PyObject) -> Result<Owned<'py>, PyErr> {
    unsafe {
        let repr = ffi::PyObject_Repr(obj);
        if repr.is_null() {
            return Err(PyErr::fetch());
        }
        ffi::PyObject_Str(obj).assume_owned_or_err(py)
    }
}
