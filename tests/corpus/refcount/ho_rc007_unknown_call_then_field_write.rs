// expect: RC007
use pyo3_ffi::*;

#[repr(C)]
struct Record {
    ob_base: PyObject,
    hits: u64,
}

extern "C" {
    fn record_track(obj: *mut PyObject);
}

unsafe fn make_record(tp: *mut PyTypeObject) -> *mut PyObject {
    // SAFETY: the caller holds the GIL and passes a ready type.
    unsafe {
        let obj = PyType_GenericAlloc(tp, 0);
        record_track(obj);
        (*obj.cast::<Record>()).hits = 0;
        obj
    }
}
