// expect: PF002
use pyo3_ffi::*;

struct Ring {
    items: Vec<u32>,
    head: usize,
}

impl Ring {
    fn peek(&self) -> u32 {
        self.items[self.head]
    }

    fn describe(&self) -> u64 {
        self.peek() as u64 + self.items.len() as u64
    }
}

#[repr(C)]
struct RingObject {
    ob_base: PyObject,
    ring: Ring,
}

unsafe extern "C" fn ring_peek(slf: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    // SAFETY: `slf` is a RingObject instance.
    let this = unsafe { &*(slf as *const RingObject) };
    let v = this.ring.describe();
    // SAFETY: attached.
    unsafe { PyLong_FromUnsignedLongLong(v) }
}

static mut RING_METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"peek".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: ring_peek },
        ml_flags: METH_NOARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
