//! Stack for the recursive parts: syn's parser and the rules' walks recurse
//! once per nesting level. [`crate::nesting`] bounds the depth of what is
//! analysed; this makes sure that depth fits wherever the code runs (a
//! worker has a big stack, a caller's main thread may not).

/// Stack that must be left before recursing further: enough for syn's own
/// recursions that cannot be guarded (`Drop`, `Clone`, `ToTokens`) over a
/// tree [`crate::nesting::MAX_DEPTH`] levels deep.
const RED_ZONE: usize = 32 << 20;

/// Size of each new stack segment.
const SEGMENT: usize = 256 << 20;

/// Run `f`, first moving to a new stack segment if less than [`RED_ZONE`] is left.
#[inline]
pub fn guard<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}
