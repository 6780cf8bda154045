// expect: clean
use std::thread;

/// A raw buffer handed to a worker; it holds no Python object.
struct Buffer {
    data: *mut u8,
    len: usize,
}

// SAFETY: the buffer is owned by exactly one thread at a time.
unsafe impl Send for Buffer {}

fn checksum(buf: Buffer) -> thread::JoinHandle<u8> {
    thread::spawn(move || {
        let bytes = unsafe { std::slice::from_raw_parts(buf.data, buf.len) };
        bytes.iter().fold(0u8, |a, b| a ^ b)
    })
}
