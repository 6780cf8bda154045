//! Finding the `.rs` files to check under the given paths.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::settings::{ConfigError, SettingsResolver};

/// A path that could not be walked (reported as IO001).
#[derive(Debug, Clone)]
pub struct DiscoveryError {
    pub path: PathBuf,
    pub message: String,
}

/// What discovery found: files in a stable order, and paths it could not read.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    pub errors: Vec<DiscoveryError>,
}

/// Folders never descended into: build output and VCS metadata.
fn is_skipped_dir(name: &str) -> bool {
    name == "target" || name.starts_with('.') && name != "." && name != ".."
}

/// Walk `paths`. Explicit files are always checked; folders are walked
/// without following symbolic links to folders, so a link loop cannot hang us.
pub fn discover(paths: &[PathBuf], resolver: &SettingsResolver) -> Result<Discovered, ConfigError> {
    let mut found = Discovered::default();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => found.errors.push(DiscoveryError { path: path.clone(), message: e.to_string() }),
            Ok(meta) if meta.is_file() => found.files.push(path.clone()),
            Ok(meta) if meta.is_dir() => walk_dir(path, resolver, &mut found)?,
            Ok(meta) => {
                found.errors.push(DiscoveryError { path: path.clone(), message: crate::fsio::not_regular(&meta) })
            }
        }
    }
    found.files.sort();
    found.files.dedup();
    Ok(found)
}

fn walk_dir(root: &Path, resolver: &SettingsResolver, found: &mut Discovered) -> Result<(), ConfigError> {
    let settings = resolver.for_path(root)?;
    let mut walker = WalkDir::new(root).follow_links(false).sort_by_file_name().into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
                found.errors.push(DiscoveryError { path, message: e.to_string() });
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && entry.file_type().is_dir() {
            let abs = crate::settings::absolute(path);
            if is_skipped_dir(&name) || settings.is_excluded(&abs) {
                walker.skip_current_dir();
            }
            continue;
        }
        let is_rs = path.extension().is_some_and(|e| e == "rs");
        if !is_rs || settings.is_excluded(&crate::settings::absolute(path)) {
            continue;
        }
        let path = path.strip_prefix(".").unwrap_or(path);
        if entry.file_type().is_file() {
            found.files.push(path.to_path_buf());
        } else {
            // A link to a file is checked; a dangling or looping one, a link to a
            // folder named `.rs` and FIFOs, sockets and devices are reported (never opened).
            match std::fs::metadata(path) {
                Ok(meta) if meta.is_file() => found.files.push(path.to_path_buf()),
                Ok(meta) => found
                    .errors
                    .push(DiscoveryError { path: path.to_path_buf(), message: crate::fsio::not_regular(&meta) }),
                Err(e) => found.errors.push(DiscoveryError { path: path.to_path_buf(), message: e.to_string() }),
            }
        }
    }
    Ok(())
}
