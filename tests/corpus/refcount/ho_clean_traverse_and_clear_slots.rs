// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;
// tp_traverse / tp_clear with Py_VISIT-like code.
#[repr(C)]
struct Obj { ob_base: PyObject, a: *mut PyObject }
unsafe extern "C" fn obj_traverse(slf: *mut PyObject, visit: visitproc, arg: *mut std::os::raw::c_void) -> c_int {
    // SAFETY: GIL held.
    unsafe {
        let this = slf as *mut Obj;
        if !(*this).a.is_null() {
            let r = visit((*this).a, arg);
            if r != 0 {
                return r;
            }
        }
        let tp = Py_TYPE(slf) as *mut PyObject;
        visit(tp, arg)
    }
}
unsafe extern "C" fn obj_clear(slf: *mut PyObject) -> c_int {
    // SAFETY: GIL held.
    unsafe {
        Py_CLEAR(&mut (*(slf as *mut Obj)).a);
        0
    }
}
static mut SLOTS: [PyType_Slot; 3] = [
    PyType_Slot { slot: Py_tp_traverse, pfunc: obj_traverse as *mut _ },
    PyType_Slot { slot: Py_tp_clear, pfunc: obj_clear as *mut _ },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
