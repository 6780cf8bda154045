// expect: SD001
pub struct RawBuffer {
    ptr: *mut u8,
    len: usize,
}

unsafe impl Sync for RawBuffer {}

impl RawBuffer {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0 || self.ptr.is_null()
    }
}
