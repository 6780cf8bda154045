//! `cpython-rs doctor`: can this machine, and this checkout, build Rust modules?
//!
//! Every question put to the outside world (running `rustc`, reading an
//! environment variable, listing the places libclang usually lives) goes through
//! [`Probe`], so tests describe a machine instead of depending on this one.
//! Files of the checkout are read directly: tests point `--cpython` at a fixture.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use clap::{Args, ValueEnum};
use cpython_rs_lints::checkout;
use serde::Serialize;

use crate::cli::exit;

/// The oldest Rust that builds what `new-module` generates outside a checkout
/// that says otherwise: its crates use edition 2024, stable since 1.85.
pub const TEMPLATE_RUST_VERSION: &str = "1.85";

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cpython-rs doctor\n  \
    cpython-rs doctor --cpython ~/src/cpython\n  \
    cpython-rs doctor --output-format json")]
pub struct DoctorArgs {
    /// The CPython checkout to check [default: the one containing the current directory, if any]
    #[arg(long, value_name = "DIR")]
    pub cpython: Option<PathBuf>,
    /// How to print the results
    #[arg(long, value_enum, default_value_t = DoctorFormat::Text)]
    pub output_format: DoctorFormat,
}

/// `doctor`'s output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DoctorFormat {
    /// A table, one check per line, with the fix under each failure
    Text,
    /// One JSON object: the checkout, every check, and whether building is blocked
    Json,
}

pub fn run(args: DoctorArgs) -> u8 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let root = match &args.cpython {
        Some(dir) => {
            let dir = cpython_rs_lints::settings::absolute(dir);
            if !checkout::is_checkout_root(&dir) {
                eprintln!(
                    "error: `{}` is not a CPython checkout (it needs Include/Python.h, Python/ceval.c and a \
                     README.rst that starts with \"This is Python version\")",
                    dir.display()
                );
                return exit::ERROR;
            }
            Some(dir)
        }
        None => checkout::find_checkout(&cwd),
    };
    let report = diagnose(&SystemProbe, root.as_deref(), &cwd);
    let mut out = io::stdout().lock();
    let written = match args.output_format {
        DoctorFormat::Text => write_text(&report, &mut out),
        DoctorFormat::Json => write_json(&report, &mut out),
    };
    if let Err(err) = written.and_then(|()| out.flush()) {
        if err.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: {err}");
            return exit::ERROR;
        }
    }
    if report.blocking() {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

// ---------------------------------------------------------------------------
// The outside world

/// What `doctor` asks of the machine, beyond the checkout's files.
pub trait Probe {
    /// The standard output of `program args` run in `dir`, when it runs and exits 0.
    fn output(&self, program: &OsStr, args: &[&str], dir: &Path) -> Option<String>;
    /// An environment variable; empty counts as unset.
    fn var(&self, name: &str) -> Option<OsString>;
    /// Directories where libclang is commonly installed, most specific first.
    fn libclang_dirs(&self) -> Vec<PathBuf>;
}

/// The real machine.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemProbe;

impl Probe for SystemProbe {
    fn output(&self, program: &OsStr, args: &[&str], dir: &Path) -> Option<String> {
        let out = Command::new(program).args(args).current_dir(dir).stdin(Stdio::null()).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn var(&self, name: &str) -> Option<OsString> {
        std::env::var_os(name).filter(|v| !v.is_empty())
    }

    fn libclang_dirs(&self) -> Vec<PathBuf> {
        let mut dirs = Vec::new();
        // Debian and Ubuntu: /usr/lib/llvm-<N>/lib, newest first.
        let mut versioned: Vec<(u32, PathBuf)> = read_dir_names(Path::new("/usr/lib"))
            .into_iter()
            .filter_map(|name| Some((name.strip_prefix("llvm-")?.parse().ok()?, Path::new("/usr/lib").join(&name))))
            .collect();
        versioned.sort_by_key(|(version, _)| std::cmp::Reverse(*version));
        dirs.extend(versioned.into_iter().map(|(_, dir)| dir.join("lib")));
        // Multiarch directories (/usr/lib/x86_64-linux-gnu).
        let mut multiarch: Vec<PathBuf> = read_dir_names(Path::new("/usr/lib"))
            .into_iter()
            .filter(|name| name.ends_with("-linux-gnu"))
            .map(|name| Path::new("/usr/lib").join(name))
            .collect();
        multiarch.sort();
        dirs.extend(multiarch);
        dirs.extend(
            [
                "/usr/lib64/llvm",
                "/usr/lib/llvm",
                "/usr/lib64",
                "/usr/lib",
                "/usr/local/lib",
                "/usr/local/opt/llvm/lib",
                "/opt/homebrew/opt/llvm/lib",
                "/Library/Developer/CommandLineTools/usr/lib",
                "/Applications/Xcode.app/Contents/Developer/Toolchains/XcodeDefault.xctoolchain/usr/lib",
                r"C:\Program Files\LLVM\bin",
                r"C:\Program Files\LLVM\lib",
            ]
            .map(PathBuf::from),
        );
        dirs
    }
}

fn read_dir_names(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------
// The report

/// How one check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    /// Not run, because something it depends on failed or is absent.
    Skip,
    /// Worth knowing; building still works.
    Warn,
    /// Building Rust modules will fail until this is fixed.
    Fail,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Pass => "pass",
            Status::Skip => "skip",
            Status::Warn => "warn",
            Status::Fail => "fail",
        })
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub name: &'static str,
    pub status: Status,
    pub message: String,
    /// What to do about a failure or warning.
    pub fix: Option<String>,
}

impl Check {
    fn new(name: &'static str, status: Status, message: impl Into<String>) -> Self {
        Check { name, status, message: message.into(), fix: None }
    }

    fn with_fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }
}

/// Everything `doctor` found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The checkout that was examined; `None` outside one.
    pub checkout: Option<PathBuf>,
    pub checks: Vec<Check>,
}

impl Report {
    /// Whether something fails: building Rust modules cannot work yet.
    pub fn blocking(&self) -> bool {
        self.checks.iter().any(|c| c.status == Status::Fail)
    }

    pub fn count(&self, status: Status) -> usize {
        self.checks.iter().filter(|c| c.status == status).count()
    }
}

/// Run every check: the toolchain always, the build state only in a checkout.
pub fn diagnose(probe: &dyn Probe, root: Option<&Path>, cwd: &Path) -> Report {
    let dir = root.unwrap_or(cwd);
    let required = required_rust(root);
    let rustc = probe_rustc(probe, dir);
    let config = root.map(ConfigStatus::read);
    let mut checks = vec![check_checkout(root)];
    if let Some(journal) = root.and_then(crate::scaffold::journal::pending) {
        checks.push(
            Check::new(
                "scaffold",
                Status::Fail,
                format!(
                    "an interrupted `new-module` left {}: files it was changing may be half-edited",
                    journal.display()
                ),
            )
            .with_fix("run `cpython-rs new-module --repair` (it finishes the run or puts every file back)"),
        );
    }
    checks.push(check_rustc(probe, dir, &rustc, &required));
    checks.push(check_cargo(probe, dir, &required));
    checks.push(check_target(probe, dir, &rustc, config.as_ref().and_then(Option::as_ref)));
    checks.push(check_libclang(probe, root));
    let python = if root.is_none() { probe_python(probe, cwd) } else { None };
    if root.is_none() {
        checks.push(check_python(probe, &python));
    }
    checks.push(check_python_headers(probe, root, cwd, &python));
    if let (Some(root), Some(config)) = (root, &config) {
        checks.push(check_configure(root));
        checks.push(check_rust_build(root, config.as_ref()));
        checks.push(check_rust_modules(root, config.as_ref()));
    }
    Report { checkout: root.map(Path::to_path_buf), checks }
}

// ---------------------------------------------------------------------------
// The checkout

fn check_checkout(root: Option<&Path>) -> Check {
    let Some(root) = root else {
        return Check::new(
            "checkout",
            Status::Warn,
            "no CPython checkout at or above the current directory; checking what out-of-tree modules need",
        )
        .with_fix("run `cpython-rs doctor` inside a CPython checkout, or pass `--cpython DIR`");
    };
    let version = std::fs::read_to_string(root.join("README.rst"))
        .ok()
        .and_then(|text| text.lines().next().and_then(|l| l.strip_prefix("This is ")).map(str::to_owned))
        .unwrap_or_else(|| "Python".to_owned());
    if checkout::has_rust_support(root) {
        Check::new("checkout", Status::Pass, format!("{}: {version}, with Rust support", root.display()))
    } else {
        Check::new(
            "checkout",
            Status::Fail,
            format!(
                "{}: {version}, without Rust support (no Cargo workspace in Cargo.toml, or no Modules/cpython-sys)",
                root.display()
            ),
        )
        .with_fix(
            "use a checkout of the Rust for CPython branch, which has the Cargo workspace and Modules/cpython-sys",
        )
    }
}

// ---------------------------------------------------------------------------
// The Rust toolchain

/// A `major.minor.patch` version; a missing patch is 0, pre-release tags are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(pub u64, pub u64, pub u64);

impl Version {
    pub fn parse(text: &str) -> Option<Version> {
        let core = text.trim().split(['-', '+', ' ']).next()?;
        let mut parts = core.split('.');
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next()?.parse().ok()?;
        let patch = parts.next().map_or(Some(0), |p| p.parse().ok())?;
        parts.next().is_none().then_some(Version(major, minor, patch))
    }
}

/// The Rust version builds need, and where that requirement comes from.
#[derive(Debug, Clone)]
struct Requirement {
    version: Version,
    text: String,
    source: &'static str,
}

/// The checkout's `rust-version` (workspace, then package), else the templates' minimum.
fn required_rust(root: Option<&Path>) -> Requirement {
    let declared = root
        .and_then(|root| std::fs::read_to_string(root.join("Cargo.toml")).ok())
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|table| {
            let workspace = table.get("workspace").and_then(|w| w.get("package")).and_then(|p| p.get("rust-version"));
            let package = table.get("package").and_then(|p| p.get("rust-version"));
            workspace.or(package).and_then(|v| v.as_str()).map(str::to_owned)
        })
        .and_then(|text| Some((Version::parse(&text)?, text)));
    match declared {
        Some((version, text)) => Requirement { version, text, source: "the checkout's rust-version in Cargo.toml" },
        None => Requirement {
            version: Version::parse(TEMPLATE_RUST_VERSION).expect("a valid version"),
            text: TEMPLATE_RUST_VERSION.to_owned(),
            source: "edition 2024, which new-module's crates use",
        },
    }
}

/// What `rustc -vV` said.
#[derive(Debug, Clone)]
struct RustcInfo {
    release: String,
    host: String,
}

fn probe_rustc(probe: &dyn Probe, dir: &Path) -> Option<RustcInfo> {
    let out = probe.output(&tool(probe, "RUSTC", "rustc"), &["-vV"], dir)?;
    let field = |key: &str| out.lines().find_map(|l| l.strip_prefix(key)).map(|v| v.trim().to_owned());
    Some(RustcInfo { release: field("release:")?, host: field("host:")? })
}

/// The program for a tool: `$VAR` when set (as cargo and configure honour it), else its name.
fn tool(probe: &dyn Probe, var: &str, name: &str) -> OsString {
    probe.var(var).unwrap_or_else(|| name.into())
}

fn has_rustup(probe: &dyn Probe, dir: &Path) -> bool {
    probe.output(OsStr::new("rustup"), &["--version"], dir).is_some()
}

fn check_rustc(probe: &dyn Probe, dir: &Path, rustc: &Option<RustcInfo>, required: &Requirement) -> Check {
    let Some(info) = rustc else {
        return not_runnable(probe, dir, "rustc", "RUSTC");
    };
    check_version(probe, dir, "rustc", &info.release, required)
}

fn check_cargo(probe: &dyn Probe, dir: &Path, required: &Requirement) -> Check {
    let version = probe
        .output(&tool(probe, "CARGO", "cargo"), &["-V"], dir)
        .and_then(|out| out.split_whitespace().nth(1).map(str::to_owned));
    match version {
        Some(version) => check_version(probe, dir, "cargo", &version, required),
        None => not_runnable(probe, dir, "cargo", "CARGO"),
    }
}

fn not_runnable(probe: &dyn Probe, dir: &Path, name: &'static str, var: &str) -> Check {
    match probe.var(var) {
        Some(path) => {
            Check::new(name, Status::Fail, format!("`{}` (from {var}) could not be run", path.to_string_lossy()))
                .with_fix(format!("point {var} at a working {name}, or unset it"))
        }
        None if has_rustup(probe, dir) => {
            Check::new(name, Status::Fail, format!("`{name}` could not be run, although rustup is installed"))
                .with_fix("install a toolchain: `rustup default stable`")
        }
        None => Check::new(name, Status::Fail, format!("`{name}` not found"))
            .with_fix("install Rust with rustup (https://rustup.rs), then open a new shell"),
    }
}

fn check_version(probe: &dyn Probe, dir: &Path, name: &'static str, found: &str, required: &Requirement) -> Check {
    let needs = format!("needs {} or newer: {}", required.text, required.source);
    match Version::parse(found) {
        Some(version) if version >= required.version => Check::new(name, Status::Pass, format!("{found} ({needs})")),
        Some(_) => {
            let fix = if has_rustup(probe, dir) {
                "run `rustup update stable`".to_owned()
            } else {
                format!("install Rust {} or newer, preferably with rustup (https://rustup.rs)", required.text)
            };
            Check::new(name, Status::Fail, format!("{found} is too old ({needs})")).with_fix(fix)
        }
        None => Check::new(name, Status::Warn, format!("cannot read the version `{found}` ({needs})"))
            .with_fix(format!("check `{name} --version` by hand")),
    }
}

/// The host triple, and for a cross build (configure's `--host`), whether Rust can target it.
fn check_target(probe: &dyn Probe, dir: &Path, rustc: &Option<RustcInfo>, config: Option<&ConfigStatus>) -> Check {
    let Some(info) = rustc else {
        return Check::new("target", Status::Skip, "unknown: rustc could not be run");
    };
    let (Some(host), Some(build)) = (config.and_then(|c| c.get("host")), config.and_then(|c| c.get("build"))) else {
        return Check::new("target", Status::Pass, format!("{} (rustc's host)", info.host));
    };
    if host == build {
        return Check::new(
            "target",
            Status::Pass,
            format!("{} (rustc's host; configure builds for {host})", info.host),
        );
    }
    let targets = probe.output(&tool(probe, "RUSTC", "rustc"), &["--print", "target-list"], dir).unwrap_or_default();
    let Some(target) = rust_target_for(host, &targets) else {
        return Check::new(
            "target",
            Status::Warn,
            format!("configure cross-compiles for {host}, which Rust has no target for"),
        )
        .with_fix("check which Rust target the build passes to cargo, and that rustc supports it");
    };
    if !has_rustup(probe, dir) {
        return Check::new(
            "target",
            Status::Warn,
            format!("configure cross-compiles for {host} (Rust target {target})"),
        )
        .with_fix(format!("make sure the standard library for {target} is installed"));
    }
    let installed = probe.output(OsStr::new("rustup"), &["target", "list", "--installed"], dir).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == target) {
        Check::new("target", Status::Pass, format!("{target}, cross-compiling from {} (installed)", info.host))
    } else {
        Check::new(
            "target",
            Status::Fail,
            format!("configure cross-compiles for {host}, but Rust target {target} is not installed"),
        )
        .with_fix(format!("run `rustup target add {target}`"))
    }
}

/// The Rust target for a GNU triple: itself, or normalised the way Rust names
/// targets (`x86_64-pc-linux-gnu` is `x86_64-unknown-linux-gnu`, `wasm32-unknown-wasip1`
/// is `wasm32-wasip1`, `arm64-apple-darwin23.1.0` is `aarch64-apple-darwin`).
fn rust_target_for(gnu: &str, target_list: &str) -> Option<String> {
    let mut candidates = vec![gnu.to_owned()];
    let parts: Vec<&str> = gnu.split('-').collect();
    if parts.len() >= 3 {
        let arch = if parts[0] == "arm64" { "aarch64" } else { parts[0] };
        let mut system = parts[2..].join("-");
        if system.starts_with("darwin") {
            system = "darwin".to_owned();
        }
        candidates.push(format!("{arch}-{}-{system}", parts[1]));
        candidates.push(format!("{arch}-unknown-{system}"));
        candidates.push(format!("{arch}-{system}"));
    }
    candidates.into_iter().find(|c| target_list.lines().any(|l| l.trim() == c))
}

// ---------------------------------------------------------------------------
// libclang, for bindgen

/// How libclang was looked for, and the outcome.
#[derive(Debug)]
enum Libclang {
    Found {
        path: PathBuf,
        via: &'static str,
    },
    /// `LIBCLANG_PATH` is set but names no libclang: bindgen looks nowhere else.
    BadEnv(PathBuf),
    Missing,
}

/// libclang as bindgen (clang-sys) looks for it: `LIBCLANG_PATH` alone when set,
/// else `llvm-config`'s directories, `LD_LIBRARY_PATH`, then the usual places.
fn find_libclang(probe: &dyn Probe, dir: &Path) -> Libclang {
    if let Some(env) = probe.var("LIBCLANG_PATH") {
        let path = PathBuf::from(env);
        if path.is_file() && path.file_name().and_then(OsStr::to_str).is_some_and(is_libclang) {
            return Libclang::Found { path, via: "LIBCLANG_PATH" };
        }
        return match libclang_in(&path) {
            Some(found) => Libclang::Found { path: found, via: "LIBCLANG_PATH" },
            None => Libclang::BadEnv(path),
        };
    }
    let llvm_config = tool(probe, "LLVM_CONFIG_PATH", "llvm-config");
    for flag in ["--libdir", "--bindir"] {
        if let Some(found) = probe.output(&llvm_config, &[flag], dir).and_then(|d| libclang_in(Path::new(d.trim()))) {
            return Libclang::Found { path: found, via: "llvm-config" };
        }
    }
    if let Some(paths) = probe.var("LD_LIBRARY_PATH") {
        if let Some(found) = std::env::split_paths(&paths).find_map(|d| libclang_in(&d)) {
            return Libclang::Found { path: found, via: "LD_LIBRARY_PATH" };
        }
    }
    match probe.libclang_dirs().iter().find_map(|d| libclang_in(d)) {
        Some(path) => Libclang::Found { path, via: "a standard location" },
        None => Libclang::Missing,
    }
}

/// The first libclang in `dir`, by name order (so the choice is stable).
fn libclang_in(dir: &Path) -> Option<PathBuf> {
    let mut names: Vec<String> = read_dir_names(dir).into_iter().filter(|n| is_libclang(n)).collect();
    names.sort();
    names.first().map(|n| dir.join(n))
}

/// The shared library bindgen loads: `libclang.so[.N]`, `libclang-N.so[.M]`,
/// `libclang.dylib`, `libclang.dll`, `clang.dll`; not `libclang-cpp` or static archives.
fn is_libclang(name: &str) -> bool {
    let versioned = name
        .strip_prefix("libclang-")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()) && rest.contains(".so"));
    name.starts_with("libclang.so") || versioned || matches!(name, "libclang.dylib" | "libclang.dll" | "clang.dll")
}

fn check_libclang(probe: &dyn Probe, root: Option<&Path>) -> Check {
    let uses_bindgen = root.map(|root| {
        std::fs::read_to_string(root.join("Modules/cpython-sys/Cargo.toml")).is_ok_and(|t| t.contains("bindgen"))
    });
    let found = find_libclang(probe, root.unwrap_or(Path::new(".")));
    let install = "install libclang (Debian/Ubuntu: `apt install libclang-dev`; Fedora: `dnf install clang-devel`; \
                   macOS: `xcode-select --install`), or set LIBCLANG_PATH to the directory that contains it";
    let (missing_status, why) = match uses_bindgen {
        Some(true) => (Status::Fail, "Modules/cpython-sys generates its bindings with bindgen, which needs libclang"),
        Some(false) => (Status::Pass, "Modules/cpython-sys does not use bindgen"),
        None => (Status::Pass, "new-module's out-of-tree crates use pyo3-ffi, not bindgen"),
    };
    match found {
        Libclang::Found { path, via } => {
            Check::new("libclang", Status::Pass, format!("{} (found via {via})", path.display()))
        }
        // A wrong setting is worth fixing even where libclang is not needed.
        Libclang::BadEnv(path) => Check::new(
            "libclang",
            missing_status.max(Status::Warn),
            format!("LIBCLANG_PATH={} has no libclang; {why}", path.display()),
        )
        .with_fix("point LIBCLANG_PATH at the directory that contains libclang.so (or .dylib, .dll), or unset it"),
        Libclang::Missing if missing_status == Status::Pass => {
            Check::new("libclang", Status::Pass, format!("not found, and not needed: {why}"))
        }
        Libclang::Missing => Check::new("libclang", missing_status, format!("not found; {why}")).with_fix(install),
    }
}

// ---------------------------------------------------------------------------
// Python

/// What the interpreter that out-of-tree builds use says about itself: its
/// version, then its header directory.
const PYTHON_PROBE: &str = "import sys, sysconfig; print(sys.version.split()[0]); print(sysconfig.get_path('include'))";

/// The interpreter pyo3-build-config would use (`PYO3_PYTHON`, else `python3`).
#[derive(Debug, Clone)]
struct PythonInfo {
    program: String,
    version: String,
    include: PathBuf,
}

fn probe_python(probe: &dyn Probe, cwd: &Path) -> Option<PythonInfo> {
    let program = tool(probe, "PYO3_PYTHON", "python3");
    let out = probe.output(&program, &["-c", PYTHON_PROBE], cwd)?;
    let mut lines = out.lines();
    let version = lines.next()?.trim().to_owned();
    let include = PathBuf::from(lines.next()?.trim());
    Some(PythonInfo { program: program.to_string_lossy().into_owned(), version, include })
}

/// Out of tree, new-module's crates build with pyo3-build-config, which asks an interpreter.
fn check_python(probe: &dyn Probe, python: &Option<PythonInfo>) -> Check {
    match (python, probe.var("PYO3_PYTHON")) {
        (Some(info), _) => Check::new(
            "python",
            Status::Pass,
            format!("{} {} (pyo3-build-config builds for it)", info.program, info.version),
        ),
        (None, Some(path)) => Check::new(
            "python",
            Status::Fail,
            format!("`{}` (from PYO3_PYTHON) could not be run", path.to_string_lossy()),
        )
        .with_fix("point PYO3_PYTHON at a Python 3 interpreter, or unset it"),
        (None, None) => Check::new("python", Status::Fail, "`python3` not found")
            .with_fix("install Python 3, or set PYO3_PYTHON to the interpreter to build for"),
    }
}

/// In a checkout, its own headers; out of tree, the interpreter's (sysconfig),
/// else `python3-config --includes`. pyo3-ffi crates build without them, so
/// out of tree their absence is only a warning.
fn check_python_headers(probe: &dyn Probe, root: Option<&Path>, cwd: &Path, python: &Option<PythonInfo>) -> Check {
    if let Some(root) = root {
        return if root.join("pyconfig.h").is_file() {
            Check::new("python-headers", Status::Pass, "Include/Python.h and pyconfig.h")
        } else {
            Check::new("python-headers", Status::Skip, "Include/Python.h; pyconfig.h is written by ./configure")
        };
    }
    let mut searched = Vec::new();
    if let Some(info) = python {
        let header = info.include.join("Python.h");
        if header.is_file() {
            return Check::new("python-headers", Status::Pass, format!("{} (sysconfig)", header.display()));
        }
        searched.push(info.include.display().to_string());
    }
    if let Some(flags) = probe.output(OsStr::new("python3-config"), &["--includes"], cwd) {
        for dir in flags.split_whitespace().filter_map(|f| f.strip_prefix("-I")) {
            let header = Path::new(dir).join("Python.h");
            if header.is_file() {
                return Check::new(
                    "python-headers",
                    Status::Pass,
                    format!("{} (python3-config --includes)", header.display()),
                );
            }
            if !searched.iter().any(|s| s == dir) {
                searched.push(dir.to_owned());
            }
        }
    }
    let looked = if searched.is_empty() {
        "no interpreter or python3-config to ask".to_owned()
    } else {
        format!("looked in {}", searched.join(", "))
    };
    Check::new(
        "python-headers",
        Status::Warn,
        format!("no Python.h ({looked}); pyo3-ffi crates build without it, bindgen and C code need it"),
    )
    .with_fix(
        "install the Python development headers (Debian/Ubuntu: `apt install python3-dev`; Fedora: `dnf install python3-devel`)",
    )
}

// ---------------------------------------------------------------------------
// The checkout's configure state

/// The substitutions configure recorded in `config.status` (`S["NAME"]="value"`).
#[derive(Debug, Clone, Default)]
pub struct ConfigStatus {
    vars: Vec<(String, String)>,
}

impl ConfigStatus {
    /// `config.status` in `root`, when configure has run there.
    pub fn read(root: &Path) -> Option<ConfigStatus> {
        let text = std::fs::read_to_string(root.join("config.status")).ok()?;
        Some(ConfigStatus::parse(&text))
    }

    pub fn parse(text: &str) -> ConfigStatus {
        let vars = text
            .lines()
            .filter_map(|line| {
                let rest = line.trim().strip_prefix("S[\"")?;
                let (name, rest) = rest.split_once("\"]=\"")?;
                let value = rest.strip_suffix('"')?;
                Some((name.to_owned(), value.to_owned()))
            })
            .collect();
        ConfigStatus { vars }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

fn check_configure(root: &Path) -> Check {
    let missing: Vec<&str> =
        ["config.status", "Makefile", "pyconfig.h"].into_iter().filter(|f| !root.join(f).is_file()).collect();
    match missing.len() {
        0 => Check::new("configure", Status::Pass, "config.status, Makefile and pyconfig.h are present"),
        3 => Check::new("configure", Status::Fail, "not configured: no config.status, Makefile or pyconfig.h")
            .with_fix("run `./configure` in the checkout (it enables Rust when it finds cargo)"),
        _ => Check::new("configure", Status::Fail, format!("configure did not finish: {} missing", missing.join(", ")))
            .with_fix("run `./configure` again and read the end of its output, or config.log"),
    }
}

/// `HAVE_CARGO` as configure decided it: config.status, else the Makefile.
fn have_cargo(root: &Path, config: Option<&ConfigStatus>) -> Option<String> {
    if let Some(value) = config.and_then(|c| c.get("HAVE_CARGO")) {
        return Some(value.to_owned());
    }
    let makefile = std::fs::read_to_string(root.join("Makefile")).ok()?;
    makefile.lines().find_map(|line| {
        let (name, value) = line.split_once('=')?;
        (name.trim() == "HAVE_CARGO").then(|| value.trim().to_owned())
    })
}

fn check_rust_build(root: &Path, config: Option<&ConfigStatus>) -> Check {
    if config.is_none() && !root.join("Makefile").is_file() {
        return Check::new("rust-build", Status::Skip, "configure has not run");
    }
    match have_cargo(root, config).as_deref() {
        Some("yes") => match config.and_then(|c| c.get("CARGO")).filter(|p| Path::new(p).is_absolute()) {
            Some(cargo) if !Path::new(cargo).is_file() => Check::new(
                "rust-build",
                Status::Fail,
                format!("configure enabled Rust with the cargo at {cargo}, which is gone"),
            )
            .with_fix("run `./configure` again, so that it finds the cargo on PATH"),
            Some(cargo) => {
                Check::new("rust-build", Status::Pass, format!("configure enabled Rust (HAVE_CARGO=yes, cargo at {cargo})"))
            }
            None => Check::new("rust-build", Status::Pass, "configure enabled Rust (HAVE_CARGO=yes)"),
        },
        Some(value) => Check::new(
            "rust-build",
            Status::Fail,
            format!("configure disabled Rust (HAVE_CARGO={value}): no Rust module will be built"),
        )
        .with_fix("make sure `cargo` is on PATH and HAVE_CARGO is not set to `no` in the environment, then run `./configure` again"),
        None if file_contains(&root.join("configure"), "HAVE_CARGO") => {
            Check::new("rust-build", Status::Fail, "the checkout was configured before it had Rust support (no HAVE_CARGO in config.status)")
                .with_fix("run `./configure` again")
        }
        None => Check::new("rust-build", Status::Warn, "this checkout's configure does not set HAVE_CARGO; cannot tell whether Rust is enabled")
            .with_fix("check the end of `./configure`'s output for cargo"),
    }
}

fn file_contains(path: &Path, needle: &str) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| text.contains(needle))
}

/// A Rust module line of `Modules/Setup.stdlib.in`:
/// `@MODULE__BASE64_TRUE@_base64 _base64/Cargo.toml _base64/src/lib.rs lib_base64.a`.
fn rust_modules(root: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(root.join("Modules/Setup.stdlib.in")).unwrap_or_default();
    cpython_rs_lints::buildfiles::setup::entries(&text)
        .into_iter()
        .filter(|e| e.is_rust())
        .filter_map(|e| Some((e.name, e.var?)))
        .collect()
}

/// Each Rust module of `Setup.stdlib.in` must be known to the regenerated
/// `configure`, to `config.status`, and enabled there (`MODULE_X_TRUE` empty).
fn check_rust_modules(root: &Path, config: Option<&ConfigStatus>) -> Check {
    let modules = rust_modules(root);
    if modules.is_empty() {
        return Check::new("rust-modules", Status::Pass, "no Rust module is registered in Modules/Setup.stdlib.in yet");
    }
    let Ok(configure) = std::fs::read_to_string(root.join("configure")) else {
        return Check::new(
            "rust-modules",
            Status::Fail,
            format!("{} registered, but there is no `configure` to build them", module_list(&modules)),
        )
        .with_fix("generate it with `Tools/build/regen-configure.sh`, then run `./configure`");
    };
    let (mut not_regenerated, mut not_configured, mut disabled, mut enabled) = (vec![], vec![], vec![], vec![]);
    for (name, flag) in &modules {
        let quoted = format!("`{name}`");
        if !configure.contains(flag.as_str()) {
            not_regenerated.push(quoted);
            continue;
        }
        let Some(config) = config else { continue };
        match config.get(flag) {
            None => not_configured.push(quoted),
            Some("") => enabled.push(quoted),
            Some(_) => {
                let state_var = format!("{}_STATE", flag.trim_end_matches("_TRUE"));
                let state = config.get(&state_var).unwrap_or("disabled");
                disabled.push(format!("{quoted} ({state_var}={state})"));
            }
        }
    }
    if !not_regenerated.is_empty() {
        return Check::new(
            "rust-modules",
            Status::Fail,
            format!(
                "configure does not know {}: it was not regenerated after configure.ac changed",
                not_regenerated.join(", ")
            ),
        )
        .with_fix("run `Tools/build/regen-configure.sh`, then `./configure`");
    }
    if config.is_none() {
        return Check::new(
            "rust-modules",
            Status::Skip,
            format!("{} registered; configure has not run", module_list(&modules)),
        );
    }
    if !not_configured.is_empty() {
        return Check::new(
            "rust-modules",
            Status::Fail,
            format!("config.status does not know {}: configure ran before they were added", not_configured.join(", ")),
        )
        .with_fix("run `./configure` again");
    }
    if !disabled.is_empty() {
        return Check::new("rust-modules", Status::Fail, format!("configure disabled {}", disabled.join(", ")))
            .with_fix("read configure's output (or config.log) for why, fix that, then run `./configure` again");
    }
    Check::new("rust-modules", Status::Pass, format!("enabled: {}", enabled.join(", ")))
}

fn module_list(modules: &[(String, String)]) -> String {
    modules.iter().map(|(name, _)| format!("`{name}`")).collect::<Vec<_>>().join(", ")
}

// ---------------------------------------------------------------------------
// Output

/// The table: status, check, what was found; `fix:` under anything not passing.
pub fn write_text(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    match &report.checkout {
        Some(root) => writeln!(out, "cpython-rs doctor: CPython checkout at {}", root.display())?,
        None => writeln!(out, "cpython-rs doctor: outside any CPython checkout")?,
    }
    writeln!(out)?;
    let width = report.checks.iter().map(|c| c.name.len()).max().unwrap_or(0);
    for check in &report.checks {
        writeln!(out, "  {:<4}  {:<width$}  {}", check.status, check.name, check.message)?;
        if let Some(fix) = &check.fix {
            writeln!(out, "  {:<4}  {:<width$}  fix: {fix}", "", "")?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", summary(report))
}

fn summary(report: &Report) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let (fails, warns) = (report.count(Status::Fail), report.count(Status::Warn));
    match (fails, warns) {
        (0, 0) => "everything needed to build Rust modules is in place".to_owned(),
        (0, w) => format!("{}, no failure: building should work", plural(w, "warning")),
        (f, 0) => format!("{}: building Rust modules will fail until they are fixed", plural(f, "failure")),
        (f, w) => format!(
            "{}, {}: building Rust modules will fail until the failures are fixed",
            plural(f, "failure"),
            plural(w, "warning")
        ),
    }
}

/// The report as one JSON object: the checkout, every check in order, the
/// counts, and whether building is blocked.
pub fn write_json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Counts {
        pass: usize,
        skip: usize,
        warn: usize,
        fail: usize,
    }
    #[derive(Serialize)]
    struct Document<'a> {
        checkout: Option<&'a Path>,
        checks: &'a [Check],
        summary: Counts,
        blocking: bool,
    }
    let document = Document {
        checkout: report.checkout.as_deref(),
        checks: &report.checks,
        summary: Counts {
            pass: report.count(Status::Pass),
            skip: report.count(Status::Skip),
            warn: report.count(Status::Warn),
            fail: report.count(Status::Fail),
        },
        blocking: report.blocking(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_and_order() {
        assert_eq!(Version::parse("1.85"), Some(Version(1, 85, 0)));
        assert_eq!(Version::parse("1.96.0-nightly"), Some(Version(1, 96, 0)));
        assert_eq!(Version::parse("1.x"), None);
        assert!(Version(1, 80, 0) < Version(1, 85, 0));
    }

    #[test]
    fn libclang_names() {
        for name in ["libclang.so", "libclang.so.1", "libclang-19.so.1", "libclang.dylib", "libclang.dll"] {
            assert!(is_libclang(name), "{name}");
        }
        for name in ["libclang-cpp.so.19", "libclang.a", "libclangBasic.a", "libclang-cpp.so"] {
            assert!(!is_libclang(name), "{name}");
        }
    }

    #[test]
    fn gnu_triples_map_to_rust_targets() {
        let list = "aarch64-unknown-linux-gnu\nwasm32-wasip1\nx86_64-unknown-linux-gnu\n";
        assert_eq!(rust_target_for("aarch64-pc-linux-gnu", list).as_deref(), Some("aarch64-unknown-linux-gnu"));
        assert_eq!(rust_target_for("wasm32-unknown-wasip1", list).as_deref(), Some("wasm32-wasip1"));
        assert_eq!(
            rust_target_for("arm64-apple-darwin23.1.0", "aarch64-apple-darwin").as_deref(),
            Some("aarch64-apple-darwin")
        );
        assert_eq!(rust_target_for("mips-sgi-irix6", list), None);
        assert_eq!(rust_target_for("x86_64-unknown-linux-gnu", list).as_deref(), Some("x86_64-unknown-linux-gnu"));
    }

    #[test]
    fn config_status_substitutions() {
        let config = ConfigStatus::parse("S[\"HAVE_CARGO\"]=\"yes\"\nS[\"MODULE__BASE64_TRUE\"]=\"\"\nother\n");
        assert_eq!(config.get("HAVE_CARGO"), Some("yes"));
        assert_eq!(config.get("MODULE__BASE64_TRUE"), Some(""));
        assert_eq!(config.get("host"), None);
    }
}
