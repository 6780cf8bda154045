//! `cpython-rs doctor` against a fixture checkout (tests/fixtures/doctor/checkout,
//! copied and altered per test) on a described machine ([`FakeMachine`]), plus
//! end-to-end runs of the binary with stand-in tools on PATH.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use cpython_rs::commands::doctor::{diagnose, write_json, write_text, Check, Probe, Report, Status};
use tempfile::TempDir;

/// A machine described by its answers: commands, environment, libclang's usual places.
#[derive(Default)]
struct FakeMachine {
    outputs: BTreeMap<String, String>,
    vars: BTreeMap<String, OsString>,
    libclang_dirs: Vec<PathBuf>,
}

impl FakeMachine {
    /// Rust 1.95 from rustup on x86-64 Linux, no libclang anywhere.
    fn healthy() -> Self {
        let mut machine = FakeMachine::default();
        machine.rust("1.95.0");
        machine.answer("rustup --version", "rustup 1.28.2 (e4f3ad6f8 2025-04-28)\n");
        machine.answer("rustup target list --installed", "x86_64-unknown-linux-gnu\n");
        machine.answer(
            "rustc --print target-list",
            "aarch64-unknown-linux-gnu\nwasm32-wasip1\nx86_64-unknown-linux-gnu\n",
        );
        machine
    }

    fn rust(&mut self, release: &str) {
        self.answer(
            "rustc -vV",
            &format!("rustc {release} (0123456789 2026-01-01)\nbinary: rustc\nhost: x86_64-unknown-linux-gnu\nrelease: {release}\n"),
        );
        self.answer("cargo -V", &format!("cargo {release} (0123456789 2026-01-01)\n"));
    }

    fn answer(&mut self, command: &str, stdout: &str) {
        self.outputs.insert(command.to_owned(), stdout.to_owned());
    }

    fn forget(&mut self, command: &str) {
        self.outputs.remove(command);
    }

    fn set_var(&mut self, name: &str, value: impl Into<OsString>) {
        self.vars.insert(name.to_owned(), value.into());
    }
}

impl Probe for FakeMachine {
    fn output(&self, program: &OsStr, args: &[&str], _dir: &Path) -> Option<String> {
        let command = std::iter::once(program.to_string_lossy().into_owned())
            .chain(args.iter().map(|a| a.to_string()))
            .collect::<Vec<_>>()
            .join(" ");
        self.outputs.get(&command).cloned()
    }

    fn var(&self, name: &str) -> Option<OsString> {
        self.vars.get(name).cloned()
    }

    fn libclang_dirs(&self) -> Vec<PathBuf> {
        self.libclang_dirs.clone()
    }
}

/// A scratch copy of the fixture checkout, and a place for fake libraries and headers.
struct Scratch {
    dir: TempDir,
}

impl Scratch {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/doctor/checkout");
        for entry in walkdir::WalkDir::new(&fixture) {
            let entry = entry.unwrap();
            let target = dir.path().join("cpython").join(entry.path().strip_prefix(&fixture).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
        Scratch { dir }
    }

    fn checkout(&self) -> PathBuf {
        self.dir.path().join("cpython")
    }

    /// `path` under the scratch directory, created with `text` (parents too).
    fn write(&self, path: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    fn remove(&self, path: &str) {
        let path = self.dir.path().join(path);
        if path.is_dir() {
            std::fs::remove_dir_all(path).unwrap();
        } else {
            std::fs::remove_file(path).unwrap();
        }
    }

    /// Replace `from` by `to` in a checkout file; the text must be there.
    fn edit(&self, path: &str, from: &str, to: &str) {
        let path = self.checkout().join(path);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{} lacks {from:?}", path.display());
        std::fs::write(&path, text.replace(from, to)).unwrap();
    }

    /// A directory holding a libclang, as an LLVM installation has.
    fn libclang_dir(&self) -> PathBuf {
        let lib = self.write("llvm/lib/libclang-19.so.1", "");
        self.write("llvm/lib/libclang-cpp.so.19", "");
        lib.parent().unwrap().to_path_buf()
    }

    fn diagnose(&self, machine: &FakeMachine) -> Report {
        diagnose(machine, Some(&self.checkout()), self.dir.path())
    }

    fn diagnose_out_of_tree(&self, machine: &FakeMachine) -> Report {
        diagnose(machine, None, self.dir.path())
    }

    /// The text table with the scratch directory written as `[TMP]`.
    fn text(&self, report: &Report) -> String {
        let mut out = Vec::new();
        write_text(report, &mut out).unwrap();
        self.redact(String::from_utf8(out).unwrap())
    }

    fn json(&self, report: &Report) -> String {
        let mut out = Vec::new();
        write_json(report, &mut out).unwrap();
        self.redact(String::from_utf8(out).unwrap())
    }

    fn redact(&self, text: String) -> String {
        text.replace(&self.dir.path().display().to_string(), "[TMP]")
    }
}

fn row<'a>(report: &'a Report, name: &str) -> &'a Check {
    report.checks.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no `{name}` check in {report:#?}"))
}

/// The healthy fixture, with libclang found through llvm-config.
fn healthy(scratch: &Scratch) -> FakeMachine {
    let mut machine = FakeMachine::healthy();
    let libdir = scratch.libclang_dir();
    machine.answer("llvm-config --libdir", &format!("{}\n", libdir.display()));
    machine
}

#[test]
fn healthy_checkout_passes_everything() {
    let scratch = Scratch::new();
    let report = scratch.diagnose(&healthy(&scratch));
    assert!(!report.blocking());
    assert!(report.checks.iter().all(|c| c.status == Status::Pass), "{report:#?}");
    insta::assert_snapshot!(scratch.text(&report));
}

#[test]
fn json_output_lists_every_check_in_order() {
    let scratch = Scratch::new();
    let mut machine = healthy(&scratch);
    machine.rust("1.84.1");
    let report = scratch.diagnose(&machine);
    let json = scratch.json(&report);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["blocking"], true);
    assert_eq!(value["summary"]["fail"], 2);
    insta::assert_snapshot!(json);
}

#[test]
fn unconfigured_checkout_asks_for_configure() {
    let scratch = Scratch::new();
    for file in ["cpython/config.status", "cpython/Makefile", "cpython/pyconfig.h"] {
        scratch.remove(file);
    }
    let report = scratch.diagnose(&healthy(&scratch));
    assert!(report.blocking());
    insta::assert_snapshot!(scratch.text(&report));
}

#[test]
fn half_finished_configure_is_a_failure() {
    let scratch = Scratch::new();
    scratch.remove("cpython/pyconfig.h");
    let report = scratch.diagnose(&healthy(&scratch));
    let configure = row(&report, "configure");
    assert_eq!(configure.status, Status::Fail);
    assert_eq!(configure.message, "configure did not finish: pyconfig.h missing");
}

#[test]
fn everything_broken_at_once() {
    let scratch = Scratch::new();
    let mut machine = FakeMachine::default();
    machine.answer("rustc -vV", "rustc 1.80.1\nhost: x86_64-unknown-linux-gnu\nrelease: 1.80.1\n");
    machine.answer("cargo -V", "cargo 1.80.1 (376290515 2024-07-16)\n");
    scratch.edit("config.status", "S[\"HAVE_CARGO\"]=\"yes\"", "S[\"HAVE_CARGO\"]=\"no\"");
    scratch.edit("config.status", "S[\"MODULE__BASE64_STATE\"]=\"yes\"", "S[\"MODULE__BASE64_STATE\"]=\"disabled\"");
    scratch.edit("config.status", "S[\"MODULE__BASE64_TRUE\"]=\"\"", "S[\"MODULE__BASE64_TRUE\"]=\"#\"");
    let report = scratch.diagnose(&machine);
    insta::assert_snapshot!(scratch.text(&report));
}

#[test]
fn checkout_without_rust_support_fails() {
    let scratch = Scratch::new();
    scratch.remove("cpython/Modules/cpython-sys");
    let report = scratch.diagnose(&healthy(&scratch));
    let checkout = row(&report, "checkout");
    assert_eq!(checkout.status, Status::Fail);
    assert!(checkout.message.ends_with(
        "Python version 3.15.0 alpha 0, without Rust support (no Cargo workspace in Cargo.toml, or no Modules/cpython-sys)"
    ));
    // Without cpython-sys nothing runs bindgen.
    assert_eq!(row(&report, "libclang").status, Status::Pass);
}

#[test]
fn rust_version_comes_from_the_checkout() {
    let scratch = Scratch::new();
    scratch.edit("Cargo.toml", "rust-version = \"1.85\"", "rust-version = \"1.96\"");
    let report = scratch.diagnose(&healthy(&scratch));
    let rustc = row(&report, "rustc");
    assert_eq!(rustc.status, Status::Fail);
    assert_eq!(rustc.message, "1.95.0 is too old (needs 1.96 or newer: the checkout's rust-version in Cargo.toml)");
    assert_eq!(rustc.fix.as_deref(), Some("run `rustup update stable`"));
    assert_eq!(row(&report, "cargo").status, Status::Fail);
}

#[test]
fn old_rust_without_rustup_points_to_rustup() {
    let scratch = Scratch::new();
    let mut machine = healthy(&scratch);
    machine.forget("rustup --version");
    machine.rust("1.84.0");
    let report = scratch.diagnose(&machine);
    assert_eq!(
        row(&report, "rustc").fix.as_deref(),
        Some("install Rust 1.85 or newer, preferably with rustup (https://rustup.rs)")
    );
}

#[test]
fn missing_toolchain_skips_the_target() {
    let scratch = Scratch::new();
    let mut machine = healthy(&scratch);
    machine.forget("rustc -vV");
    machine.forget("cargo -V");
    let report = scratch.diagnose(&machine);
    let rustc = row(&report, "rustc");
    assert_eq!(rustc.message, "`rustc` could not be run, although rustup is installed");
    assert_eq!(rustc.fix.as_deref(), Some("install a toolchain: `rustup default stable`"));
    assert_eq!(row(&report, "target").status, Status::Skip);

    machine.forget("rustup --version");
    let report = scratch.diagnose(&machine);
    assert_eq!(row(&report, "cargo").message, "`cargo` not found");
}

#[test]
fn rustc_and_cargo_variables_are_honoured() {
    let scratch = Scratch::new();
    let mut machine = healthy(&scratch);
    machine.set_var("RUSTC", "/opt/rust/bin/rustc");
    machine.set_var("CARGO", "/opt/rust/bin/cargo");
    let report = scratch.diagnose(&machine);
    let rustc = row(&report, "rustc");
    assert_eq!(rustc.message, "`/opt/rust/bin/rustc` (from RUSTC) could not be run");
    assert_eq!(rustc.fix.as_deref(), Some("point RUSTC at a working rustc, or unset it"));

    machine.answer("/opt/rust/bin/rustc -vV", "host: x86_64-unknown-linux-gnu\nrelease: 1.90.0\n");
    machine.answer("/opt/rust/bin/cargo -V", "cargo 1.90.0\n");
    let report = scratch.diagnose(&machine);
    assert_eq!(row(&report, "rustc").status, Status::Pass);
    assert!(row(&report, "cargo").message.starts_with("1.90.0 "));
}

#[test]
fn libclang_is_looked_for_as_bindgen_does() {
    let scratch = Scratch::new();
    let libdir = scratch.libclang_dir();
    let empty = scratch.dir.path().join("cpython");

    // Nowhere: a failure, because cpython-sys runs bindgen.
    let mut machine = FakeMachine::healthy();
    machine.libclang_dirs = vec![empty.clone()];
    let missing = row(&scratch.diagnose(&machine), "libclang").clone();
    assert_eq!(missing.status, Status::Fail);
    assert_eq!(
        missing.message,
        "not found; Modules/cpython-sys generates its bindings with bindgen, which needs libclang"
    );
    assert!(missing.fix.unwrap().contains("apt install libclang-dev"));

    // A standard location.
    machine.libclang_dirs = vec![empty.clone(), libdir.clone()];
    let found = row(&scratch.diagnose(&machine), "libclang").clone();
    assert_eq!(found.status, Status::Pass);
    assert_eq!(found.message, format!("{} (found via a standard location)", libdir.join("libclang-19.so.1").display()));

    // LD_LIBRARY_PATH comes before the standard locations.
    machine.libclang_dirs = vec![];
    machine.set_var("LD_LIBRARY_PATH", std::env::join_paths([&empty, &libdir]).unwrap());
    assert!(row(&scratch.diagnose(&machine), "libclang").message.ends_with("(found via LD_LIBRARY_PATH)"));

    // LIBCLANG_PATH is the only place looked at when set, as a file or a directory.
    machine.set_var("LIBCLANG_PATH", &empty);
    let bad = row(&scratch.diagnose(&machine), "libclang").clone();
    assert_eq!(bad.status, Status::Fail);
    assert!(bad.message.starts_with(&format!("LIBCLANG_PATH={} has no libclang", empty.display())));
    machine.set_var("LIBCLANG_PATH", libdir.join("libclang-19.so.1"));
    assert!(row(&scratch.diagnose(&machine), "libclang").message.ends_with("(found via LIBCLANG_PATH)"));

    // Outside a checkout new-module's crates use pyo3-ffi: libclang is not needed,
    // though a wrong LIBCLANG_PATH is still worth a warning.
    machine.set_var("LIBCLANG_PATH", &empty);
    assert_eq!(row(&scratch.diagnose_out_of_tree(&machine), "libclang").status, Status::Warn);
    machine.vars.remove("LIBCLANG_PATH");
    machine.vars.remove("LD_LIBRARY_PATH");
    let out_of_tree = row(&scratch.diagnose_out_of_tree(&machine), "libclang").clone();
    assert_eq!(out_of_tree.status, Status::Pass);
    assert!(out_of_tree.message.ends_with("not needed: new-module's out-of-tree crates use pyo3-ffi, not bindgen"));
}

#[test]
fn cpython_sys_without_bindgen_needs_no_libclang() {
    let scratch = Scratch::new();
    scratch.edit("Modules/cpython-sys/Cargo.toml", "bindgen = \"0.72\"", "cc = \"1\"");
    let report = scratch.diagnose(&FakeMachine::healthy());
    let libclang = row(&report, "libclang");
    assert_eq!(libclang.status, Status::Pass);
    assert_eq!(libclang.message, "not found, and not needed: Modules/cpython-sys does not use bindgen");
}

#[test]
fn cross_compiling_needs_the_rust_target() {
    let scratch = Scratch::new();
    scratch.edit("config.status", "S[\"host\"]=\"x86_64-pc-linux-gnu\"", "S[\"host\"]=\"aarch64-pc-linux-gnu\"");
    let mut machine = healthy(&scratch);
    let target = row(&scratch.diagnose(&machine), "target").clone();
    assert_eq!(target.status, Status::Fail);
    assert_eq!(
        target.message,
        "configure cross-compiles for aarch64-pc-linux-gnu, but Rust target aarch64-unknown-linux-gnu is not installed"
    );
    assert_eq!(target.fix.as_deref(), Some("run `rustup target add aarch64-unknown-linux-gnu`"));

    machine.answer("rustup target list --installed", "aarch64-unknown-linux-gnu\nx86_64-unknown-linux-gnu\n");
    let target = row(&scratch.diagnose(&machine), "target").clone();
    assert_eq!(target.status, Status::Pass);
    assert_eq!(target.message, "aarch64-unknown-linux-gnu, cross-compiling from x86_64-unknown-linux-gnu (installed)");

    scratch.edit("config.status", "aarch64-pc-linux-gnu", "m68k-atari-mint");
    assert_eq!(row(&scratch.diagnose(&machine), "target").status, Status::Warn);
}

#[test]
fn module_added_without_regenerating_configure() {
    let scratch = Scratch::new();
    let line = "@MODULE__FASTJSON_TRUE@_fastjson _fastjson/Cargo.toml _fastjson/src/lib.rs lib_fastjson.a\n";
    let setup = scratch.checkout().join("Modules/Setup.stdlib.in");
    let text = std::fs::read_to_string(&setup).unwrap() + line;
    std::fs::write(&setup, text).unwrap();

    let modules = row(&scratch.diagnose(&healthy(&scratch)), "rust-modules").clone();
    assert_eq!(modules.status, Status::Fail);
    assert_eq!(
        modules.message,
        "configure does not know `_fastjson`: it was not regenerated after configure.ac changed"
    );
    assert_eq!(modules.fix.as_deref(), Some("run `Tools/build/regen-configure.sh`, then `./configure`"));

    // Regenerated, but configure has not run since.
    scratch.edit("configure", "MODULE__BASE64_TRUE=", "MODULE__BASE64_TRUE=\nMODULE__FASTJSON_TRUE=");
    let modules = row(&scratch.diagnose(&healthy(&scratch)), "rust-modules").clone();
    assert_eq!(modules.message, "config.status does not know `_fastjson`: configure ran before they were added");
    assert_eq!(modules.fix.as_deref(), Some("run `./configure` again"));

    // Configured.
    scratch.edit(
        "config.status",
        "S[\"MODULE__BASE64_TRUE\"]=\"\"",
        "S[\"MODULE__BASE64_TRUE\"]=\"\"\nS[\"MODULE__FASTJSON_TRUE\"]=\"\"",
    );
    let modules = row(&scratch.diagnose(&healthy(&scratch)), "rust-modules").clone();
    assert_eq!(modules.status, Status::Pass);
    assert_eq!(modules.message, "enabled: `_base64`, `_fastjson`");
}

#[test]
fn cargo_recorded_by_configure_must_still_exist() {
    let scratch = Scratch::new();
    let cargo = scratch.write("rust/bin/cargo", "");
    let recorded = format!("S[\"HAVE_CARGO\"]=\"yes\"\nS[\"CARGO\"]=\"{}\"", cargo.display());
    scratch.edit("config.status", "S[\"HAVE_CARGO\"]=\"yes\"", &recorded);
    let build = row(&scratch.diagnose(&healthy(&scratch)), "rust-build").clone();
    assert_eq!(build.status, Status::Pass);
    assert_eq!(build.message, format!("configure enabled Rust (HAVE_CARGO=yes, cargo at {})", cargo.display()));

    std::fs::remove_file(&cargo).unwrap();
    let build = row(&scratch.diagnose(&healthy(&scratch)), "rust-build").clone();
    assert_eq!(build.status, Status::Fail);
    assert_eq!(build.message, format!("configure enabled Rust with the cargo at {}, which is gone", cargo.display()));
    assert_eq!(build.fix.as_deref(), Some("run `./configure` again, so that it finds the cargo on PATH"));
}

#[test]
fn configure_without_cargo_support() {
    let scratch = Scratch::new();
    scratch.edit("config.status", "S[\"HAVE_CARGO\"]=\"yes\"\n", "");
    scratch.edit("Makefile", "HAVE_CARGO=yes\n", "");
    let build = row(&scratch.diagnose(&healthy(&scratch)), "rust-build").clone();
    assert_eq!(build.status, Status::Fail);
    assert_eq!(
        build.message,
        "the checkout was configured before it had Rust support (no HAVE_CARGO in config.status)"
    );

    scratch.edit("configure", "HAVE_CARGO=yes\n", "");
    let build = row(&scratch.diagnose(&healthy(&scratch)), "rust-build").clone();
    assert_eq!(build.status, Status::Warn);

    // The Makefile is read when config.status says nothing.
    std::fs::write(scratch.checkout().join("Makefile"), "HAVE_CARGO = yes\n").unwrap();
    assert_eq!(row(&scratch.diagnose(&healthy(&scratch)), "rust-build").status, Status::Pass);
}

const PYTHON_PROBE: &str =
    "-c import sys, sysconfig; print(sys.version.split()[0]); print(sysconfig.get_path('include'))";

#[test]
fn out_of_tree_needs_python_and_looks_for_its_headers() {
    let scratch = Scratch::new();
    let include = scratch.write("python/include/python3.14/Python.h", "").parent().unwrap().to_path_buf();
    let mut machine = healthy(&scratch);
    machine.answer(&format!("python3 {PYTHON_PROBE}"), &format!("3.14.0\n{}\n", include.display()));
    let report = scratch.diagnose_out_of_tree(&machine);
    assert!(!report.blocking());
    insta::assert_snapshot!(scratch.text(&report));

    // python3-config when the interpreter's include directory has no headers.
    let other = scratch.write("other/include/python3.14/Python.h", "").parent().unwrap().to_path_buf();
    machine.answer(&format!("python3 {PYTHON_PROBE}"), "3.14.0\n/nonexistent/include\n");
    machine.answer("python3-config --includes", &format!("-I{0} -I{0}\n", other.display()));
    let headers = row(&scratch.diagnose_out_of_tree(&machine), "python-headers").clone();
    assert_eq!(headers.status, Status::Pass);
    assert!(headers.message.ends_with("Python.h (python3-config --includes)"), "{}", headers.message);

    // No headers anywhere: only a warning, pyo3-ffi does not need them.
    machine.answer("python3-config --includes", "-I/nonexistent/include/python3.14\n");
    let headers = row(&scratch.diagnose_out_of_tree(&machine), "python-headers").clone();
    assert_eq!(headers.status, Status::Warn);
    assert_eq!(
        headers.message,
        "no Python.h (looked in /nonexistent/include, /nonexistent/include/python3.14); pyo3-ffi crates build \
         without it, bindgen and C code need it"
    );
    assert!(headers.fix.unwrap().contains("apt install python3-dev"));

    // PYO3_PYTHON names the interpreter; one that cannot run blocks building.
    machine.set_var("PYO3_PYTHON", "/opt/python/bin/python3.13");
    let report = scratch.diagnose_out_of_tree(&machine);
    assert!(report.blocking());
    let python = row(&report, "python");
    assert_eq!(python.message, "`/opt/python/bin/python3.13` (from PYO3_PYTHON) could not be run");
    machine.answer(&format!("/opt/python/bin/python3.13 {PYTHON_PROBE}"), &format!("3.13.1\n{}\n", include.display()));
    let report = scratch.diagnose_out_of_tree(&machine);
    assert_eq!(row(&report, "python").message, "/opt/python/bin/python3.13 3.13.1 (pyo3-build-config builds for it)");
    assert_eq!(row(&report, "python-headers").status, Status::Pass);

    // No interpreter at all.
    machine.vars.remove("PYO3_PYTHON");
    machine.forget(&format!("python3 {PYTHON_PROBE}"));
    machine.forget("python3-config --includes");
    let report = scratch.diagnose_out_of_tree(&machine);
    assert_eq!(row(&report, "python").status, Status::Fail);
    assert_eq!(
        row(&report, "python-headers").message,
        "no Python.h (no interpreter or python3-config to ask); pyo3-ffi crates build without it, bindgen and C code need it"
    );
}

/// The binary itself, with stand-in tools on PATH and LIBCLANG_PATH set.
#[cfg(unix)]
mod binary {
    use std::os::unix::fs::PermissionsExt;
    use std::process::{Command, Output};
    use std::sync::Mutex;

    use super::Scratch;

    /// A script that prints `stdout` with the shell's builtin printf: PATH holds nothing else.
    fn tool(scratch: &Scratch, name: &str, stdout: &str) {
        assert!(!stdout.contains('\''));
        let path = scratch.write(&format!("bin/{name}"), &format!("#!/bin/sh\nprintf '%s' '{stdout}'\n"));
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    /// Held while writing scripts and running them: a child forked by another test
    /// thread while a script is open for writing would make exec fail (ETXTBSY).
    static SPAWN: Mutex<()> = Mutex::new(());

    fn doctor(scratch: &Scratch, args: &[&str]) -> Output {
        let _guard = SPAWN.lock().unwrap_or_else(|e| e.into_inner());
        let libdir = scratch.libclang_dir();
        Command::new(env!("CARGO_BIN_EXE_cpython-rs"))
            .arg("doctor")
            .args(args)
            .current_dir(scratch.checkout().join("Modules"))
            .env("PATH", scratch.dir.path().join("bin"))
            .env("LIBCLANG_PATH", libdir)
            .env_remove("RUSTC")
            .env_remove("CARGO")
            .env_remove("LLVM_CONFIG_PATH")
            .output()
            .unwrap()
    }

    fn machine(scratch: &Scratch, release: &str) {
        let _guard = SPAWN.lock().unwrap_or_else(|e| e.into_inner());
        tool(scratch, "rustc", &format!("rustc {release}\nhost: x86_64-unknown-linux-gnu\nrelease: {release}\n"));
        tool(scratch, "cargo", &format!("cargo {release} (0123456789 2026-01-01)\n"));
    }

    #[test]
    fn finds_the_checkout_above_the_current_directory_and_exits_0() {
        let scratch = Scratch::new();
        machine(&scratch, "1.95.0");
        let out = doctor(&scratch, &[]);
        let stdout = scratch.redact(String::from_utf8(out.stdout).unwrap());
        assert_eq!(out.status.code(), Some(0), "{stdout}");
        assert!(stdout.starts_with("cpython-rs doctor: CPython checkout at [TMP]/cpython\n"), "{stdout}");
        assert!(stdout.contains("  pass  rustc           1.95.0 (needs 1.85 or newer"), "{stdout}");
        assert!(stdout.contains("(found via LIBCLANG_PATH)"), "{stdout}");
    }

    #[test]
    fn exits_1_when_something_blocks_building() {
        let scratch = Scratch::new();
        machine(&scratch, "1.70.0");
        let out = doctor(&scratch, &["--output-format", "json"]);
        assert_eq!(out.status.code(), Some(1));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["blocking"], true);
        assert_eq!(json["checks"][1]["name"], "rustc");
        assert_eq!(json["checks"][1]["status"], "fail");
    }

    #[test]
    fn cpython_option_must_name_a_checkout() {
        let scratch = Scratch::new();
        machine(&scratch, "1.95.0");
        let elsewhere = scratch.dir.path().join("bin");
        let out = doctor(&scratch, &["--cpython", elsewhere.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        let stderr = scratch.redact(String::from_utf8(out.stderr).unwrap());
        assert!(stderr.starts_with("error: `[TMP]/bin` is not a CPython checkout"), "{stderr}");

        let out = doctor(&scratch, &["--cpython", scratch.checkout().to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0));
    }
}
