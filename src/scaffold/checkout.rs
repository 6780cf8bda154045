//! Finding the CPython checkout to scaffold into, and what it already holds.

use std::path::{Path, PathBuf};

use cpython_rs_lints::checkout::{find_checkout, has_rust_support, is_checkout_root};
use cpython_rs_lints::settings::absolute;

use super::report::Problem;

/// A CPython checkout with Rust support.
#[derive(Debug, Clone)]
pub struct Checkout {
    pub root: PathBuf,
    /// `Modules/cpython-api/` exists: the safe API style is available.
    pub has_api: bool,
    /// The root manifest has `[workspace.package] rust-version`.
    pub workspace_rust_version: bool,
    /// The root manifest has `[workspace.lints]`.
    pub workspace_lints: bool,
    /// The Rust extension modules already there (crates under `Modules/` building a cdylib), sorted.
    pub rust_modules: Vec<String>,
}

const OUT_OF_TREE_HELP: &str =
    "to prototype outside CPython, use `--out-of-tree DIR` (a standalone crate over pyo3-ffi)";

/// The checkout at `explicit` (`--cpython`), or the one around `cwd`.
pub fn locate(explicit: Option<&Path>, cwd: &Path) -> Result<Checkout, Problem> {
    let root = match explicit {
        Some(dir) => {
            let dir = absolute(&cwd.join(dir));
            if !is_checkout_root(&dir) {
                let mut problem = Problem::new(format!("`{}` is not a CPython checkout", dir.display()));
                for missing in missing_markers(&dir) {
                    problem = problem.note(missing);
                }
                return Err(problem.help("pass the root of a CPython checkout to `--cpython`"));
            }
            dir
        }
        None => find_checkout(cwd).ok_or_else(|| {
            Problem::new("not inside a CPython checkout")
                .note(format!(
                    "looked in `{}` and every parent for `Include/Python.h`, `Python/ceval.c` and a \
                     `README.rst` starting with \"This is Python version\"",
                    absolute(cwd).display()
                ))
                .help("run this inside a checkout of the Rust for CPython fork, or pass `--cpython DIR`")
                .help(OUT_OF_TREE_HELP)
        })?,
    };
    if !has_rust_support(&root) {
        let mut problem = Problem::new(format!("the CPython checkout at `{}` has no Rust support", root.display()));
        if !root.join("Cargo.toml").is_file() {
            problem = problem.note("there is no root `Cargo.toml` workspace");
        } else if !root.join("Modules/cpython-sys").is_dir() {
            problem = problem.note("there is no `Modules/cpython-sys/` binding crate");
        } else {
            problem = problem.note("the root `Cargo.toml` is not a workspace");
        }
        return Err(problem.help("use a checkout of the Rust for CPython fork").help(OUT_OF_TREE_HELP));
    }
    let manifest: toml::Table =
        std::fs::read_to_string(root.join("Cargo.toml")).ok().and_then(|t| t.parse().ok()).unwrap_or_default();
    let workspace = manifest.get("workspace");
    let workspace_rust_version = workspace.and_then(|w| w.get("package")).and_then(|p| p.get("rust-version")).is_some();
    let workspace_lints = workspace.and_then(|w| w.get("lints")).is_some();
    Ok(Checkout {
        has_api: root.join("Modules/cpython-api").is_dir(),
        workspace_rust_version,
        workspace_lints,
        rust_modules: rust_modules(&root),
        root,
    })
}

/// Why `dir` is not a checkout, one line per missing marker.
fn missing_markers(dir: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    for file in ["Include/Python.h", "Python/ceval.c"] {
        if !dir.join(file).is_file() {
            missing.push(format!("it has no `{file}`"));
        }
    }
    let readme = std::fs::read_to_string(dir.join("README.rst")).unwrap_or_default();
    if !readme.lines().next().is_some_and(|l| l.starts_with("This is Python version")) {
        missing.push("its `README.rst` does not start with \"This is Python version\"".into());
    }
    missing
}

/// Extension module crates under `Modules/`: a `[lib]` building a cdylib.
fn rust_modules(root: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join("Modules")) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path().join("Cargo.toml")).ok()?;
            let table: toml::Table = text.parse().ok()?;
            let lib = table.get("lib")?;
            let cdylib = lib.get("crate-type")?.as_array()?.iter().any(|t| t.as_str() == Some("cdylib"));
            let name = lib.get("name").or_else(|| table.get("package")?.get("name"))?.as_str()?;
            cdylib.then(|| name.to_string())
        })
        .collect();
    found.sort();
    found
}
