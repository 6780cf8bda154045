//! Whether a name can be a new module: a Python identifier that is also a
//! valid crate, C symbol suffix and file name, and that no existing module
//! of the checkout already uses.

use std::path::Path;

use super::report::Problem;

const PYTHON_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Rust keywords (strict and reserved, every edition): Cargo refuses them as package names.
const RUST_KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro",
    "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self", "static", "struct", "super",
    "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Names Cargo refuses because they are Rust's own crates.
const RUST_CRATES: &[&str] = &["alloc", "core", "proc_macro", "std", "test"];

/// File names Windows cannot create, in any case and with any extension.
const WINDOWS_RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2",
    "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Reject anything that cannot be a top-level module name written in Rust.
pub fn check_syntax(name: &str) -> Result<(), Problem> {
    let refuse = |why: String| Err(Problem::new(format!("`{name}` cannot be a module name: {why}")));
    if name.is_empty() {
        return Err(Problem::new("the module name is empty"));
    }
    if name.contains(['/', '\\']) || name.contains("..") || name == "." {
        return Err(Problem::new(format!("`{name}` is a path, not a module name"))
            .help("pass the bare name (`_fastjson`); new-module puts the crate in `Modules/<name>/` itself"));
    }
    if name.contains('.') {
        return Err(Problem::new(format!("`{name}` is a dotted name"))
            .help("a Rust module is a top-level extension module: use a name without dots"));
    }
    if !name.is_ascii() {
        return refuse("it is not ASCII".into())
            .map_err(|p: Problem| p.note("the entry point `PyInit_<name>` and the crate name need an ASCII name"));
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return refuse("it starts with a digit".into());
    }
    if let Some(bad) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '_')) {
        let problem =
            Problem::new(format!("`{name}` cannot be a module name: `{bad}` is not allowed in an identifier"));
        return Err(if bad == '-' {
            problem.help(format!("use underscores: `{}`", name.replace('-', "_")))
        } else {
            problem
        });
    }
    if name.chars().all(|c| c == '_') {
        return refuse("it has no letters or digits".into());
    }
    if PYTHON_KEYWORDS.contains(&name) {
        return refuse("it is a Python keyword".into());
    }
    if RUST_KEYWORDS.contains(&name) {
        return refuse("it is a Rust keyword, which Cargo refuses as a crate name".into());
    }
    if RUST_CRATES.contains(&name) {
        return refuse(format!("Cargo reserves it for Rust's own `{name}` crate"));
    }
    if WINDOWS_RESERVED.contains(&name.to_ascii_lowercase().as_str()) {
        return refuse("Windows cannot create a file or directory of that name".into());
    }
    Ok(())
}

/// A name Python accepts but PEP 8 does not: module names are all lower case.
pub fn style_warning(name: &str) -> Option<Problem> {
    name.chars().any(|c| c.is_ascii_uppercase()).then(|| {
        Problem::new(format!("`{name}` is not lower case"))
            .note("PEP 8: modules should have short, all-lowercase names")
            .help(format!("`cpython-rs new-module {}`", name.to_ascii_lowercase()))
    })
}

/// Where an existing use of a name was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClashKind {
    /// A C source, a C sources directory, or a `Setup` line building the module.
    Extension,
    /// A Rust crate under `Modules/`.
    RustCrate,
    /// A Python module or package in `Lib/`.
    Python,
    /// Only the generated list of stdlib module names (builtins such as `sys`).
    Listed,
}

/// Something in the checkout that already uses the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub what: String,
    pub kind: ClashKind,
    /// Explained by a crate this tool generated (rerunning with `--force`).
    pub ours: bool,
}

/// Every existing use of `name` in the checkout at `root`. `ours` says whether
/// `Modules/<name>/` is a crate `new-module` generated: then its own
/// registrations (the crate, its `Setup.stdlib.in` line, the generated module
/// list) do not count against it.
pub fn clashes(root: &Path, name: &str, ours: bool) -> Vec<Clash> {
    let mut found = Vec::new();
    let mut add = |what: String, kind: ClashKind, is_ours: bool| found.push(Clash { what, kind, ours: is_ours });
    let modules = root.join("Modules");
    for file in [format!("{name}.c"), format!("{name}module.c")] {
        if modules.join(&file).is_file() {
            add(format!("`Modules/{file}` is a C extension module"), ClashKind::Extension, false);
        }
    }
    let dir = modules.join(name);
    if dir.join("Cargo.toml").is_file() {
        add(format!("`Modules/{name}/` is a Rust crate"), ClashKind::RustCrate, ours);
    } else if dir.is_dir() {
        let c_sources = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .any(|e| e.path().extension().is_some_and(|x| x == "c" || x == "h"));
        let what = if c_sources { "holds the sources of a C module" } else { "already exists" };
        add(format!("`Modules/{name}/` {what}"), ClashKind::Extension, false);
    }
    for crate_dir in rust_crates_named(root, name) {
        if crate_dir != format!("Modules/{name}") {
            add(format!("`{crate_dir}/` is a Rust crate whose package is named `{name}`"), ClashKind::RustCrate, false);
        }
    }
    for setup in ["Modules/Setup.stdlib.in", "Modules/Setup.bootstrap.in", "Modules/Setup"] {
        if let Ok(text) = std::fs::read_to_string(root.join(setup)) {
            if let Some(line) = text.lines().find(|l| setup_module_name(l) == Some(name)) {
                let (kind, rust) = if line.contains(&format!("{name}/Cargo.toml")) {
                    (ClashKind::RustCrate, true)
                } else {
                    (ClashKind::Extension, false)
                };
                add(format!("`{setup}` builds a module of that name"), kind, ours && rust);
            }
        }
    }
    let lib = root.join("Lib");
    if lib.join(format!("{name}.py")).is_file() {
        add(format!("`Lib/{name}.py` is a Python module"), ClashKind::Python, false);
    }
    if lib.join(name).join("__init__.py").is_file() {
        add(format!("`Lib/{name}/` is a Python package"), ClashKind::Python, false);
    } else if lib.join(name).is_dir() {
        add(format!("`Lib/{name}/` is a directory of the standard library"), ClashKind::Python, false);
    }
    if stdlib_module_names(root).iter().any(|n| n == name) {
        add(format!("`Python/stdlib_module_names.h` lists `{name}`"), ClashKind::Listed, ours);
    }
    found
}

/// The module a `Setup` line builds: `@MODULE_X_TRUE@name src...` or `name src...`.
pub fn setup_module_name(line: &str) -> Option<&str> {
    let line = line.trim_start();
    if line.starts_with('#') || line.starts_with('*') {
        return None;
    }
    let line = match line.strip_prefix('@') {
        Some(rest) => rest.split_once('@')?.1,
        None => line,
    };
    let word = line.split_whitespace().next()?;
    word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_').then_some(word)
}

/// The names listed in `Python/stdlib_module_names.h`.
pub fn stdlib_module_names(root: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(root.join("Python/stdlib_module_names.h")) else {
        return Vec::new();
    };
    text.lines().filter_map(|l| l.trim().strip_prefix('"')?.split_once('"').map(|(n, _)| n.to_string())).collect()
}

/// Directories under `Modules/` holding a Cargo package named `name`.
fn rust_crates_named(root: &Path, name: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join("Modules")) else {
        return Vec::new();
    };
    let mut dirs: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().join("Cargo.toml").is_file())
        .filter(|e| package_name(&e.path().join("Cargo.toml")).as_deref() == Some(name))
        .map(|e| format!("Modules/{}", e.file_name().to_string_lossy()))
        .collect();
    dirs.sort();
    dirs
}

/// `[package] name` of a manifest.
pub fn package_name(manifest: &Path) -> Option<String> {
    let table: toml::Table = std::fs::read_to_string(manifest).ok()?.parse().ok()?;
    table.get("package")?.get("name")?.as_str().map(str::to_string)
}

/// A public module of the standard library with this name: `Lib/<name>.py` or a package.
pub fn public_module_path(root: &Path, name: &str) -> Option<String> {
    if root.join("Lib").join(format!("{name}.py")).is_file() {
        Some(format!("Lib/{name}.py"))
    } else if root.join("Lib").join(name).join("__init__.py").is_file() {
        Some(format!("Lib/{name}/__init__.py"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(name: &str) -> String {
        check_syntax(name).unwrap_err().message
    }

    #[test]
    fn identifiers_pass() {
        for name in ["_fastjson", "fastjson", "_x", "x2", "_json_rs", "Match"] {
            assert!(check_syntax(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn non_identifiers_are_refused_with_the_reason() {
        assert!(message("").contains("empty"));
        assert!(message("Modules/_x").contains("is a path"));
        assert!(message("..").contains("is a path"));
        assert!(message("a.b").contains("dotted"));
        assert!(message("2fast").contains("starts with a digit"));
        assert!(message("fast-json").contains("`-` is not allowed"));
        assert!(message("naïve").contains("not ASCII"));
        assert!(message("__").contains("no letters"));
    }

    #[test]
    fn keywords_and_reserved_names_are_refused() {
        assert!(message("class").contains("Python keyword"));
        assert!(message("None").contains("Python keyword"));
        assert!(message("fn").contains("Rust keyword"));
        assert!(message("std").contains("Rust's own"));
        assert!(message("test").contains("Rust's own"));
        assert!(message("CON").contains("Windows"));
    }

    #[test]
    fn setup_lines_name_their_module() {
        assert_eq!(setup_module_name("@MODULE__BASE64_TRUE@_base64 _base64/Cargo.toml"), Some("_base64"));
        assert_eq!(setup_module_name("math mathmodule.c"), Some("math"));
        assert_eq!(setup_module_name("# math mathmodule.c"), None);
        assert_eq!(setup_module_name("*@MODULE_BUILDTYPE@*"), None);
    }
}
