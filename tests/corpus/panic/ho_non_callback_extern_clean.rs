// expect: clean
/// C ABI helper for a sibling C library; CPython never calls it.
#[no_mangle]
pub extern "C" fn scale_index(values: *const u32, len: usize, i: usize) -> u32 {
    if values.is_null() || i >= len {
        return 0;
    }
    // SAFETY: the caller passes `len` readable values.
    let slice = unsafe { std::slice::from_raw_parts(values, len) };
    slice[i] / slice[0].max(1)
}
