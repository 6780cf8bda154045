// expect: PF001
use cpython_sys as ffi;
use std::ffi::c_void;

#[repr(C)]
pub struct Counter {
    ob_base: ffi::PyObject,
    count: u64,
}

impl Counter {
    unsafe extern "C" fn tp_new(
        ty: *mut ffi::PyTypeObject,
        _args: *mut ffi::PyObject,
        _kwds: *mut ffi::PyObject,
    ) -> *mut ffi::PyObject {
        // SAFETY: `ty` is this heap type; attached.
        let alloc = unsafe { ffi::PyType_GetSlot(ty, ffi::Py_tp_alloc) };
        // SAFETY: Py_tp_alloc holds an allocfunc.
        let alloc: ffi::allocfunc = Some(unsafe {
            std::mem::transmute::<*mut c_void, unsafe extern "C" fn(*mut ffi::PyTypeObject, ffi::Py_ssize_t) -> *mut ffi::PyObject>(alloc)
        });
        // SAFETY: calling the type's allocator.
        let obj = unsafe { alloc.unwrap()(ty, 0) };
        obj
    }
}

pub static mut COUNTER_SLOTS: [ffi::PyType_Slot; 2] = [
    ffi::PyType_Slot { slot: ffi::Py_tp_new, pfunc: Counter::tp_new as *mut c_void },
    ffi::PyType_Slot { slot: 0, pfunc: std::ptr::null_mut() },
];
