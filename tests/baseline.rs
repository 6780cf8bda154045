//! Baselines end to end: `check --write-baseline FILE` records today's
//! findings; `--baseline FILE` (or the config's `baseline`) hides them through
//! moved lines and unrelated edits, reports a new mistake alone, and counts
//! entries that no longer match.

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_cpython-rs")).args(args).current_dir(dir).output().expect("run");
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

/// Two callbacks with three RC006 findings (two of them the same snippet in
/// one function) and a table without a sentinel.
const TODAY: &str = r#"use pyo3_ffi::*;

unsafe extern "C" fn reset(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    Py_None()
}

unsafe extern "C" fn pick(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    if arg.is_null() {
        return Py_None();
    }
    if PyLong_Check(arg) != 0 {
        return Py_None();
    }
    arg
}

static mut SLOTS: [PyModuleDef_Slot; 1] = [PyModuleDef_Slot {
    slot: Py_mod_gil,
    value: Py_MOD_GIL_NOT_USED,
}];
"#;

fn concise(dir: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["check", "--output-format", "concise", "src"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(dir, &args);
    assert!(err.is_empty(), "{err}");
    (code, out)
}

#[test]
fn baselined_findings_survive_moved_lines_and_unrelated_edits() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/lib.rs", TODAY);
    let (code, out, _) = run(dir.path(), &["check", "--write-baseline", "baseline.json", "src"]);
    assert_eq!(code, 0);
    assert_eq!(out, "Recorded 5 findings in baseline.json.\n");
    let (code, out) = concise(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "All checks passed (1 file checked).\n5 findings are in the baseline and not shown.\n");

    // Lines move (a header, a new helper above), the table is reformatted,
    // the functions swap places and a comment lands inside one of them.
    let moved = TODAY
        .replace(
            "use pyo3_ffi::*;\n",
            "//! Now with a module doc.\n\nuse pyo3_ffi::*;\n\nfn helper() -> i32 {\n    41 + 1\n}\n",
        )
        .replace("    if arg.is_null() {", "    // an argument is always given\n    if arg.is_null() {")
        .replace(
            "[PyModuleDef_Slot {\n    slot: Py_mod_gil,\n    value: Py_MOD_GIL_NOT_USED,\n}]",
            "[PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED }]",
        );
    let (reset, rest) = moved.split_at(moved.find("unsafe extern \"C\" fn pick").unwrap());
    let (head, reset) = reset.split_at(reset.find("unsafe extern \"C\" fn reset").unwrap());
    let (pick, tail) = rest.split_at(rest.find("static mut").unwrap());
    write(dir.path(), "src/lib.rs", &format!("{head}{pick}{reset}{tail}"));
    let (code, out) = concise(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("5 findings are in the baseline"), "{out}");

    // A new mistake is reported alone, including a third copy of a baselined snippet.
    let new = std::fs::read_to_string(dir.path().join("src/lib.rs")).unwrap().replace(
        "    arg\n}",
        "    if PyFloat_Check(arg) != 0 {\n        return Py_None();\n    }\n    arg\n}\n\nunsafe extern \"C\" fn echo(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {\n    arg\n}",
    );
    write(dir.path(), "src/lib.rs", &new);
    let (code, out) = concise(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().filter(|l| l.contains(": RC")).collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].contains("RC006 callback returns a borrowed reference: `Py_None()`"), "{out}");
    assert!(lines[1].contains("RC006 callback returns a borrowed reference: `arg`"), "{out}");
    assert!(out.contains("Found 2 errors") && out.contains("5 findings are in the baseline"), "{out}");
}

#[test]
fn entries_that_no_longer_match_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/lib.rs", TODAY);
    write(dir.path(), "src/other.rs", "pub fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");
    // other.rs's SD001 is the fork's policy, on by default only in a CPython checkout.
    write(dir.path(), "cpython-rs.toml", "extend-select = [\"policy\"]\n");
    run(dir.path(), &["check", "--write-baseline", "baseline.json", "src"]);
    let fixed = TODAY.replacen("    Py_None()\n}", "    Py_NewRef(Py_None())\n}", 1);
    write(dir.path(), "src/lib.rs", &fixed);
    let (code, out) = concise(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 baseline entry no longer matches a finding"), "{out}");
    // Entries of files not checked this time are not stale.
    let (_, out, _) = run(dir.path(), &["check", "--baseline", "baseline.json", "src/other.rs"]);
    assert!(!out.contains("no longer"), "{out}");
    assert!(out.contains("1 finding is in the baseline"), "{out}");
}

#[test]
fn the_config_names_the_baseline_relative_to_itself() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/lib.rs", TODAY);
    write(dir.path(), "cpython-rs.toml", "baseline = \"lint/baseline.json\"\n");
    std::fs::create_dir(dir.path().join("lint")).unwrap();
    let (code, _, _) = run(dir.path(), &["check", "--write-baseline", "lint/baseline.json", "src"]);
    assert_eq!(code, 0);
    let (code, out, _) = run(&dir.path().join("src"), &["check", "."]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("5 findings are in the baseline"), "{out}");
    let (_, settings, _) = run(dir.path(), &["check", "--show-settings", "src"]);
    assert!(settings.contains("baseline: ") && settings.contains("lint/baseline.json"), "{settings}");
    // `--write-baseline` ignores the configured baseline: it records everything.
    let (_, out, _) = run(dir.path(), &["check", "--write-baseline", "again.json", "src"]);
    assert_eq!(out, "Recorded 5 findings in again.json.\n");
}

#[test]
fn a_missing_or_foreign_baseline_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/lib.rs", TODAY);
    let (code, _, err) = run(dir.path(), &["check", "--baseline", "missing.json", "src"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.json: cannot read the baseline"), "{err}");
    write(dir.path(), "other.json", "{\"runs\": []}");
    let (code, _, err) = run(dir.path(), &["check", "--baseline", "other.json", "src"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a cpython-rs baseline"), "{err}");
}

#[test]
fn the_baseline_file_is_sorted_and_free_of_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/lib.rs", TODAY);
    run(dir.path(), &["check", "--write-baseline", "baseline.json", "src"]);
    let text = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let entries = file["findings"].as_array().unwrap();
    let keys: Vec<(String, String, String)> =
        entries.iter().map(|e| (e["file"].to_string(), e["code"].to_string(), e["item"].to_string())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let items: Vec<&str> = entries.iter().map(|e| e["item"].as_str().unwrap()).collect();
    assert_eq!(items, ["SLOTS", "pick", "pick", "pick", "reset"]);
    let occurrences: Vec<u64> = entries.iter().map(|e| e["occurrence"].as_u64().unwrap()).collect();
    assert_eq!(occurrences.iter().filter(|&&o| o == 1).count(), 1, "the two `return Py_None()` in `pick`: {text}");
    assert!(!text.contains("\"line\""));
}
