//! The default selection: `pedantic` rules off until selected, the fork's
//! `policy` on inside a CPython checkout only, a crate's clippy allows
//! switching the SAFETY rules off, and findings that do not depend on which
//! part of a crate was named.

use std::path::Path;
use std::process::Command;

/// Run the binary in `dir`; (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_cpython-rs"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run cpython-rs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn concise(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["check", "--output-format", "concise", "--quiet"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(dir, &args);
    assert!(code == 0 || code == 1, "exit {code}: {out}{err}");
    out
}

/// The files `blurb` and `check` recognise a CPython checkout by, as CPython has them.
fn fake_checkout(root: &Path) {
    write(root, "Include/Python.h", "#ifndef Py_PYTHON_H\n#define Py_PYTHON_H\n#endif /* !Py_PYTHON_H */\n");
    write(root, "Python/ceval.c", "/* Execute compiled code */\n");
    write(root, "README.rst", "This is Python version 3.15.0 alpha 0\n=====================================\n");
}

const UNDOCUMENTED: &str = "pub fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n\npub unsafe fn g() {}\n";

/// A callback with an EI003 finding (pedantic) and a PF001 finding (on everywhere).
const CALLBACK: &str = r#"use pyo3_ffi::*;

pub unsafe extern "C" fn scale(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let n = PyLong_AsLong(arg);
    let doubled = n.checked_mul(2).unwrap();
    PyLong_FromLong(doubled)
}
"#;

#[test]
fn pedantic_and_policy_rules_are_off_by_default_outside_a_checkout() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "src/lib.rs", &format!("{CALLBACK}\n{UNDOCUMENTED}"));
    let out = concise(tmp.path(), &["src"]);
    assert!(out.contains("PF001"), "{out}");
    for off in ["EI003", "SD001", "SD002"] {
        assert!(!out.contains(off), "{off} is on by default: {out}");
    }
    let pedantic = concise(tmp.path(), &["--extend-select", "pedantic", "src"]);
    assert!(pedantic.contains("EI003") && pedantic.contains("PF001") && !pedantic.contains("SD001"), "{pedantic}");
    let only = concise(tmp.path(), &["--select", "pedantic", "src"]);
    assert!(only.contains("EI003") && !only.contains("PF001"), "{only}");
    let policy = concise(tmp.path(), &["--select", "policy", "src"]);
    for code in ["PF001", "SD001", "SD002"] {
        assert!(policy.contains(code), "`policy` selects {code}: {policy}");
    }
    let all = concise(tmp.path(), &["--select", "ALL", "src"]);
    for code in ["EI003", "PF001", "SD001", "SD002"] {
        assert!(all.contains(code), "ALL selects {code}: {all}");
    }
    write(tmp.path(), "cpython-rs.toml", "extend-select = [\"pedantic\"]\n");
    assert!(concise(tmp.path(), &["src"]).contains("EI003"));
}

#[test]
fn the_forks_policy_is_on_by_default_inside_a_checkout() {
    let tmp = tempfile::tempdir().unwrap();
    fake_checkout(tmp.path());
    write(tmp.path(), "Modules/_spam/src/lib.rs", &format!("{CALLBACK}\n{UNDOCUMENTED}"));
    let out = concise(tmp.path(), &["Modules/_spam"]);
    for code in ["PF001", "SD001", "SD002"] {
        assert!(out.contains(code), "{code} is policy in a checkout: {out}");
    }
    assert!(!out.contains("EI003"), "pedantic stays off in a checkout: {out}");
    let (_, settings, _) = run(tmp.path(), &["check", "--show-settings", "Modules/_spam"]);
    assert!(settings.contains("in a CPython checkout: yes"), "{settings}");
    assert!(settings.contains("SD001 undocumented-unsafe (warning, policy)"), "{settings}");
    assert!(settings.contains("  EI003 ambiguous-sentinel (pedantic)"), "{settings}");
}

#[test]
fn show_settings_and_rules_name_the_groups() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "src/lib.rs", UNDOCUMENTED);
    let (_, settings, _) = run(tmp.path(), &["check", "--show-settings", "src"]);
    assert!(settings.contains("in a CPython checkout: no"), "{settings}");
    assert!(settings.contains("selection: default (without `pedantic`"), "{settings}");
    assert!(
        settings.contains("disabled:\n") && settings.contains("  SD001 undocumented-unsafe (policy)"),
        "{settings}"
    );
    let (_, rules, _) = run(tmp.path(), &["rules"]);
    let line = |code: &str| rules.lines().find(|l| l.trim_start().starts_with(code)).unwrap_or_default().to_string();
    assert!(line("EI003").contains(" pedantic "), "{rules}");
    assert!(line("SD001").contains(" checkout "), "{rules}");
    assert!(line("RC001").contains(" on "), "{rules}");
    let (_, json, _) = run(tmp.path(), &["rules", "--output-format", "json"]);
    let parsed: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let ei003 = parsed.iter().find(|r| r["code"] == "EI003").unwrap();
    assert_eq!((ei003["default"].as_str(), ei003["groups"][0].as_str()), (Some("pedantic"), Some("pedantic")));
    let (_, page, _) = run(tmp.path(), &["rule", "EI003"]);
    assert!(page.contains("**Default:** off: in the `pedantic` group"), "{page}");
}

#[test]
fn clippy_allows_turn_the_safety_rules_off_where_they_apply() {
    let tmp = tempfile::tempdir().unwrap();
    let sd = ["--select", "SD", "src"];
    // The crate root's inner attribute covers the whole crate, for its lint only.
    write(tmp.path(), "src/lib.rs", &format!("#![allow(clippy::missing_safety_doc)]\nmod inner;\n{UNDOCUMENTED}"));
    write(tmp.path(), "src/inner.rs", UNDOCUMENTED);
    let out = concise(tmp.path(), &sd);
    assert!(!out.contains("SD002"), "{out}");
    assert!(out.contains("src/lib.rs:4:5: SD001") && out.contains("src/inner.rs:2:5: SD001"), "{out}");

    // `expect`, `cfg_attr` and clippy's group names count; a module file's attribute covers its children.
    write(tmp.path(), "src/lib.rs", &format!("mod inner;\n{UNDOCUMENTED}"));
    write(
        tmp.path(),
        "src/inner.rs",
        &format!("#![cfg_attr(not(test), expect(clippy::undocumented_unsafe_blocks))]\nmod leaf;\n{UNDOCUMENTED}"),
    );
    write(tmp.path(), "src/inner/leaf.rs", &format!("#![allow(clippy::all)]\n{UNDOCUMENTED}"));
    let out = concise(tmp.path(), &sd);
    assert!(out.contains("src/lib.rs:3:5: SD001") && out.contains("src/lib.rs:6:5: SD002"), "{out}");
    assert!(!out.contains("src/inner.rs:5:5: SD001"), "{out}");
    assert!(out.contains("src/inner.rs:7:5: SD002"), "the module allows blocks, not docs: {out}");
    // The parent module's allow covers SD001, `clippy::all` covers missing_safety_doc.
    assert!(!out.contains("leaf.rs"), "{out}");

    // On an item: that item only. Other tools' lints and rustc's own do not count.
    let items = "#[allow(clippy::undocumented_unsafe_blocks)]\npub fn a(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n\n\
                 #[allow(unsafe_code, clippy::missing_safety_doc)]\npub fn b(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n\n\
                 #[expect(clippy::missing_safety_doc, reason = \"internal\")]\npub unsafe fn c() {}\n\n\
                 #[allow(rustdoc::all)]\npub unsafe fn d() {}\n";
    write(tmp.path(), "src/lib.rs", items);
    std::fs::remove_file(tmp.path().join("src/inner.rs")).unwrap();
    std::fs::remove_dir_all(tmp.path().join("src/inner")).unwrap();
    let out = concise(tmp.path(), &sd);
    assert!(!out.contains("src/lib.rs:3:5"), "{out}");
    assert!(out.contains("src/lib.rs:8:5: SD001"), "{out}");
    assert!(!out.contains("src/lib.rs:12:5"), "{out}");
    assert!(out.contains("src/lib.rs:15:5: SD002"), "{out}");
}

/// A crate whose helper in `lib.rs` consults the error indicator for a
/// callback in a submodule (the shape of PyO3's `ensure_no_error`).
fn crate_with_helper_in_root(root: &Path) {
    write(root, "Cargo.toml", "[package]\nname = \"m\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
    write(
        root,
        "src/lib.rs",
        "use pyo3_ffi::*;\n\nmod types;\n\n/// Whether the last call failed.\npub unsafe fn failed() -> bool {\n    !PyErr_Occurred().is_null()\n}\n",
    );
    write(root, "src/types/mod.rs", "pub mod capsule;\n");
    write(
        root,
        "src/types/capsule.rs",
        "use pyo3_ffi::*;\n\npub unsafe fn context(capsule: *mut PyObject) -> Option<*mut std::ffi::c_void> {\n    \
         let ctx = PyCapsule_GetContext(capsule);\n    if ctx.is_null() && crate::failed() {\n        return None;\n    }\n    \
         Some(ctx)\n}\n",
    );
}

#[test]
fn findings_do_not_depend_on_which_part_of_the_crate_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    crate_with_helper_in_root(tmp.path());
    let select = ["--select", "ALL", "--ignore", "SD"];
    let whole = concise(tmp.path(), &[&select[..], &["src"]].concat());
    assert!(!whole.contains("EI003"), "the helper consults PyErr_Occurred: {whole}");
    for named in ["src/types", "src/types/capsule.rs", "./src/types/"] {
        let part = concise(tmp.path(), &[&select[..], &[named]].concat());
        assert_eq!(part, whole, "checking {named}");
    }
    // From inside the folder, with `..` in the crate's paths.
    let inside = concise(&tmp.path().join("src/types"), &[&select[..], &["capsule.rs"]].concat());
    assert_eq!(inside, "", "{inside}");
    // Only the named files are reported on and counted.
    write(tmp.path(), "src/lib.rs", "use pyo3_ffi::*;\n\nmod types;\n\npub unsafe fn failed() -> bool {\n    PyLong_FromLong(1);\n    !PyErr_Occurred().is_null()\n}\n");
    let (_, out, _) = run(tmp.path(), &["check", "--select", "ALL", "--ignore", "SD", "src/types"]);
    assert!(!out.contains("lib.rs"), "{out}");
    assert!(out.contains("All checks passed (2 files checked)."), "{out}");
}
