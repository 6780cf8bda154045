// expect: clean
/// Rust-to-Rust helper exported for a plugin host written in Rust; never called by CPython.
pub extern "C-unwind" fn plugin_checksum(data: *const u8, len: usize) -> u32 {
    if data.is_null() {
        return 0;
    }
    // SAFETY: the caller passes `len` readable bytes.
    let bytes = unsafe { std::slice::from_raw_parts(data, len) };
    bytes.iter().fold(0u32, |acc, b| acc.rotate_left(5) ^ *b as u32)
}
