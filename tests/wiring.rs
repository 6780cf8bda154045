//! Build wiring and stage policy (BW001, BW002) on a copy of the fixture
//! checkout in `tests/fixtures/wiring/`: the complete module is clean, and
//! each registration removed in turn is reported in the file that lacks it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use cpython_rs_lints::settings::Overrides;
use cpython_rs_lints::{CheckRequest, CheckResult, Diagnostic};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/wiring");

/// A fresh copy of the fixture checkout.
fn checkout() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(Path::new(FIXTURE), dir.path());
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let target = to.join(entry.path().strip_prefix(from).expect("inside fixture"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn edit(root: &Path, file: &str, f: impl FnOnce(String) -> String) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).expect("read fixture file");
    let changed = f(text.clone());
    assert_ne!(changed, text, "the edit of {file} changed nothing");
    std::fs::write(path, changed).expect("write fixture file");
}

fn without_line(needle: &str) -> impl FnOnce(String) -> String + '_ {
    move |text| text.lines().filter(|l| !l.contains(needle)).map(|l| format!("{l}\n")).collect()
}

/// Check `paths` (relative to `root`) with the given selection and stage.
fn check_in(root: &Path, paths: &[&str], select: &[&str], stage: u8) -> CheckResult {
    let request = CheckRequest {
        paths: paths.iter().map(|p| root.join(p)).collect(),
        overrides: Overrides {
            select: Some(select.iter().map(|s| s.to_string()).collect()),
            stage: Some(stage),
            ..Default::default()
        },
        ..Default::default()
    };
    cpython_rs_lints::check(&request).expect("valid settings")
}

fn check(root: &Path, stage: u8) -> CheckResult {
    check_in(root, &["."], &["BW"], stage)
}

/// (code, path relative to the checkout) of each finding.
fn findings(result: &CheckResult, root: &Path) -> Vec<(&'static str, String)> {
    result.diagnostics.iter().map(|d| (d.code, relative(&d.path, root))).collect()
}

fn relative(path: &Path, root: &Path) -> String {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    path.strip_prefix(&root).unwrap_or(&path).to_string_lossy().replace('\\', "/")
}

/// The full rendering, with paths relative to the checkout so snapshots are stable.
fn render(result: &CheckResult, root: &Path) -> String {
    let rel = |p: &Arc<Path>| -> Arc<Path> { Arc::from(PathBuf::from(relative(p, root)).as_path()) };
    let diagnostics: Vec<Diagnostic> = result
        .diagnostics
        .iter()
        .cloned()
        .map(|mut d| {
            d.path = rel(&d.path);
            for label in &mut d.labels {
                label.path = rel(&label.path);
            }
            d
        })
        .collect();
    let sources = result
        .sources
        .iter()
        .map(|(path, source)| {
            let path = rel(path);
            let text = cpython_rs_lints::source::SourceText::new(Arc::clone(&path), Arc::clone(&source.text));
            (path, Arc::new(text))
        })
        .collect();
    let relative = CheckResult { diagnostics, sources, files_checked: result.files_checked, ..Default::default() };
    let mut out = Vec::new();
    cpython_rs::render::full::render(&relative, false, &mut out).expect("render");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn the_complete_module_is_clean() {
    let root = checkout();
    let result = check_in(root.path(), &["."], &["BW", "MD"], 1);
    assert_eq!(findings(&result, root.path()), vec![], "{}", render(&result, root.path()));
}

/// Each registration, removed in turn, is reported once, in the file that lacks it.
#[test]
fn each_missing_registration_is_reported_where_it_belongs() {
    let cases: &[(&str, &str, &str)] = &[
        ("workspace_member", "Cargo.toml", "\"Modules/_base64\""),
        ("setup_entry", "Modules/Setup.stdlib.in", "@MODULE__BASE64_TRUE@"),
        ("configure_check", "configure.ac", "PY_STDLIB_MOD([_base64]"),
        ("staticlib_dependency", "Modules/cpython-rust-staticlib/Cargo.toml", "_base64 = "),
        ("staticlib_reexport", "Modules/cpython-rust-staticlib/src/lib.rs", "pub use _base64"),
    ];
    for (name, file, needle) in cases {
        let root = checkout();
        edit(root.path(), file, without_line(needle));
        let result = check(root.path(), 1);
        assert_eq!(
            findings(&result, root.path()),
            vec![("BW001", file.to_string())],
            "removing `{needle}` from {file}:\n{}",
            render(&result, root.path())
        );
        insta::assert_snapshot!(format!("missing_{name}"), render(&result, root.path()));
    }
}

#[test]
fn a_stale_lock_file_and_configure_script_are_reported() {
    let root = checkout();
    edit(root.path(), "Cargo.lock", |t| t.replace("name = \"_base64\"", "name = \"_base32\""));
    edit(root.path(), "configure", without_line("MODULE__BASE64_TRUE"));
    let result = check(root.path(), 1);
    assert_eq!(
        findings(&result, root.path()),
        vec![("BW001", "Cargo.lock".to_string()), ("BW001", "configure.ac".to_string())]
    );
    insta::assert_snapshot!(render(&result, root.path()));
}

#[test]
fn a_malformed_setup_entry_is_reported() {
    let root = checkout();
    edit(root.path(), "Modules/Setup.stdlib.in", |t| t.replace("@MODULE__BASE64_TRUE@_base64", "_base64"));
    let result = check(root.path(), 1);
    assert_eq!(findings(&result, root.path()), vec![("BW001", "Modules/Setup.stdlib.in".to_string())]);
    insta::assert_snapshot!(render(&result, root.path()));
}

#[test]
fn names_that_disagree_are_reported() {
    let root = checkout();
    edit(root.path(), "Modules/_base64/Cargo.toml", |t| {
        t.replace("name = \"_base64\"\ncrate-type", "name = \"base64\"\ncrate-type")
    });
    edit(root.path(), "Modules/_base64/src/lib.rs", |t| t.replace("fn PyInit__base64", "fn PyInit_base64"));
    let result = check(root.path(), 1);
    let found = findings(&result, root.path());
    assert!(found.contains(&("BW001", "Modules/_base64/Cargo.toml".to_string())), "{found:?}");
    assert!(found.contains(&("BW001", "Modules/_base64/src/lib.rs".to_string())), "{found:?}");
    insta::assert_snapshot!(render(&result, root.path()));
}

#[test]
fn a_misnamed_folder_is_reported_at_the_manifest() {
    let root = checkout();
    let modules = root.path().join("Modules");
    std::fs::rename(modules.join("_base64"), modules.join("base64_rs")).expect("rename");
    let result = check(root.path(), 1);
    let found = findings(&result, root.path());
    assert!(found.contains(&("BW001", "Modules/base64_rs/Cargo.toml".to_string())), "{found:?}");
    let rendered = render(&result, root.path());
    assert!(rendered.contains("rename the folder to `Modules/_base64`"), "{rendered}");
}

#[test]
fn unguarded_imports_are_reported_at_stage_1_only() {
    let root = checkout();
    edit(root.path(), "Lib/base64.py", |t| t.replace("import binascii\n", "import binascii\nimport _base64\n"));
    let result = check(root.path(), 1);
    assert_eq!(findings(&result, root.path()), vec![("BW002", "Lib/base64.py".to_string())]);
    insta::assert_snapshot!(render(&result, root.path()));
    assert_eq!(findings(&check(root.path(), 3), root.path()), vec![]);
}

/// Register a second module everywhere, the way `new-module` does.
fn add_module(root: &Path, name: &str) {
    let crate_dir = root.join("Modules").join(name);
    std::fs::create_dir_all(crate_dir.join("src")).expect("mkdir");
    let manifest = std::fs::read_to_string(root.join("Modules/_base64/Cargo.toml")).expect("manifest");
    std::fs::write(crate_dir.join("Cargo.toml"), manifest.replace("_base64", name)).expect("write");
    std::fs::write(
        crate_dir.join("src/lib.rs"),
        format!(
            "//! `{name}`.\n\n/// Entry point.\n///\n/// # Safety\n///\n/// Called by CPython only.\n#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn PyInit_{name}() -> *mut cpython_sys::PyObject {{\n    std::ptr::null_mut()\n}}\n"
        ),
    )
    .expect("write");
    let workspace = std::fs::read_to_string(root.join("Cargo.toml")).expect("read");
    if !workspace.contains("\"Modules/_*\"") {
        edit(root, "Cargo.toml", |t| t.replace("members = [\n", &format!("members = [\n    \"Modules/{name}\",\n")));
    }
    edit(root, "Cargo.lock", |t| format!("{t}\n[[package]]\nname = \"{name}\"\nversion = \"0.1.0\"\n"));
    edit(root, "Modules/Setup.stdlib.in", |t| {
        format!("{t}@MODULE_{}_TRUE@{name} {name}/Cargo.toml {name}/src/lib.rs lib{name}.a\n", name.to_uppercase())
    });
    edit(root, "configure.ac", |t| {
        t.replace(
            "\n# substitute",
            &format!("PY_STDLIB_MOD([{name}], [test \"$HAVE_CARGO\" = yes], [test \"$HAVE_CARGO\" = yes], [], [])\n\n# substitute"),
        )
    });
    edit(root, "configure", |t| format!("{t}MODULE_{}_TRUE=\n", name.to_uppercase()));
    edit(root, "Modules/cpython-rust-staticlib/Cargo.toml", |t| format!("{t}{name} = {{ path = \"../{name}\" }}\n"));
    edit(root, "Modules/cpython-rust-staticlib/src/lib.rs", |t| {
        format!("{t}pub use {name}::PyInit_{name} as {name}_init;\n")
    });
}

#[test]
fn a_rust_only_module_is_reported_until_stage_3() {
    let root = checkout();
    add_module(root.path(), "_fastsum");
    let result = check(root.path(), 1);
    assert_eq!(findings(&result, root.path()), vec![("BW002", "Modules/_fastsum/Cargo.toml".to_string())]);
    insta::assert_snapshot!(render(&result, root.path()));
    assert_eq!(findings(&check(root.path(), 2), root.path()).len(), 1);
    assert_eq!(findings(&check(root.path(), 3), root.path()), vec![]);
    // A Lib/ module importing it with a fallback is the implementation it replaces.
    std::fs::write(
        root.path().join("Lib/statistics.py"),
        "def fsum(xs):\n    return sum(xs)\n\ntry:\n    from _fastsum import fsum\nexcept ImportError:\n    pass\n",
    )
    .expect("write");
    assert_eq!(findings(&check(root.path(), 1), root.path()), vec![]);
}

#[test]
fn a_module_with_a_c_or_python_fallback_is_allowed() {
    let root = checkout();
    add_module(root.path(), "_json");
    // `_json` has a C implementation registered in Setup.stdlib.in.
    assert_eq!(findings(&check(root.path(), 1), root.path()), vec![]);
    add_module(root.path(), "_heapq");
    std::fs::write(root.path().join("Lib/heapq.py"), "def heappush(heap, item):\n    heap.append(item)\n")
        .expect("write");
    assert_eq!(findings(&check(root.path(), 1), root.path()), vec![]);
}

#[test]
fn only_modules_under_the_checked_paths_are_checked() {
    let root = checkout();
    add_module(root.path(), "_json");
    edit(root.path(), "Cargo.toml", without_line("\"Modules/_base64\""));
    edit(root.path(), "Cargo.toml", without_line("\"Modules/_json\""));
    let result = check_in(root.path(), &["Modules/_json/src/lib.rs"], &["BW"], 1);
    assert_eq!(findings(&result, root.path()), vec![("BW001", "Cargo.toml".to_string())]);
    assert!(render(&result, root.path()).contains("Modules/_json"));
}

#[test]
fn glob_members_helper_crates_and_colliding_reexports() {
    let root = checkout();
    edit(root.path(), "Cargo.toml", |t| t.replace("    \"Modules/_base64\",\n", "    \"Modules/_*\",\n"));
    // A helper library that depends on the bindings but exports no module is not a module.
    let helper = root.path().join("Modules/_rust_common");
    std::fs::create_dir_all(helper.join("src")).expect("mkdir");
    std::fs::write(
        helper.join("Cargo.toml"),
        "[package]\nname = \"_rust_common\"\nversion = \"0.1.0\"\n\n[dependencies]\ncpython-sys = { path = \"../cpython-sys\" }\n",
    )
    .expect("write");
    std::fs::write(helper.join("src/lib.rs"), "//! Shared helpers.\n\npub fn answer() -> i32 {\n    42\n}\n")
        .expect("write");
    assert_eq!(findings(&check(root.path(), 1), root.path()), vec![]);

    // Two modules re-exporting an entry point under one name collide in the static library.
    add_module(root.path(), "_json");
    edit(root.path(), "Modules/cpython-rust-staticlib/src/lib.rs", |t| {
        t.replace(" as _base64_init;", " as PyInit;").replace(" as _json_init;", " as PyInit;")
    });
    let result = check(root.path(), 1);
    assert_eq!(
        findings(&result, root.path()),
        vec![("BW001", "Modules/cpython-rust-staticlib/src/lib.rs".to_string())]
    );
    insta::assert_snapshot!(render(&result, root.path()));
}

#[test]
fn a_checkout_without_rust_support_is_skipped() {
    let root = checkout();
    std::fs::remove_dir_all(root.path().join("Modules/cpython-sys")).expect("rm");
    edit(root.path(), "Cargo.toml", without_line("\"Modules/_base64\""));
    assert_eq!(findings(&check(root.path(), 1), root.path()), vec![]);
}

/// The safe API style: `cpython-api` and `export_module!`, re-exported as the fork's
/// static library does (`pub use _base64::PyModExport;`).
#[test]
fn safe_style_modules_are_understood() {
    let root = checkout();
    add_module(root.path(), "_json");
    let crate_dir = root.path().join("Modules/_json");
    edit(root.path(), "Modules/_json/Cargo.toml", |t| {
        t.replace("cpython-sys = { path = \"../cpython-sys\" }", "cpython-api = { path = \"../cpython-api\" }")
    });
    std::fs::write(
        crate_dir.join("src/lib.rs"),
        "//! `_json` in the safe style.\n\nuse cpython_api::prelude::*;\n\nstruct State;\n\nimpl ModuleState for State {}\n\nexport_module! {\n    name: _json,\n    doc: c\"JSON speedups.\",\n    state: State,\n    methods: [],\n}\n",
    )
    .expect("write");
    edit(root.path(), "Modules/cpython-rust-staticlib/src/lib.rs", |t| {
        t.replace("pub use _json::PyInit__json as _json_init;\n", "pub use _json::PyModExport;\n")
    });
    assert_eq!(findings(&check(root.path(), 1), root.path()), vec![]);

    edit(root.path(), "Modules/cpython-rust-staticlib/src/lib.rs", without_line("pub use _json"));
    edit(root.path(), "Modules/_json/src/lib.rs", |t| t.replace("name: _json,", "name: json,"));
    let result = check(root.path(), 1);
    assert_eq!(
        findings(&result, root.path()),
        vec![
            ("BW001", "Modules/_json/src/lib.rs".to_string()),
            ("BW001", "Modules/cpython-rust-staticlib/src/lib.rs".to_string())
        ]
    );
    insta::assert_snapshot!(render(&result, root.path()));
}

// ---------------------------------------------------------------------------
// Modules made by `new-module` in its own fixture checkout (tests/fixtures/cpython).

/// Scaffold `name` into a fresh copy of the new-module fixture, without running cargo;
/// `Cargo.lock` gains the package the way `cargo update --workspace` would add it.
fn scaffolded(name: &str, api: cpython_rs::scaffold::ApiStyle, replaces: &str) -> tempfile::TempDir {
    use cpython_rs::scaffold::{self, ExecuteOptions, Options};
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cpython"), dir.path());
    let mut options = Options::new(name, dir.path());
    options.api = Some(api);
    options.replaces = Some(replaces.to_string());
    let prepared = scaffold::prepare(&options).unwrap_or_else(|_| panic!("new-module refused `{name}`"));
    scaffold::execute(&prepared, &ExecuteOptions { refresh_lock: false, ..Default::default() }).expect("applied");
    let before_lock = check_in(dir.path(), &[&format!("Modules/{name}")], &["BW"], 1);
    assert_eq!(findings(&before_lock, dir.path()), vec![("BW001", "Cargo.lock".to_string())]);
    edit(dir.path(), "Cargo.lock", |t| format!("{t}\n[[package]]\nname = \"{name}\"\nversion = \"0.1.0\"\n"));
    dir
}

#[test]
fn freshly_scaffolded_modules_pass_the_wiring_rules() {
    use cpython_rs::scaffold::ApiStyle;
    for (name, api, replaces) in [("_fastbase64", ApiStyle::Safe, "base64"), ("_bisect_rs", ApiStyle::Sys, "_bisect")] {
        let root = scaffolded(name, api, replaces);
        let result = check_in(root.path(), &[&format!("Modules/{name}")], &["BW", "MD"], 1);
        assert_eq!(findings(&result, root.path()), vec![], "{name}:\n{}", render(&result, root.path()));
    }
}

#[test]
fn each_registration_new_module_made_is_required() {
    use cpython_rs::scaffold::ApiStyle;
    let name = "_fastbase64";
    let cases: &[(&str, &str, &str)] = &[
        ("Cargo.toml", "\"Modules/_fastbase64\"", "BW001"),
        ("Modules/Setup.stdlib.in", "@MODULE__FASTBASE64_TRUE@", "BW001"),
        ("configure.ac", "PY_STDLIB_MOD([_fastbase64]", "BW001"),
        ("Modules/cpython-rust-staticlib/Cargo.toml", "_fastbase64 = ", "BW001"),
        ("Modules/cpython-rust-staticlib/src/lib.rs", "pub use _fastbase64", "BW001"),
        ("Cargo.lock", "name = \"_fastbase64\"", "BW001"),
    ];
    for (file, needle, code) in cases {
        let root = scaffolded(name, ApiStyle::Safe, "base64");
        edit(root.path(), file, without_line(needle));
        let result = check_in(root.path(), &[&format!("Modules/{name}")], &["BW"], 1);
        assert_eq!(
            findings(&result, root.path()),
            vec![(*code, file.to_string())],
            "removing `{needle}` from {file}:\n{}",
            render(&result, root.path())
        );
    }
    // The guarded import is what keeps the module optional at stage 1.
    let root = scaffolded(name, ApiStyle::Safe, "base64");
    edit(root.path(), "Lib/base64.py", |t| t.replace("except ImportError:", "except ValueError:"));
    let found = findings(&check_in(root.path(), &[&format!("Modules/{name}")], &["BW"], 1), root.path());
    assert_eq!(found, vec![("BW002", "Lib/base64.py".to_string()), ("BW002", format!("Modules/{name}/Cargo.toml"))]);
}
