// expect: clean
// The last element comes from a helper macro and a helper function the
// checker cannot evaluate: no finding without evidence.
use pyo3_ffi::*;
use std::ffi::c_void;
use std::ptr;

macro_rules! end_of_table {
    () => {
        PyMethodDef::zeroed()
    };
}

fn terminator() -> PyType_Slot {
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() }
}

unsafe extern "C" fn ping(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    Py_NewRef(Py_None())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"ping".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: ping },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    end_of_table!(),
];

pub fn slots() -> Vec<PyType_Slot> {
    vec![PyType_Slot { slot: Py_tp_doc, pfunc: c"doc".as_ptr() as *mut c_void }, terminator()]
}
