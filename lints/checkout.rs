//! Recognising a CPython checkout, as `blurb` does, and whether it has Rust support.

use std::path::{Path, PathBuf};

/// Whether `dir` is the root of a CPython checkout.
pub fn is_checkout_root(dir: &Path) -> bool {
    dir.join("Include/Python.h").is_file()
        && dir.join("Python/ceval.c").is_file()
        && std::fs::read_to_string(dir.join("README.rst"))
            .is_ok_and(|text| text.lines().next().is_some_and(|l| l.starts_with("This is Python version")))
}

/// The checkout root at or above `start`.
pub fn find_checkout(start: &Path) -> Option<PathBuf> {
    let start = crate::settings::absolute(start);
    start.ancestors().find(|dir| is_checkout_root(dir)).map(Path::to_path_buf)
}

/// Rust support: a workspace root `Cargo.toml` and `Modules/cpython-sys/`.
pub fn has_rust_support(root: &Path) -> bool {
    root.join("Modules/cpython-sys").is_dir()
        && std::fs::read_to_string(root.join("Cargo.toml"))
            .ok()
            .and_then(|text| text.parse::<toml::Table>().ok())
            .is_some_and(|t| t.contains_key("workspace"))
}
