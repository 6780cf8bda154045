//! Reader for CPython's `Doc/data/refcounts.dat`.

use super::ApiFunction;

/// The functions described in a `refcounts.dat` text.
pub fn parse(_dat: &str) -> Vec<ApiFunction> {
    Vec::new()
}
