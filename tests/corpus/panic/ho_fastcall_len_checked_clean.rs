// expect: clean
use pyo3_ffi::*;

unsafe extern "C" fn pair(_module: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    // SAFETY: CPython passes `nargs` valid argument pointers.
    let args = unsafe { std::slice::from_raw_parts(args, nargs as usize) };
    if args.len() != 2 {
        // SAFETY: attached.
        unsafe { PyErr_SetString(PyExc_TypeError, c"pair() takes exactly 2 arguments".as_ptr()) };
        return std::ptr::null_mut();
    }
    // SAFETY: attached; both arguments are borrowed.
    unsafe { PyTuple_Pack(2, args[0], args[1]) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"pair".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFast: pair },
        ml_flags: METH_FASTCALL,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
