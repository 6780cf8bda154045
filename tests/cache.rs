//! The result cache: what a cached run reports is what an uncached run
//! reports, an edit re-analyses exactly the crate it touches, and a cache
//! that is corrupt or cannot be written changes nothing but the speed.

use std::path::{Path, PathBuf};
use std::process::Command;

use cpython_rs_lints::{CheckRequest, CheckResult, Overrides};

fn request(paths: &[PathBuf], cache_dir: Option<&Path>, cache: bool) -> CheckRequest {
    CheckRequest {
        paths: paths.to_vec(),
        overrides: Overrides {
            select: Some(vec!["ALL".into()]),
            cache_dir: cache_dir.map(Path::to_path_buf),
            ..Default::default()
        },
        cache,
        ..Default::default()
    }
}

fn run(paths: &[PathBuf], cache_dir: Option<&Path>, cache: bool) -> CheckResult {
    cpython_rs_lints::check(&request(paths, cache_dir, cache)).expect("check runs")
}

/// Everything a renderer uses: the findings, and the text of every file they cite.
fn rendered(result: &CheckResult) -> (Vec<cpython_rs_lints::Diagnostic>, Vec<(PathBuf, String)>, usize) {
    let cited: Vec<(PathBuf, String)> = result
        .diagnostics
        .iter()
        .flat_map(|d| std::iter::once(&d.path).chain(d.labels.iter().map(|l| &l.path)))
        .map(|p| (p.to_path_buf(), result.sources.get(p).map(|s| s.text.to_string()).expect("cited text is kept")))
        .collect();
    (result.diagnostics.clone(), cited, result.files_failed)
}

#[test]
fn cached_runs_report_what_uncached_runs_report_on_the_corpus() {
    let corpus = vec![PathBuf::from("tests/corpus")];
    let cache = tempfile::tempdir().expect("tempdir");
    let uncached = run(&corpus, None, false);
    assert!(!uncached.diagnostics.is_empty());

    let cold = run(&corpus, Some(cache.path()), true);
    assert_eq!(cold.jobs_cached, 0);
    assert!(cold.jobs_analysed > 100, "the corpus is many crates: {}", cold.jobs_analysed);
    let warm = run(&corpus, Some(cache.path()), true);
    assert_eq!(warm.jobs_analysed, 0, "an unchanged tree is not analysed again");
    assert_eq!(warm.jobs_cached, cold.jobs_analysed);

    assert_eq!(rendered(&cold), rendered(&uncached));
    assert_eq!(rendered(&warm), rendered(&uncached));
    assert_eq!(warm.files_checked, uncached.files_checked);
}

/// Two crates; the first has a module file of its own.
fn two_crates(dir: &Path) -> Vec<PathBuf> {
    let spam = include_str!("../examples/spam/src/lib.rs");
    for (path, text) in [
        ("one/Cargo.toml", "[package]\nname = \"one\"\nversion = \"0.1.0\"\n"),
        ("one/src/lib.rs", &format!("mod helper;\n{spam}")),
        ("one/src/helper.rs", "pub fn helper() -> i32 { 1 }\n"),
        ("two/Cargo.toml", "[package]\nname = \"two\"\nversion = \"0.1.0\"\n"),
        ("two/src/lib.rs", spam),
    ] {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    vec![dir.join("one"), dir.join("two")]
}

#[test]
fn changing_one_file_reanalyses_only_its_crate() {
    let tree = tempfile::tempdir().expect("tempdir");
    let paths = two_crates(tree.path());
    let cache = tempfile::tempdir().expect("tempdir");
    let cold = run(&paths, Some(cache.path()), true);
    assert_eq!((cold.jobs_analysed, cold.jobs_cached), (2, 0));

    // A leak added to the module file: only crate `one` is analysed again, and the new finding shows.
    let leak = "use pyo3_ffi::*;\npub unsafe fn leak() -> i32 {\n    let list = unsafe { PyList_New(0) };\n    \
                if list.is_null() { return -1; }\n    0\n}\n";
    std::fs::write(tree.path().join("one/src/helper.rs"), leak).expect("write");
    let edited = run(&paths, Some(cache.path()), true);
    assert_eq!((edited.jobs_analysed, edited.jobs_cached), (1, 1));
    let uncached = run(&paths, None, false);
    assert_eq!(rendered(&edited), rendered(&uncached));
    assert!(
        edited.diagnostics.iter().any(|d| d.code == "RC001" && d.path.ends_with("helper.rs")),
        "the edit's finding is reported"
    );
    assert!(edited.diagnostics.len() > cold.diagnostics.len());

    // A change to the package manifest (UW003 reads it) re-analyses that crate too.
    std::fs::write(tree.path().join("two/Cargo.toml"), "[package]\nname = \"two\"\nversion = \"0.2.0\"\n")
        .expect("write");
    let manifest = run(&paths, Some(cache.path()), true);
    assert_eq!((manifest.jobs_analysed, manifest.jobs_cached), (1, 1));
}

#[test]
fn corrupt_entries_are_ignored_and_rewritten() {
    let tree = tempfile::tempdir().expect("tempdir");
    let paths = two_crates(tree.path());
    let cache = tempfile::tempdir().expect("tempdir");
    let first = run(&paths, Some(cache.path()), true);
    let entries: Vec<PathBuf> = std::fs::read_dir(cache.path())
        .expect("cache written")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(entries.len(), 2);
    std::fs::write(&entries[0], "{ not json").expect("write");
    std::fs::write(&entries[1], "").expect("write");

    let again = run(&paths, Some(cache.path()), true);
    assert_eq!((again.jobs_analysed, again.jobs_cached), (2, 0));
    assert_eq!(rendered(&again), rendered(&first));
    let rewritten = run(&paths, Some(cache.path()), true);
    assert_eq!((rewritten.jobs_analysed, rewritten.jobs_cached), (0, 2));
    assert_eq!(rendered(&rewritten), rendered(&first));
}

#[test]
fn a_cache_that_cannot_be_written_is_skipped_silently() {
    let tree = tempfile::tempdir().expect("tempdir");
    let paths = two_crates(tree.path());
    // A folder below a regular file can never be created.
    let blocker = tree.path().join("not-a-folder");
    std::fs::write(&blocker, "").expect("write");
    let cache = blocker.join("cache");
    let first = run(&paths, Some(&cache), true);
    assert!(first.internal_errors.is_empty());
    let second = run(&paths, Some(&cache), true);
    assert_eq!((second.jobs_analysed, second.jobs_cached), (2, 0));
    assert_eq!(rendered(&second), rendered(&run(&paths, None, false)));
}

#[test]
fn the_default_cache_lives_at_the_project_root_and_ignores_itself() {
    let tree = tempfile::tempdir().expect("tempdir");
    let paths = two_crates(tree.path());
    run(&paths, None, true);
    for project in ["one", "two"] {
        let dir = tree.path().join(project).join(".cpython-rs-cache");
        let gitignore = std::fs::read_to_string(dir.join(".gitignore")).expect("a .gitignore in the cache");
        assert!(gitignore.lines().any(|l| l == "*"), "{gitignore}");
    }
    let warm = run(&paths, None, true);
    assert_eq!((warm.jobs_analysed, warm.jobs_cached), (0, 2));
    // Without the cache nothing is read or written.
    let fresh = tempfile::tempdir().expect("tempdir");
    let paths = two_crates(fresh.path());
    run(&paths, None, false);
    assert!(!fresh.path().join("one/.cpython-rs-cache").exists());
}

/// The command line, as a user runs it, with a given number of worker threads.
fn cli_json(threads: usize, extra: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cpython-rs"))
        .args(["check", "tests/corpus", "--select", "ALL", "--output-format", "json"])
        .args(extra)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .output()
        .expect("run cpython-rs");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn output_is_identical_across_thread_counts_and_with_the_cache() {
    let cache = tempfile::tempdir().expect("tempdir");
    let cache_dir = cache.path().to_str().expect("utf-8 path");
    let one = cli_json(1, &["--no-cache"]);
    assert!(one.len() > 1000);
    assert_eq!(cli_json(2, &["--no-cache"]), one);
    assert_eq!(cli_json(4, &["--no-cache"]), one);
    assert_eq!(cli_json(3, &["--cache-dir", cache_dir]), one, "cold cache");
    assert_eq!(cli_json(1, &["--cache-dir", cache_dir]), one, "warm cache");
}
