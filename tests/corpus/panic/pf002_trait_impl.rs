// expect: PF002
// A trait implemented by a crate type, called on a value of that type.
use std::ptr;

use pyo3_ffi::*;

trait Checksum {
    fn checksum(&self) -> u8;
}

struct Packet {
    bytes: Vec<u8>,
}

impl Checksum for Packet {
    fn checksum(&self) -> u8 {
        self.bytes[0] ^ self.bytes[self.bytes.len() - 1]
    }
}

unsafe extern "C" fn packet_checksum(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let mut buf: *mut std::os::raw::c_char = ptr::null_mut();
    let mut len: Py_ssize_t = 0;
    if PyBytes_AsStringAndSize(arg, &mut buf, &mut len) < 0 {
        return ptr::null_mut();
    }
    let packet = Packet { bytes: std::slice::from_raw_parts(buf.cast::<u8>(), len as usize).to_vec() };
    PyLong_FromLong(packet.checksum().into())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"packet_checksum".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: packet_checksum },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
