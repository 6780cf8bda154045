//! Fixes: each fixed file is what a careful developer would write (snapshot),
//! parses, is rustfmt-stable where the input was, and re-checks clean for
//! the rule; `check --fix` / `--diff` end to end.

use std::path::Path;
use std::process::Command;

use cpython_rs::testing::check_snippet;
use cpython_rs_lints::fix;
use cpython_rs_lints::{Applicability, Fix};
use insta::assert_snapshot;

/// Apply the fixes for `code` (and unsafe ones with `unsafe_fixes`) until none
/// applies, as `check --fix` does, and return the fixed text. Every rule runs
/// (an unused suppression is only known when its rule is enabled).
fn fixed(text: &str, code: &str, unsafe_fixes: bool) -> String {
    let mut text = text.to_string();
    for _ in 0..10 {
        let found = check_snippet("lib.rs", &text, &["ALL"]);
        let fixes: Vec<&Fix> = found
            .iter()
            .filter(|d| d.code == code)
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| unsafe_fixes || f.applicability == Applicability::Safe)
            .collect();
        let applied = fix::apply(&text, &fixes);
        if applied.applied.is_empty() || applied.text == text {
            break;
        }
        text = applied.text;
    }
    text
}

/// The checks every fix must pass: the input had the finding, the output
/// parses, has none left, and rustfmt leaves it as it is.
fn assert_fixes(input: &str, code: &str, unsafe_fixes: bool) -> String {
    assert!(findings(input, code) > 0, "input has no {code}");
    assert_rustfmt_stable(input);
    let output = fixed(input, code, unsafe_fixes);
    assert_ne!(output, input, "nothing was fixed");
    assert!(fix::parses(Path::new("lib.rs"), &output), "fixed file does not parse:\n{output}");
    assert_eq!(findings(&output, code), 0, "{code} remains after fixing:\n{output}");
    assert_rustfmt_stable(&output);
    output
}

/// How many `code` findings `text` has, with every rule enabled.
fn findings(text: &str, code: &str) -> usize {
    check_snippet("lib.rs", text, &["ALL"]).iter().filter(|d| d.code == code).count()
}

/// rustfmt (default settings) would not change `text`; skipped, saying so, without rustfmt.
fn assert_rustfmt_stable(text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lib.rs");
    std::fs::write(&file, text).unwrap();
    let run =
        Command::new("rustfmt").args(["--edition", "2021", "--check"]).arg(&file).current_dir(dir.path()).output();
    match run {
        Ok(output) if output.status.code() == Some(1) => {
            panic!("rustfmt would change:\n{}", String::from_utf8_lossy(&output.stdout))
        }
        Ok(output) => assert!(output.status.success(), "rustfmt failed: {}", String::from_utf8_lossy(&output.stderr)),
        Err(e) => eprintln!("skipping the rustfmt check: cannot run rustfmt ({e})"),
    }
}

const RC006_GLOB: &str = r#"use pyo3_ffi::*;

unsafe extern "C" fn reset(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    Py_None()
}

unsafe extern "C" fn identity(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    if arg.is_null() {
        return Py_None();
    }
    arg
}
"#;

#[test]
fn rc006_returns_a_new_reference() {
    assert_snapshot!(assert_fixes(RC006_GLOB, "RC006", false));
}

#[test]
fn rc006_spells_py_newref_as_the_file_spells_the_api() {
    let input = r#"use pyo3_ffi as ffi;

unsafe extern "C" fn first(
    _module: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    let item = ffi::PyTuple_GetItem(args, 0);
    if item.is_null() {
        return std::ptr::null_mut();
    }
    item
}
"#;
    let output = assert_fixes(input, "RC006", false);
    assert!(output.contains("    ffi::Py_NewRef(item)\n"), "{output}");
}

#[test]
fn rc006_fix_is_unsafe_when_py_newref_may_need_an_import() {
    let input = r#"use pyo3_ffi::{PyObject, Py_None};

unsafe extern "C" fn reset(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    Py_None()
}
"#;
    let found = check_snippet("lib.rs", input, &["RC006"]);
    let fix = found[0].fix.as_ref().expect("a fix");
    assert_eq!(fix.applicability, Applicability::Unsafe);
    assert_eq!(fixed(input, "RC006", false), input, "unsafe fixes need --unsafe-fixes");
}

#[test]
fn md002_adds_the_sentinel_and_grows_the_array() {
    let input = r#"use pyo3_ffi::*;

unsafe extern "C" fn ping(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    std::ptr::null_mut()
}

static mut METHODS: [PyMethodDef; 1] = [PyMethodDef {
    ml_name: c"ping".as_ptr(),
    ml_meth: PyMethodDefPointer { PyCFunction: ping },
    ml_flags: METH_NOARGS,
    ml_doc: std::ptr::null(),
}];

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot {
        slot: Py_mod_multiple_interpreters,
        value: Py_MOD_PER_INTERPRETER_GIL_SUPPORTED,
    },
    PyModuleDef_Slot {
        slot: Py_mod_gil,
        value: Py_MOD_GIL_NOT_USED,
    },
];
"#;
    assert_snapshot!(assert_fixes(input, "MD002", false));
}

#[test]
fn md002_vec_of_type_slots_takes_a_struct_sentinel() {
    let input = r#"use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn new_thing(
    _t: *mut PyTypeObject,
    _a: *mut PyObject,
    _k: *mut PyObject,
) -> *mut PyObject {
    ptr::null_mut()
}

pub fn slots() -> Vec<PyType_Slot> {
    vec![
        PyType_Slot {
            slot: Py_tp_new,
            pfunc: new_thing as *mut _,
        },
        PyType_Slot {
            slot: Py_tp_doc,
            pfunc: c"A thing.".as_ptr() as *mut _,
        },
    ]
}
"#;
    assert_snapshot!(assert_fixes(input, "MD002", false));
}

#[test]
fn md002_without_pyo3_uses_zeroed_and_is_unsafe() {
    let input = r#"use cpython_sys::*;

static mut SLOTS: [PyModuleDef_Slot; 1] = [PyModuleDef_Slot {
    slot: Py_mod_gil,
    value: Py_MOD_GIL_NOT_USED,
}];
"#;
    assert_eq!(fixed(input, "MD002", false), input, "not applied without --unsafe-fixes");
    assert_snapshot!(assert_fixes(input, "MD002", true));
}

#[test]
fn md002_no_fix_when_the_length_is_a_constant() {
    let input = r#"use pyo3_ffi::*;

const N: usize = 1;
static mut SLOTS: [PyModuleDef_Slot; N] = [PyModuleDef_Slot {
    slot: Py_mod_gil,
    value: Py_MOD_GIL_NOT_USED,
}];
"#;
    let found = check_snippet("lib.rs", input, &["MD002"]);
    assert_eq!(found.len(), 1);
    assert!(found[0].fix.is_none(), "growing the array would mean editing `N`, which may be used elsewhere");
}

#[test]
fn sup002_removes_unused_suppressions_and_codes() {
    let input = r#"pub fn read(p: *const u8) -> u8 {
    // cpython-rs: allow(SD001, RC001, PF001, reason = "p points into a live buffer")
    unsafe { *p }
}

// cpython-rs: allow(RC001, reason = "the list is handed to the caller")
pub fn nothing() {}

pub fn trailing() {} // cpython-rs: allow(PF001, reason = "cannot panic")
"#;
    let output = assert_fixes(input, "SUP002", false);
    // The used code stays: SD001 is still suppressed.
    assert_eq!(findings(&output, "SD001"), 0, "{output}");
    assert_snapshot!(output);
}

#[test]
fn rc003_removes_the_release_of_a_borrowed_reference_as_an_unsafe_fix() {
    let input = r#"use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn first(_module: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    let item = PyList_GetItem(list, 0);
    if item.is_null() {
        return ptr::null_mut();
    }
    let text = PyObject_Str(item);
    Py_DECREF(item);
    text
}
"#;
    assert_eq!(fixed(input, "RC003", false), input, "the other cure is an incref: not applied by default");
    assert_snapshot!(assert_fixes(input, "RC003", true));
}

#[test]
fn rc003_no_fix_when_the_release_shares_its_line() {
    let input = r#"use pyo3_ffi::*;

unsafe extern "C" fn drop_it(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    if !arg.is_null() { Py_DECREF(arg) }
    Py_NewRef(Py_None())
}
"#;
    let found = check_snippet("lib.rs", input, &["RC003"]);
    assert_eq!(found.len(), 1);
    assert!(found[0].fix.is_none());
}

#[test]
fn uw001_declares_the_callback_extern_c() {
    let input = r#"use pyo3_ffi::*;

unsafe extern "C-unwind" fn double(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    PyLong_FromLong(PyLong_AsLong(arg).wrapping_mul(2))
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"double".as_ptr(),
        ml_meth: PyMethodDefPointer {
            PyCFunction: double,
        },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
"#;
    assert_eq!(fixed(input, "UW001", false), input, "a panic now aborts: an unsafe fix");
    let output = assert_fixes(input, "UW001", true);
    assert!(output.contains("unsafe extern \"C\" fn double("), "{output}");
}

#[test]
fn rc002_passes_the_object_itself_instead_of_py_newref() {
    let input = r#"use pyo3_ffi::*;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> std::os::raw::c_int {
    let dict = PyModule_GetDict(module);
    if PyDict_SetItemString(dict, c"default".as_ptr(), Py_NewRef(Py_None())) < 0 {
        return -1;
    }
    if PyObject_SetAttrString(module, c"empty".as_ptr(), Py_XNewRef(dict)) < 0 {
        return -1;
    }
    0
}
"#;
    let output = assert_fixes(input, "RC002", false);
    assert!(output.contains("PyDict_SetItemString(dict, c\"default\".as_ptr(), Py_None())"), "{output}");
    assert_snapshot!(output);
}

#[test]
fn rc002_other_temporaries_have_no_fix() {
    // Binding, checking and releasing a new reference is more than an edit.
    let input = r#"use pyo3_ffi::*;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> std::os::raw::c_int {
    let dict = PyModule_GetDict(module);
    if PyDict_SetItemString(dict, c"answer".as_ptr(), PyLong_FromLong(42)) < 0 {
        return -1;
    }
    0
}
"#;
    let found = check_snippet("lib.rs", input, &["RC002"]);
    assert_eq!(found.len(), 1);
    assert!(found[0].fix.is_none());
}

// ----- `check --fix` and `--diff` end to end -----

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_cpython-rs")).args(args).current_dir(dir).output().expect("run");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn fix_writes_the_file_and_reports_what_was_fixed_and_what_remains() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{RC006_GLOB}\nunsafe extern \"C\" fn leak(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {{\n    let list = PyList_New(0);\n    if list.is_null() {{\n        return std::ptr::null_mut();\n    }}\n    Py_NewRef(Py_None())\n}}\n"
    );
    std::fs::write(dir.path().join("lib.rs"), &text).unwrap();
    let (code, out, _) = run(dir.path(), &["check", "--fix", "--select", "RC", "--output-format", "concise", "."]);
    let after = std::fs::read_to_string(dir.path().join("lib.rs")).unwrap();
    assert_eq!(code, 1, "RC001 remains: {out}");
    assert!(after.contains("Py_NewRef(arg)") && after.contains("return Py_NewRef(Py_None());"), "{after}");
    assert!(out.contains("Fixed 3 findings in 1 file (RC006 3); 1 remaining."), "{out}");
    assert!(out.contains("RC001"), "{out}");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "no temporary file is left behind: {names:?}");

    let (code, out, _) = run(dir.path(), &["check", "--fix", "--select", "RC006", "."]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("No fixes applied (0 remaining)."), "{out}");
}

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("lib.rs"), RC006_GLOB).unwrap();
    let (code, out, err) = run(dir.path(), &["check", "--diff", "--select", "RC006", "."]);
    assert_eq!(code, 1);
    assert_eq!(std::fs::read_to_string(dir.path().join("lib.rs")).unwrap(), RC006_GLOB);
    assert!(err.contains("Would fix 3 findings (0 remaining)."), "{err}");
    assert_snapshot!(out.replace(&format!("{}/", dir.path().display()), ""));
}

#[test]
fn a_file_that_does_not_parse_is_never_touched() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "// cpython-rs: allow(RC001, reason = \"unused\")\nfn broken( {\n";
    std::fs::write(dir.path().join("broken.rs"), broken).unwrap();
    std::fs::write(dir.path().join("lib.rs"), RC006_GLOB).unwrap();
    let (code, _, _) = run(dir.path(), &["check", "--fix", "."]);
    assert_eq!(code, 2, "a file that cannot be analysed is an error");
    assert_eq!(std::fs::read_to_string(dir.path().join("broken.rs")).unwrap(), broken);
    assert!(std::fs::read_to_string(dir.path().join("lib.rs")).unwrap().contains("Py_NewRef(arg)"));
}

#[test]
fn fix_and_staged_cannot_be_combined() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(dir.path(), &["check", "--fix", "--staged"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be used with"), "{err}");
}
