//! Hash the analyser's own sources into `CPYTHON_RS_LINTS_SOURCE_HASH`, part
//! of every result-cache key: a changed rule must not reuse an old result,
//! even when the version number did not move.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&dir, &dir, &mut files);
    files.sort();
    let mut hasher = DefaultHasher::new();
    for rel in &files {
        rel.hash(&mut hasher);
        std::fs::read(dir.join(rel)).unwrap_or_default().hash(&mut hasher);
    }
    println!("cargo:rustc-env=CPYTHON_RS_LINTS_SOURCE_HASH={:016x}", hasher.finish());
    // A folder is scanned as a whole: any file added, removed or changed.
    println!("cargo:rerun-if-changed=.");
}

/// Every file under `dir` except build output and hidden folders, relative to `base`.
fn collect(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || name == "target" {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect(base, &path, out),
            Ok(t) if t.is_file() => out.push(path.strip_prefix(base).unwrap_or(&path).to_path_buf()),
            _ => {}
        }
    }
}
