// expect: PF001
use pyo3_ffi::*;

unsafe extern "C" fn bucket(_module: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    if nargs != 2 {
        // SAFETY: attached.
        unsafe { PyErr_SetString(PyExc_TypeError, c"bucket() takes 2 arguments".as_ptr()) };
        return std::ptr::null_mut();
    }
    // SAFETY: CPython passes `nargs` valid pointers.
    let (h, n) = unsafe { (PyObject_Hash(*args), PyLong_AsSsize_t(*args.add(1))) };
    // SAFETY: attached.
    if (h == -1 || n == -1) && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    let slot = h % n;
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(slot) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"bucket".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFast: bucket },
        ml_flags: METH_FASTCALL,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
