//! One bad file never takes a run down: every shape that once overflowed the
//! stack or cost quadratic (or exponential) time, checked in-process (a stack
//! overflow aborts this test binary) next to a file whose findings must
//! still be reported.

use std::path::Path;
use std::time::{Duration, Instant};

use cpython_rs_lints::{check, CheckRequest, Overrides};

/// A file with known findings, to prove the rest of the run goes on.
const SENTINEL: &str = include_str!("../examples/spam/src/lib.rs");

/// Nesting that needs no brackets, or does: (prefix, core, suffix) repeated.
const SHAPES: &[(&str, &str, &str, &str)] = &[
    ("generics", "Vec<", "u8", ">"),
    ("turbofish", "g::<Vec<", "u8", ">>"),
    ("trait bounds", "impl Into<", "u8", ">"),
    ("closures", "|| ", "1", ""),
    ("move closures", "move || ", "1", ""),
    ("closure parameters", "|a, b| ", "1", ""),
    ("raw pointers", "*const ", "u8", ""),
    ("fn pointers", "fn() -> ", "u8", ""),
    ("dyn Fn", "Box<dyn Fn() -> ", "u8", ">"),
    ("impl Fn", "impl Fn() -> ", "u8", ""),
    ("break", "break ", "1", ""),
    ("return", "return ", "1", ""),
    ("yield", "yield ", "1", ""),
    ("assignments", "a = ", "1", ""),
    ("box patterns", "box ", "x", ""),
    ("not", "!", "x", ""),
    ("minus", "- ", "x", ""),
    ("references", "&", "x", ""),
    ("mut references", "&mut ", "x", ""),
    ("method chains", "", "a", ".b()"),
    ("casts", "", "a", " as u8"),
    ("sums", "", "a", " + 1"),
    ("try", "", "a", "?"),
    ("ranges", ".. ", "x", ""),
    ("else if", "if a { 1 } else ", "{ 2 }", ""),
    ("calls", "Some(", "1", ")"),
    ("blocks", "unsafe { ", "1", " }"),
    ("macros", "m!(", "1", ")"),
    ("struct literals", "S { a: ", "1", " }"),
];

fn shape(prefix: &str, core: &str, suffix: &str, n: usize) -> String {
    let expr = format!("{}{core}{}", prefix.repeat(n), suffix.repeat(n));
    // Types, patterns and expressions: the same text lands in one or the other.
    if core == "u8" {
        format!("type T = {expr};\nfn f(x: {expr}) {{}}\n")
    } else if prefix == "box " {
        format!("fn f() {{ let {expr} = 1; }}\n")
    } else {
        format!("fn f() {{ let y = {expr}; }}\n")
    }
}

fn run(dir: &Path) -> (cpython_rs_lints::CheckResult, Duration) {
    let overrides = Overrides { select: Some(vec!["ALL".into()]), ..Overrides::default() };
    let request = CheckRequest { paths: vec![dir.to_path_buf()], overrides, ..CheckRequest::default() };
    let start = Instant::now();
    let result = check(&request).expect("check runs");
    (result, start.elapsed())
}

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(tmp.path().join(name), text).unwrap();
    }
    std::fs::write(tmp.path().join("sentinel.rs"), SENTINEL).unwrap();
    tmp
}

fn codes_in(result: &cpython_rs_lints::CheckResult, file: &str) -> Vec<&'static str> {
    result.diagnostics.iter().filter(|d| d.path.ends_with(file)).map(|d| d.code).collect()
}

fn assert_sentinel_reported(result: &cpython_rs_lints::CheckResult) {
    let codes = codes_in(result, "sentinel.rs");
    assert!(codes.contains(&"RC001") && codes.contains(&"PF001"), "the other file lost its findings: {codes:?}");
}

#[test]
fn every_deep_shape_gives_sy001_and_the_run_goes_on() {
    let texts: Vec<(String, String)> = SHAPES
        .iter()
        .map(|(name, prefix, core, suffix)| {
            (format!("{}.rs", name.replace(' ', "_")), shape(prefix, core, suffix, 35_000))
        })
        .collect();
    let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let tmp = tree(&files);
    let (result, _) = run(tmp.path());
    for (name, _) in &texts {
        let codes = codes_in(&result, name);
        assert_eq!(codes, ["SY001"], "{name}");
        let d = result.diagnostics.iter().find(|d| d.path.ends_with(name.as_str())).unwrap();
        assert!(d.message.starts_with("nested too deeply to analyse"), "{name}: {}", d.message);
        assert!(d.range.start > 0, "{name}: SY001 points at the place, not the file's start");
    }
    assert_sentinel_reported(&result);
}

/// The deepest `n` whose shape the pre-scan still lets through.
fn deepest_allowed(prefix: &str, core: &str, suffix: &str) -> usize {
    let (mut lo, mut hi) = (1usize, 8192);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if cpython_rs_lints::source::lex(&shape(prefix, core, suffix, mid)).too_deep.is_none() {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

#[test]
fn every_shape_just_under_the_limit_is_analysed_without_overflow() {
    let texts: Vec<(String, String)> = SHAPES
        .iter()
        .map(|(name, prefix, core, suffix)| {
            let n = deepest_allowed(prefix, core, suffix);
            assert!(n >= 500, "{name}: only {n} levels allowed");
            (format!("{}.rs", name.replace(' ', "_")), shape(prefix, core, suffix, n))
        })
        .collect();
    let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let tmp = tree(&files);
    let (result, _) = run(tmp.path());
    for (name, _) in &texts {
        assert!(!codes_in(&result, name).contains(&"SY001"), "{name}: {:?}", codes_in(&result, name));
    }
    assert!(result.internal_errors.is_empty(), "{:?}", result.internal_errors);
    assert_sentinel_reported(&result);
}

#[test]
fn attribute_chains_are_flat() {
    // syn keeps an item's or expression's attributes in a list: 35,000 of them nest nothing.
    let text = format!(
        "fn f() {{ let y = {}x; }}\n#[no_mangle]\n{}pub extern \"C\" fn g() {{}}\n",
        "#[a] ".repeat(35_000),
        "#[doc = \"x\"]\n".repeat(35_000)
    );
    let tmp = tree(&[("attributes.rs", &text)]);
    let (result, took) = run(tmp.path());
    assert!(took < Duration::from_secs(20), "{took:?}");
    assert!(!codes_in(&result, "attributes.rs").contains(&"SY001"), "{:?}", codes_in(&result, "attributes.rs"));
    assert_sentinel_reported(&result);
}

#[test]
fn glob_imports_are_expanded_once() {
    // Before: exponential in the number of globs (22 globs took 41 s).
    let globs: String = (0..22).map(|i| format!("use m{i}::*;\n")).collect();
    let text = format!(
        "{globs}struct Y;\nimpl Y {{ fn new(_: i32) -> Y {{ Y }} }}\n#[no_mangle]\npub extern \"C\" fn cb(_s: *mut \
         PyObject) -> *mut PyObject {{ X::new(1); std::ptr::null_mut() }}\n"
    );
    let tmp = tree(&[("globs.rs", &text)]);
    let (result, took) = run(tmp.path());
    assert!(took < Duration::from_secs(20), "{took:?}");
    assert_sentinel_reported(&result);
}

#[test]
fn nested_unsafe_blocks_are_linear() {
    // Before: each level asked the level below twice (2^n).
    let n = 200;
    let text = format!(
        "pub extern \"C\" fn f(o: *mut PyObject) -> *mut PyObject {{ let x = {}Py_DECREF(o){}; o }}\n",
        "unsafe { ".repeat(n),
        " }".repeat(n)
    );
    let tmp = tree(&[("unsafe.rs", &text)]);
    let (result, took) = run(tmp.path());
    assert!(took < Duration::from_secs(20), "{took:?}");
    assert!(!codes_in(&result, "unsafe.rs").contains(&"SY001"));
    assert_sentinel_reported(&result);
}

#[test]
fn nested_calls_in_a_callback_crate_are_not_quadratic() {
    // Before: every call rendered its arguments as text, 4 s per function at 3,000 levels.
    let n = 1500;
    let text = format!(
        "extern \"C\" {{ fn PyLong_FromLong(v: i64) -> *mut PyObject; }}\n#[no_mangle]\npub extern \"C\" fn f() {{ let x = \
         {}1{}; }}\n",
        "Some(".repeat(n),
        ")".repeat(n)
    );
    let tmp = tree(&[("some.rs", &text)]);
    let (result, took) = run(tmp.path());
    assert!(took < Duration::from_secs(20), "{took:?}");
    assert!(!codes_in(&result, "some.rs").contains(&"SY001"));
    assert_sentinel_reported(&result);
}

#[test]
fn huge_integer_literals_are_rejected_without_quadratic_work() {
    // Before: syn's conversion took 20 s for 100,000 digits; rustc rejects any integer this long.
    let text = format!("fn f() -> u64 {{ {} }}\n", "9".repeat(100_000));
    let tmp = tree(&[("big.rs", &text)]);
    let (result, took) = run(tmp.path());
    assert!(took < Duration::from_secs(20), "{took:?}");
    let d = result.diagnostics.iter().find(|d| d.path.ends_with("big.rs")).expect("reported");
    assert_eq!(d.code, "SY001");
    assert!(d.message.contains("integer literal is too large"), "{}", d.message);
    assert_sentinel_reported(&result);
}

#[cfg(unix)]
#[test]
fn special_files_are_reported_and_never_opened() {
    let tmp = tree(&[]);
    let fifo = tmp.path().join("pipe.rs");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // Reading a FIFO with no writer would block for ever; the run must not.
    let (result, _) = run(tmp.path());
    let d = result.diagnostics.iter().find(|d| d.path.ends_with("pipe.rs")).expect("the FIFO is reported");
    assert_eq!(d.code, "IO001");
    assert!(d.message.contains("FIFO"), "{}", d.message);
    assert_sentinel_reported(&result);
    // Named on the command line, too.
    let overrides = Overrides { select: Some(vec!["ALL".into()]), ..Overrides::default() };
    let request = CheckRequest { paths: vec![fifo.clone()], overrides, ..CheckRequest::default() };
    let result = check(&request).expect("check runs");
    assert_eq!(result.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), ["IO001"]);
}

#[test]
fn configs_that_cannot_be_read_are_errors_naming_the_file() {
    let tmp = tree(&[]);
    std::fs::create_dir(tmp.path().join("cpython-rs.toml")).unwrap();
    let err = run_err(tmp.path(), None);
    assert!(err.contains("cpython-rs.toml") && err.contains("directory"), "{err}");

    let tmp = tree(&[]);
    std::fs::write(tmp.path().join("Cargo.toml"), "[package\nname = ").unwrap();
    let err = run_err(tmp.path(), None);
    assert!(err.contains("Cargo.toml"), "{err}");

    if Path::new("/dev/zero").exists() {
        let tmp = tree(&[]);
        let err = run_err(tmp.path(), Some(Path::new("/dev/zero")));
        assert!(err.contains("/dev/zero") && err.contains("device"), "{err}");
    }
}

fn run_err(dir: &Path, config: Option<&Path>) -> String {
    let overrides = Overrides { config: config.map(Path::to_path_buf), ..Overrides::default() };
    let request = CheckRequest { paths: vec![dir.to_path_buf()], overrides, ..CheckRequest::default() };
    match check(&request) {
        Ok(_) => panic!("expected a config error"),
        Err(e) => e.to_string(),
    }
}
