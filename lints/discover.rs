//! Finding the `.rs` files to check under the given paths.

use std::collections::HashSet;
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

/// The other files of the crates that `files` belong to, which a check of
/// part of a crate must read to see what `check` of the whole crate sees: its
/// root, its helpers, its callbacks' registrations. A finding must not depend
/// on which part of a crate was named on the command line.
///
/// A file's crate is the `src/` folder of the nearest package above it (a
/// folder with a `Cargo.toml`); files outside any `src/` are crates of their
/// own (tests, examples, build scripts). Paths keep the spelling of the named
/// ones (`src/types` brings in `src/lib.rs`, not an absolute path).
pub fn crate_context(files: &[PathBuf], resolver: &SettingsResolver) -> Result<Vec<PathBuf>, ConfigError> {
    let named: HashSet<PathBuf> = files.iter().map(|p| crate::settings::absolute(p)).collect();
    let mut src_dirs: Vec<(PathBuf, PathBuf)> = Vec::new();
    for file in files {
        let abs = crate::settings::absolute(file);
        let Some(src) = package_src(&abs) else { continue };
        if src_dirs.iter().any(|(seen, _)| *seen == src) {
            continue;
        }
        let depth = abs.strip_prefix(&src).map_or(0, |rel| rel.components().count());
        src_dirs.push((src, spelled_ancestor(file, depth)));
    }
    let mut context = Vec::new();
    for (_, spelled) in src_dirs {
        let mut found = Discovered::default();
        walk_dir(&spelled, resolver, &mut found)?;
        context.extend(found.files.into_iter().filter(|p| !named.contains(&crate::settings::absolute(p))));
    }
    context.sort();
    context.dedup();
    Ok(context)
}

/// `<package>/src` for a file inside it: the package is the nearest folder
/// above the file with a `Cargo.toml`.
fn package_src(abs_file: &Path) -> Option<PathBuf> {
    let package = abs_file.ancestors().skip(1).find(|dir| dir.join("Cargo.toml").is_file())?;
    let src = package.join("src");
    abs_file.starts_with(&src).then_some(src)
}

/// `path` with `depth` trailing components removed as written, climbing with
/// `..` past its start: (`src/types/a.rs`, 2) is `src`, (`a.rs`, 2) is `..`.
fn spelled_ancestor(path: &Path, depth: usize) -> PathBuf {
    let mut parts: Vec<std::path::Component<'_>> =
        path.components().filter(|c| !matches!(c, std::path::Component::CurDir)).collect();
    let mut climbs = 0;
    for _ in 0..depth {
        match parts.last() {
            Some(std::path::Component::Normal(_)) => {
                parts.pop();
            }
            _ => climbs += 1,
        }
    }
    let mut out: PathBuf = parts.iter().collect();
    for _ in 0..climbs {
        out.push("..");
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_keep_the_spelling() {
        assert_eq!(spelled_ancestor(Path::new("src/types/a.rs"), 2), PathBuf::from("src"));
        assert_eq!(spelled_ancestor(Path::new("./src/a.rs"), 1), PathBuf::from("src"));
        assert_eq!(spelled_ancestor(Path::new("a.rs"), 2), PathBuf::from(".."));
        assert_eq!(spelled_ancestor(Path::new("a.rs"), 1), PathBuf::from("."));
        assert_eq!(spelled_ancestor(Path::new("../x/src/a/b.rs"), 2), PathBuf::from("../x/src"));
        assert_eq!(spelled_ancestor(Path::new("/p/src/a.rs"), 1), PathBuf::from("/p/src"));
    }
}
