//! `cpython-rs new-module` against a fixture checkout (tests/fixtures/cpython,
//! written from the layout spec): generated files, registration diffs,
//! refusals, dry runs, `--force`, all-or-nothing rollback, NEWS naming, the
//! out-of-tree crate built and imported for real, and the generated code
//! checked with every rule and rustfmt.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use cpython_rs::scaffold::news::{Section, Timestamp};
use cpython_rs::scaffold::plan::ApplyOptions;
use cpython_rs::scaffold::{self, report, ApiStyle, ExecuteOptions, Options, Prepared};
use insta::assert_snapshot;

const NOW: Timestamp = Timestamp { year: 2026, month: 5, day: 4, hour: 13, minute: 37, second: 0 };

/// A fresh copy of the fixture checkout, at `<tmp>/cpython`.
fn checkout() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("cpython");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cpython"), &root);
    (tmp, root)
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let target = to.join(entry.path().strip_prefix(from).expect("inside the fixture"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create dir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

fn options(root: &Path, name: &str) -> Options {
    let mut options = Options::new(name, root);
    options.now = Some(NOW);
    options
}

fn prepare(options: &Options) -> Prepared {
    match scaffold::prepare(options) {
        Ok(prepared) => prepared,
        Err(refusal) => panic!("refused:\n{}", report::plain(|out| report::write_refusal(out, &refusal))),
    }
}

fn refusal(options: &Options) -> String {
    match scaffold::prepare(options) {
        Ok(_) => panic!("expected `{}` to be refused", options.name),
        Err(refusal) => report::plain(|out| report::write_refusal(out, &refusal)),
    }
}

/// Prepare and apply, without running cargo; the change list as printed.
fn run(options: &Options) -> String {
    let prepared = prepare(options);
    let outcome =
        scaffold::execute(&prepared, &ExecuteOptions { refresh_lock: false, ..Default::default() }).expect("applied");
    redact(&report::plain(|out| report::write_outcome(out, &prepared, &outcome)), &options.cwd)
}

fn redact(text: &str, root: &Path) -> String {
    text.replace(&root.display().to_string(), "[ROOT]")
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
}

/// Every path under `root` with its type, contents and permissions.
fn tree_state(root: &Path) -> BTreeMap<String, String> {
    let mut state = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(root).unwrap().display().to_string();
        let meta = entry.path().symlink_metadata().expect("metadata");
        let kind = if meta.is_dir() {
            "dir".to_string()
        } else {
            format!("file {:?}", std::fs::read(entry.path()).expect("read"))
        };
        state.insert(rel, format!("{kind} {:?}", meta.permissions()));
    }
    state
}

// ---------------------------------------------------------------------------
// Generated files and registration diffs.

#[test]
fn dry_run_shows_the_tree_and_every_diff_and_writes_nothing() {
    let (_tmp, root) = checkout();
    let before = tree_state(&root);
    let mut opts = options(&root, "_fastjson");
    opts.gh_issue = Some(12345);
    let prepared = prepare(&opts);
    let out = redact(&report::plain(|out| report::write_dry_run(out, &prepared)), &root);
    assert_eq!(tree_state(&root), before, "a dry run wrote something");
    assert_snapshot!(out);
}

#[test]
fn safe_style_is_the_default_when_cpython_api_exists() {
    let (_tmp, root) = checkout();
    let out = run(&options(&root, "_fastjson"));
    assert_snapshot!("safe_change_list", out);
    assert_snapshot!("safe_lib_rs", read(&root, "Modules/_fastjson/src/lib.rs"));
    assert_snapshot!("safe_cargo_toml", read(&root, "Modules/_fastjson/Cargo.toml"));
    assert_snapshot!("build_rs", read(&root, "Modules/_fastjson/build.rs"));
    assert_snapshot!("test_py", read(&root, "Lib/test/test__fastjson.py"));
    assert!(read(&root, "Modules/cpython-rust-staticlib/src/lib.rs")
        .contains("pub use _fastjson::PyModExport__fastjson as _fastjson_export;"));
}

#[test]
fn sys_style_is_the_default_without_cpython_api() {
    let (_tmp, root) = checkout();
    std::fs::remove_dir_all(root.join("Modules/cpython-api")).unwrap();
    let out = run(&options(&root, "_fastjson"));
    assert!(out.contains("sys API style (this checkout has no Modules/cpython-api)"), "{out}");
    assert_snapshot!("sys_lib_rs", read(&root, "Modules/_fastjson/src/lib.rs"));
    assert_snapshot!("sys_cargo_toml", read(&root, "Modules/_fastjson/Cargo.toml"));
    assert!(read(&root, "Modules/cpython-rust-staticlib/src/lib.rs")
        .contains("pub use _fastjson::PyInit__fastjson as _fastjson_init;"));
}

#[test]
fn api_flag_overrides_the_default() {
    let (_tmp, root) = checkout();
    let mut opts = options(&root, "_fastjson");
    opts.api = Some(ApiStyle::Sys);
    run(&opts);
    assert!(read(&root, "Modules/_fastjson/src/lib.rs").contains("pub unsafe extern \"C\" fn PyInit__fastjson()"));
}

#[test]
fn safe_api_without_cpython_api_is_refused() {
    let (_tmp, root) = checkout();
    std::fs::remove_dir_all(root.join("Modules/cpython-api")).unwrap();
    let mut opts = options(&root, "_fastjson");
    opts.api = Some(ApiStyle::Safe);
    assert_snapshot!(refusal(&opts));
}

#[test]
fn public_module_gets_a_doc_stub() {
    let (_tmp, root) = checkout();
    let out = run(&options(&root, "fastjson"));
    assert!(out.contains("Created Doc/library/fastjson.rst"), "{out}");
    assert!(out.contains("Add `Doc/library/fastjson.rst` to a toctree"), "{out}");
    assert_snapshot!("doc_rst", read(&root, "Doc/library/fastjson.rst"));
}

#[test]
fn replaces_adds_the_guarded_import_and_tests_both_implementations() {
    let (_tmp, root) = checkout();
    let original = read(&root, "Lib/base64.py");
    let mut opts = options(&root, "_fastbase64");
    opts.replaces = Some("base64".into());
    opts.gh_issue = Some(4242);
    let prepared = prepare(&opts);
    assert!(prepared.warnings.is_empty(), "{:?}", prepared.warnings);
    let edit = prepared.plan.edited().find(|c| c.path == "Lib/base64.py").expect("Lib/base64.py is edited");
    assert_snapshot!("replaces_lib_diff", scaffold::plan::unified_diff(edit));
    scaffold::execute(&prepared, &ExecuteOptions { refresh_lock: false, ..Default::default() }).unwrap();
    assert_snapshot!("replaces_test_py", read(&root, "Lib/test/test__fastbase64.py"));
    let news = std::fs::read_dir(root.join("Misc/NEWS.d/next/Library"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().contains("gh-issue-4242"))
        .expect("NEWS entry");
    assert_snapshot!("replaces_news", std::fs::read_to_string(news.path()).unwrap());
    // The edited module still imports, and falls back to Python without the Rust module.
    let check = "import importlib.util, sys\n\
                 spec = importlib.util.spec_from_file_location('fixture_base64', sys.argv[1])\n\
                 m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n\
                 assert m._fnv1a32(b'foobar') == 0xBF9CF968, hex(m._fnv1a32(b'foobar'))\n\
                 assert m._fnv1a32.__module__ == 'fixture_base64'\n\
                 assert m.standard_b64encode(b'www.python.org') == b'd3d3LnB5dGhvbi5vcmc='\n";
    python(&["-c", check, &root.join("Lib/base64.py").display().to_string()]);
    assert!(read(&root, "Lib/base64.py").starts_with(&original[..original.find("if __name__").unwrap() - 2]));
}

#[test]
fn replaces_a_c_module_edits_its_public_wrapper() {
    let (_tmp, root) = checkout();
    let mut opts = options(&root, "_bisect_rs");
    opts.replaces = Some("_bisect".into());
    let prepared = prepare(&opts);
    assert!(prepared.plan.edited().any(|c| c.path == "Lib/bisect.py"));
    let test = &prepared.plan.written().find(|c| c.path == "Lib/test/test__bisect_rs.py").unwrap().after;
    assert!(test.contains("import_fresh_module('bisect', blocked=['_bisect_rs'])"), "{test}");
}

#[test]
fn replacing_an_unknown_module_is_refused() {
    let (_tmp, root) = checkout();
    let mut opts = options(&root, "_fastjson");
    opts.replaces = Some("nosuchmodule".into());
    assert_snapshot!(refusal(&opts));
}

// ---------------------------------------------------------------------------
// NEWS.

#[test]
fn news_entry_is_named_as_blurb_names_it() {
    let (_tmp, root) = checkout();
    let mut opts = options(&root, "_fastjson");
    opts.gh_issue = Some(98765);
    opts.section = Section::parse("Core and Builtins").unwrap();
    let prepared = prepare(&opts);
    let entry = prepared.plan.written().find(|c| c.path.starts_with("Misc/NEWS.d/")).expect("a NEWS entry");
    let file = entry.path.rsplit('/').next().unwrap();
    let nonce = file.split('.').nth(2).unwrap();
    assert!(entry.path.starts_with("Misc/NEWS.d/next/Core_and_Builtins/2026-05-04-13-37-00.gh-issue-98765."));
    assert!(entry.path.ends_with(".rst"));
    let expected = python(&[
        "-c",
        "import base64, hashlib, sys; \
         print(base64.urlsafe_b64encode(hashlib.md5(sys.argv[1].encode('utf-8')).digest())[0:6].decode('ascii'))",
        &entry.after,
    ]);
    assert_eq!(nonce, expected.trim());
    assert_eq!(entry.after, "Add the :mod:`!_fastjson` module, written in Rust.\n");
}

#[test]
fn no_news_entry_without_an_issue_number() {
    let (_tmp, root) = checkout();
    let prepared = prepare(&options(&root, "_fastjson"));
    assert!(!prepared.plan.changes.iter().any(|c| c.path.starts_with("Misc/")));
    assert!(prepared.steps.iter().any(|s| s.command.as_deref() == Some("blurb add")));
}

fn python(args: &[&str]) -> String {
    let output = Command::new("python3").args(args).output().expect("run python3");
    assert!(output.status.success(), "python3 failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

// ---------------------------------------------------------------------------
// Refusals and name validation.

#[test]
fn outside_a_checkout_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = refusal(&options(tmp.path(), "_fastjson"));
    assert_snapshot!(redact(&out, tmp.path()));
}

#[test]
fn cpython_flag_must_name_a_checkout() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("README.rst"), "Not Python\n").unwrap();
    let mut opts = options(Path::new("/"), "_fastjson");
    opts.cpython = Some(tmp.path().to_path_buf());
    assert_snapshot!(redact(&refusal(&opts), tmp.path()));
}

#[test]
fn checkout_without_rust_support_is_refused() {
    let (_tmp, root) = checkout();
    std::fs::remove_dir_all(root.join("Modules/cpython-sys")).unwrap();
    assert_snapshot!(redact(&refusal(&options(&root, "_fastjson")), &root));
}

#[test]
fn checkout_is_found_from_a_subdirectory() {
    let (_tmp, root) = checkout();
    let prepared = prepare(&options(&root.join("Lib/json"), "_fastjson"));
    assert_eq!(prepared.plan.root, root);
}

#[test]
fn invalid_names_are_refused() {
    let (_tmp, root) = checkout();
    let mut out = String::new();
    for name in ["", "../evil", "Modules/_x", "json.tool", "fast-json", "2fast", "class", "match", "fn", "std", "nul"] {
        out.push_str(&format!("$ new-module {name:?}\n{}\n", refusal(&options(&root, name))));
    }
    assert_snapshot!(out);
}

#[test]
fn names_taken_in_the_checkout_are_refused() {
    let (_tmp, root) = checkout();
    let mut out = String::new();
    for name in ["_json", "math", "_decimal", "_io", "_base64", "base64", "json", "_pydecimal", "sys"] {
        out.push_str(&format!("$ new-module {name}\n{}\n", refusal(&options(&root, name))));
    }
    assert_snapshot!(out);
}

#[test]
fn match_is_a_soft_keyword_and_a_rust_keyword() {
    let (_tmp, root) = checkout();
    assert!(refusal(&options(&root, "match")).contains("Rust keyword"));
}

// ---------------------------------------------------------------------------
// Running twice, --force.

#[test]
fn running_twice_refuses_and_changes_nothing() {
    let (_tmp, root) = checkout();
    run(&options(&root, "_fastjson"));
    let after_first = tree_state(&root);
    assert_snapshot!(refusal(&options(&root, "_fastjson")));
    assert_eq!(tree_state(&root), after_first);
}

#[test]
fn force_rewrites_only_generated_files_and_never_edits_twice() {
    let (_tmp, root) = checkout();
    let mut opts = options(&root, "_fastjson");
    opts.gh_issue = Some(12345);
    run(&opts);
    let after_first = tree_state(&root);
    opts.force = true;
    // Nothing changed since: nothing to do, every registration already there.
    let prepared = prepare(&opts);
    assert!(prepared.plan.changes.is_empty(), "{:?}", prepared.plan.changes);
    let out = run(&opts);
    assert_snapshot!("force_unchanged", out);
    assert_eq!(tree_state(&root), after_first);

    // A generated file deleted is written again; one edited is never overwritten.
    std::fs::remove_file(root.join("Modules/_fastjson/build.rs")).unwrap();
    let prepared = prepare(&opts);
    assert_eq!(prepared.plan.changes.len(), 1);
    assert_eq!(prepared.plan.changes[0].path, "Modules/_fastjson/build.rs");
    let lib = root.join("Modules/_fastjson/src/lib.rs");
    std::fs::write(&lib, read(&root, "Modules/_fastjson/src/lib.rs").replace("hashed_bytes", "total")).unwrap();
    assert_snapshot!("force_refuses_edited", refusal(&opts));
}

#[test]
fn force_never_overwrites_a_file_it_did_not_generate() {
    let (_tmp, root) = checkout();
    std::fs::write(root.join("Lib/test/test__fastjson.py"), "# hand-written\n").unwrap();
    let mut opts = options(&root, "_fastjson");
    opts.force = true;
    let out = refusal(&opts);
    assert!(out.contains("`Lib/test/test__fastjson.py` already exists and cpython-rs did not generate it"), "{out}");
}

// ---------------------------------------------------------------------------
// All or nothing.

fn temp_sibling(path: &Path, what: &str) -> PathBuf {
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    path.with_file_name(format!(".{file}.cpython-rs.{}.{what}", std::process::id()))
}

fn assert_rolls_back(root: &Path, opts: &Options, apply: ApplyOptions) -> String {
    let before = tree_state(root);
    let prepared = prepare(opts);
    let error = scaffold::execute(&prepared, &ExecuteOptions { apply, refresh_lock: false }).expect_err("must fail");
    assert!(error.rollback_errors.is_empty(), "{:?}", error.rollback_errors);
    assert_eq!(tree_state(root), before, "the tree was not restored");
    redact(&error.message, root)
}

#[test]
fn a_failure_while_committing_restores_the_tree() {
    let (_tmp, root) = checkout();
    let opts = options(&root, "_fastjson");
    let last = prepare(&opts).plan.changes.len() - 1;
    let message = assert_rolls_back(&root, &opts, ApplyOptions { fail_before_commit: Some(last) });
    assert_eq!(message, "injected failure before writing `[ROOT]/PCbuild/readme.txt`");
}

#[test]
fn a_write_that_fails_midway_restores_the_tree() {
    // The original of configure.ac cannot be kept aside: a directory is in the way.
    let (_tmp, root) = checkout();
    let blocker = temp_sibling(&root.join("configure.ac"), "old");
    std::fs::create_dir_all(blocker.join("occupied")).unwrap();
    let message = assert_rolls_back(&root, &options(&root, "_fastjson"), ApplyOptions::default());
    assert!(message.starts_with("cannot back up `[ROOT]/configure.ac`"), "{message}");
}

#[test]
fn a_staging_failure_removes_what_was_staged() {
    // The test file cannot be staged: a directory is in the way of its temporary file.
    let (_tmp, root) = checkout();
    std::fs::create_dir(temp_sibling(&root.join("Lib/test/test__fastjson.py"), "new")).unwrap();
    let message = assert_rolls_back(&root, &options(&root, "_fastjson"), ApplyOptions::default());
    assert!(message.starts_with("cannot write `[ROOT]/Lib/test/.test__fastjson.py"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_restores_the_tree() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, root) = checkout();
    let dir = root.join("Lib/test");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(dir.join("probe"), "").is_ok() {
        // Running as root: permissions do not stop writes (the tests above cover this case).
        std::fs::remove_file(dir.join("probe")).unwrap();
        return;
    }
    let message = assert_rolls_back(&root, &options(&root, "_fastjson"), ApplyOptions::default());
    assert!(message.contains("Lib/test/"), "{message}");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}

// ---------------------------------------------------------------------------
// Cargo.lock.

#[test]
fn cargo_lock_gains_the_package_offline() {
    let (_tmp, root) = checkout();
    let prepared = prepare(&options(&root, "_fastjson"));
    let outcome = scaffold::execute(&prepared, &ExecuteOptions::default()).unwrap();
    assert_eq!(outcome.lock, Some(scaffold::lock::LockOutcome::Updated));
    let lock = read(&root, "Cargo.lock");
    assert!(lock.contains("name = \"_fastjson\""), "{lock}");
    assert!(!outcome.steps.iter().any(|s| s.command.as_deref() == Some("cargo update --workspace")));
}

#[test]
fn a_lock_cargo_cannot_update_is_left_alone_and_the_command_printed() {
    let (_tmp, root) = checkout();
    std::fs::write(root.join("Cargo.lock"), "this is not a lock file\n").unwrap();
    let prepared = prepare(&options(&root, "_fastjson"));
    let outcome = scaffold::execute(&prepared, &ExecuteOptions::default()).unwrap();
    assert!(matches!(outcome.lock, Some(scaffold::lock::LockOutcome::Failed { .. })), "{:?}", outcome.lock);
    assert_eq!(read(&root, "Cargo.lock"), "this is not a lock file\n");
    assert_eq!(outcome.steps[0].command.as_deref(), Some("cargo update --workspace"));
}

// ---------------------------------------------------------------------------
// Out of tree.

#[test]
fn out_of_tree_writes_a_standalone_crate() {
    let tmp = tempfile::tempdir().unwrap();
    let mut opts = options(tmp.path(), "_proto");
    opts.out_of_tree = Some("proto".into());
    let out = run(&opts);
    assert_snapshot!("oot_change_list", out);
    let dir = tmp.path().join("proto");
    assert_snapshot!("oot_lib_rs", read(&dir, "src/lib.rs"));
    assert_snapshot!("oot_cargo_toml", read(&dir, "Cargo.toml"));
    assert_snapshot!("oot_pyproject_toml", read(&dir, "pyproject.toml"));
    assert_snapshot!("oot_test_py", read(&dir, "tests/test__proto.py"));
}

#[test]
fn out_of_tree_refuses_the_safe_style_and_foreign_files() {
    let tmp = tempfile::tempdir().unwrap();
    let mut opts = options(tmp.path(), "_proto");
    opts.out_of_tree = Some("proto".into());
    opts.api = Some(ApiStyle::Safe);
    assert_snapshot!("oot_refuses_safe", refusal(&opts));
    opts.api = None;
    std::fs::create_dir(tmp.path().join("proto")).unwrap();
    std::fs::write(tmp.path().join("proto/Cargo.toml"), "[package]\nname = \"mine\"\n").unwrap();
    let out = redact(&refusal(&opts), tmp.path());
    assert!(out.contains("`Cargo.toml` already exists in `[ROOT]/proto`"), "{out}");
}

/// The one slow test: build the out-of-tree crate with cargo against the
/// machine's python3, import it and run its generated tests.
#[test]
#[ignore = "slow: builds pyo3-ffi from crates.io against the machine's python3"]
fn out_of_tree_module_builds_imports_and_passes_its_tests() {
    let tmp = tempfile::tempdir().unwrap();
    let mut opts = options(tmp.path(), "_proto");
    opts.out_of_tree = Some("proto".into());
    run(&opts);
    let dir = tmp.path().join("proto");
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scaffold-e2e");
    let status = Command::new("cargo")
        .args(["build", "--quiet"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", &target)
        .env("PYO3_PYTHON", "python3")
        .status()
        .expect("run cargo");
    assert!(status.success(), "cargo build failed");
    let suffix = python(&["-c", "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"]);
    let library = ["lib_proto.so", "lib_proto.dylib", "_proto.dll"]
        .iter()
        .map(|f| target.join("debug").join(f))
        .find(|p| p.is_file())
        .expect("the built library");
    std::fs::copy(&library, dir.join(format!("_proto{}", suffix.trim()))).unwrap();
    let output = Command::new("python3")
        .args(["-c", "import _proto; print(hex(_proto.fnv1a32(b'foobar')), _proto.hashed_bytes(), _proto.DIGEST_SIZE)"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "0xbf9cf968 6 4");
    let tests =
        Command::new("python3").args(["-m", "unittest", "discover", "-s", "tests"]).current_dir(&dir).output().unwrap();
    assert!(tests.status.success(), "{}", String::from_utf8_lossy(&tests.stderr));
}

// ---------------------------------------------------------------------------
// The generated code is clean: every rule, rustfmt, and it compiles.

fn generated_lib_rs() -> Vec<(&'static str, String)> {
    let mut files = Vec::new();
    for (label, style) in [("sys", ApiStyle::Sys), ("safe", ApiStyle::Safe)] {
        let (_tmp, root) = checkout();
        let mut opts = options(&root, "_fastjson");
        opts.api = Some(style);
        let prepared = prepare(&opts);
        let lib = prepared.plan.written().find(|c| c.path.ends_with("src/lib.rs")).unwrap().after.clone();
        files.push((label, lib));
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut opts = options(tmp.path(), "_fastjson");
    opts.out_of_tree = Some("proto".into());
    let prepared = prepare(&opts);
    files.push(("out-of-tree", prepared.plan.written().find(|c| c.path == "src/lib.rs").unwrap().after.clone()));
    files
}

#[test]
fn every_placeholder_is_filled() {
    let (_tmp, root) = checkout();
    let tmp = tempfile::tempdir().unwrap();
    let mut plans = Vec::new();
    for (name, api, replaces) in [("_x", ApiStyle::Safe, Some("base64")), ("x", ApiStyle::Sys, None)] {
        let mut opts = options(&root, name);
        opts.api = Some(api);
        opts.replaces = replaces.map(str::to_string);
        opts.gh_issue = Some(1);
        plans.push(prepare(&opts).plan);
    }
    let mut opts = options(tmp.path(), "_x");
    opts.out_of_tree = Some("proto".into());
    plans.push(prepare(&opts).plan);
    for change in plans.iter().flat_map(|p| &p.changes) {
        assert!(!change.after.contains("{{"), "{} has an unfilled placeholder:\n{}", change.path, change.after);
    }
}

#[test]
fn generated_code_has_no_findings_with_every_rule() {
    for (label, text) in generated_lib_rs() {
        let diagnostics = cpython_rs::testing::check_snippet("src/lib.rs", &text, &["ALL"]);
        assert!(
            diagnostics.is_empty(),
            "{label}:\n{}",
            cpython_rs::testing::render_full("src/lib.rs", &text, diagnostics)
        );
    }
}

#[test]
fn generated_code_is_rustfmt_clean() {
    // Names of different lengths must not change how rustfmt lays the file out.
    for name in ["_x", "_fastjson", "_a_rather_long_module_name_for_cpython"] {
        let (_tmp, root) = checkout();
        let tmp = tempfile::tempdir().unwrap();
        for (style, out_of_tree) in [(ApiStyle::Sys, false), (ApiStyle::Safe, false), (ApiStyle::Sys, true)] {
            let mut opts = options(&root, name);
            opts.api = Some(style);
            if out_of_tree {
                opts.cwd = tmp.path().to_path_buf();
                opts.out_of_tree = Some("proto".into());
                opts.api = None;
            }
            let prepared = prepare(&opts);
            for change in prepared.plan.written().filter(|c| c.path.ends_with(".rs")) {
                let file = tmp.path().join(format!("{style:?}-{out_of_tree}-{}", change.path.replace('/', "-")));
                std::fs::write(&file, &change.after).unwrap();
                let output = Command::new("rustfmt")
                    .args(["--edition", "2024", "--check"])
                    .arg(&file)
                    .current_dir(tmp.path())
                    .output()
                    .expect("run rustfmt");
                assert!(output.status.success(), "{name} {}: {}", change.path, String::from_utf8_lossy(&output.stdout));
            }
        }
    }
}

#[test]
fn sys_module_compiles_and_is_clippy_clean_against_the_fixture_bindings() {
    let (_tmp, root) = checkout();
    let mut opts = options(&root, "_fastjson");
    opts.api = Some(ApiStyle::Sys);
    let outcome = scaffold::execute(&prepare(&opts), &ExecuteOptions::default()).unwrap();
    assert_eq!(outcome.lock, Some(scaffold::lock::LockOutcome::Updated));
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scaffold-fixture");
    let output = Command::new("cargo")
        .args(["clippy", "--offline", "--quiet", "--locked", "-p", "_fastjson", "-p", "cpython-rust-staticlib"])
        .args(["--", "-D", "warnings"])
        .current_dir(&root)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("run cargo clippy");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn out_of_tree_twice_refuses_with_one_message() {
    let tmp = tempfile::tempdir().unwrap();
    let mut opts = options(tmp.path(), "_proto");
    opts.out_of_tree = Some("proto".into());
    run(&opts);
    let out = redact(&refusal(&opts), tmp.path());
    assert_snapshot!(out);
    opts.force = true;
    assert!(prepare(&opts).plan.changes.is_empty());
}

// ---------------------------------------------------------------------------
// The binary: exit codes and what goes to stdout and stderr.

fn binary(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_cpython-rs"))
        .arg("new-module")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run cpython-rs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_command_exits_0_on_success_and_2_on_refusal() {
    let (_tmp, root) = checkout();
    let before = tree_state(&root);
    let (code, out, err) = binary(&root.join("Modules"), &["_fastjson", "--dry-run", "--color", "never"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Dry run: nothing was written."), "{out}");
    assert_eq!(tree_state(&root), before);

    let (code, out, err) =
        binary(Path::new("/"), &["_fastjson", "--cpython", &root.display().to_string(), "--api", "sys"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Created Modules/_fastjson/src/lib.rs"), "{out}");
    assert!(out.contains("Updated Cargo.lock"), "{out}");
    assert!(out.contains("Next steps:"), "{out}");

    let (code, out, err) = binary(&root, &["_fastjson"]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("error: `_fastjson` already exists"), "{err}");

    let (code, _, err) = binary(&root, &["_fastjson", "--section", "Libary"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown NEWS section `Libary`"), "{err}");
}

#[test]
fn registrations_that_cannot_be_made_become_next_steps() {
    let (_tmp, root) = checkout();
    std::fs::remove_dir_all(root.join("PCbuild")).unwrap();
    std::fs::write(root.join("configure.ac"), "AC_INIT([python],[3.15])\nAC_OUTPUT\n").unwrap();
    let prepared = prepare(&options(&root, "_fastjson"));
    assert!(!prepared.plan.changes.iter().any(|c| c.path.starts_with("PCbuild/") || c.path == "configure.ac"));
    let steps: Vec<&str> = prepared.steps.iter().map(|s| s.title.as_str()).collect();
    assert_snapshot!(steps[..3].join("\n"));
}

#[test]
fn dry_run_and_real_run_agree_line_for_line() {
    let (_tmp, root) = checkout();
    let mut opts = options(&root, "_fastjson");
    // No public module to wire the fallback into: a warning, and a manual step.
    opts.replaces = Some("_asyncio".into());
    let prepared = prepare(&opts);
    let dry = redact(&report::plain(|out| report::write_dry_run(out, &prepared)), &root);
    let outcome = scaffold::execute(&prepared, &ExecuteOptions::default()).expect("applied");
    let real = redact(&report::plain(|out| report::write_outcome(out, &prepared, &outcome)), &root);
    let before = |text: &str, marker: &str| text[..text.find(marker).expect(marker)].to_string();
    let warnings = before(&dry, "    Planning");
    assert!(warnings.contains("warning: the fallback import of `_fastjson` was not wired"), "{warnings}");
    assert!(
        warnings.contains("looked for `Lib/_asyncio.py`, `Lib/_asyncio/__init__.py`, `Lib/asyncio.py`"),
        "{warnings}"
    );
    assert_eq!(warnings, before(&real, "    Creating"));
    let steps = |text: &str| text[text.find("Next steps:").expect("steps")..].to_string();
    assert_eq!(steps(&dry), steps(&real));
    let edited_dry: Vec<&str> = dry.lines().filter_map(|l| l.strip_prefix("+++ b/")).collect();
    let edited_real: Vec<&str> = real
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("Edited "))
        .map(|l| l.split(" (").next().unwrap_or(l))
        .collect();
    assert_eq!(edited_dry, edited_real);
    let written = prepared.plan.written().count();
    assert!(dry.contains(&format!("Would write {written} files:")), "{dry}");
    assert_eq!(real.lines().filter(|l| l.trim_start().starts_with("Created ")).count(), written);
    assert!(
        dry.contains("would add `_fastjson` to Cargo.lock") && real.contains("Updated Cargo.lock"),
        "{dry}\n{real}"
    );
}

#[test]
fn without_a_cargo_lock_neither_run_mentions_it() {
    let (_tmp, root) = checkout();
    std::fs::remove_file(root.join("Cargo.lock")).unwrap();
    let prepared = prepare(&options(&root, "_fastjson"));
    let dry = report::plain(|out| report::write_dry_run(out, &prepared));
    let outcome = scaffold::execute(&prepared, &ExecuteOptions::default()).expect("applied");
    let real = report::plain(|out| report::write_outcome(out, &prepared, &outcome));
    assert!(!dry.contains("Cargo.lock") && !real.contains("Cargo.lock"), "{dry}\n{real}");
}
