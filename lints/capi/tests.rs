//! The three layers together: the reader on an excerpt of CPython's
//! `refcounts.dat` kept in the repository (`testdata/refcounts.dat`, copied
//! verbatim), and on the whole real file when one is at hand.
//!
//! The whole file is not part of the repository. Tests that need it read the
//! path in `CPYTHON_RS_REFCOUNTS_DAT`, else `shared/data/refcounts.dat` in an
//! ancestor folder (where the project's own CI lays it out), and otherwise say
//! on stderr that they skip: a lone clone must pass `cargo test`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use super::refcounts;
use super::{ApiTable, Failure, Returns, Steal, UserFunction};

/// Functions whose return refcounts.dat gets wrong, with the reason.
const DAT_RETURN_ERRORS: &[(&str, &str)] = &[
    ("Py_NewRef", "the .dat says void; the header returns its argument as a new reference"),
    ("Py_XNewRef", "the .dat says void; the header returns its argument as a new reference"),
    ("PyObject_Init", "the .dat's 0 means no incref; Init sets fresh memory's count to 1 and the caller owns it"),
    ("PyObject_InitVar", "the .dat's 0 means no incref; Init sets fresh memory's count to 1 and the caller owns it"),
];

/// 13 blocks of CPython's file with its header, formatted as CPython formats it.
const EXCERPT: &str = include_str!("testdata/refcounts.dat");

/// CPython's whole `refcounts.dat`, or `None` after saying on stderr (past the
/// test harness's capture) that `test` is skipped.
fn real_dat(test: &str) -> Option<String> {
    let path = match std::env::var_os("CPYTHON_RS_REFCOUNTS_DAT") {
        Some(path) => Some(PathBuf::from(path)),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|dir| dir.join("shared/data/refcounts.dat"))
            .find(|path| path.is_file()),
    };
    let Some(path) = path else {
        let _ = writeln!(
            std::io::stderr(),
            "skipped {test}: no CPython refcounts.dat (set CPYTHON_RS_REFCOUNTS_DAT or put one in ../shared/data)"
        );
        return None;
    };
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// The excerpt, and the whole file when there is one.
fn every_dat(test: &str) -> Vec<String> {
    std::iter::once(EXCERPT.to_string()).chain(real_dat(test)).collect()
}

#[test]
fn loader_reads_the_excerpt_exactly() {
    let parsed = refcounts::parse(EXCERPT);
    let names: Vec<&str> = parsed.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "PyCapsule_GetPointer",
            "PyCodec_Encode",
            "PyDict_GetItem",
            "PyErr_Format",
            "PyErr_SetRaisedException",
            "PyErr_Restore",
            "PyList_Append",
            "PyList_GetItem",
            "PyList_New",
            "PyObject_Init",
            "PySet_Discard",
            "PyTuple_SetItem",
            "Py_NewRef",
        ]
    );
}

#[test]
fn loader_reads_every_function_of_the_real_dat() {
    let Some(dat) = real_dat("loader_reads_every_function_of_the_real_dat") else { return };
    let parsed = refcounts::parse(&dat);
    assert!((790..=820).contains(&parsed.len()), "parsed {} functions", parsed.len());
}

#[test]
fn loader_reads_returns_failures_and_steals() {
    for dat in every_dat("loader_reads_returns_failures_and_steals (on the whole file)") {
        let parsed = refcounts::parse(&dat);
        let get = |name: &str| parsed.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(get("PyList_GetItem").returns, Returns::Borrowed);
        assert_eq!(get("PyList_New").returns, Returns::New);
        assert_eq!(get("PyList_New").failure, Failure::Null);
        assert_eq!(get("PyCapsule_GetPointer").returns, Returns::NonObject);
        assert_eq!(get("PyList_Append").returns, Returns::Value);
        assert!(get("PyErr_Format").sets_exception);
        assert_eq!(get("PyErr_Restore").steals.len(), 3);
        assert_eq!(get("PyErr_SetRaisedException").steal(0), Some(Steal::Always));
    }
}

#[test]
fn curated_returns_agree_with_the_dat() {
    assert!(curated_agreement(EXCERPT) >= 10);
    if let Some(real) = real_dat("curated_returns_agree_with_the_dat (on the whole file)") {
        let shared = curated_agreement(&real);
        assert!(shared >= 300, "only {shared} functions in both");
    }
}

/// How many functions the curated table and `text` both describe; panics
/// unless they agree on every return, known errors of the .dat aside.
fn curated_agreement(text: &str) -> usize {
    let curated = ApiTable::curated();
    let mut disagreements = Vec::new();
    let mut shared = 0;
    for dat in refcounts::parse(text) {
        let Some(ours) = curated.get(&dat.name) else { continue };
        shared += 1;
        let known = DAT_RETURN_ERRORS.iter().any(|(name, _)| *name == dat.name);
        if (ours.returns != dat.returns) != known {
            disagreements.push(format!("{}: curated {:?}, refcounts.dat {:?}", dat.name, ours.returns, dat.returns));
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    shared
}

#[test]
fn every_steal_marked_in_the_dat_is_curated() {
    let curated = ApiTable::curated();
    for text in every_dat("every_steal_marked_in_the_dat_is_curated (on the whole file)") {
        for dat in refcounts::parse(&text).iter().filter(|f| !f.steals.is_empty()) {
            assert!(curated.get(&dat.name).is_some(), "{} has a -1 parameter but is not curated", dat.name);
        }
    }
}

#[test]
fn refcounts_fill_gaps_without_overriding_curated_entries() {
    let curated = ApiTable::curated();
    let mut table = curated.clone();
    table.fill_from_refcounts(EXCERPT);
    assert!(table.len() > curated.len());
    for f in curated.iter() {
        assert_eq!(table.get(&f.name), Some(f), "{} was overridden", f.name);
    }
    let codec = table.get("PyCodec_Encode").expect("filled from refcounts.dat");
    assert_eq!((codec.returns, codec.failure), (Returns::New, Failure::Null));
    // The .dat's -1 on PySet_Discard's key is not a steal; the curated row wins.
    assert!(table.get("PySet_Discard").is_some_and(|f| f.steals.is_empty()));
}

#[test]
fn user_functions_override_every_layer() {
    let mut table = ApiTable::curated().clone();
    table.fill_from_refcounts(EXCERPT);
    let mut user = BTreeMap::new();
    user.insert("my_get".to_string(), UserFunction { returns: Some(Returns::Borrowed), ..Default::default() });
    user.insert(
        "PyList_Append".to_string(),
        UserFunction { steals: vec![1], needs_thread_state: Some(false), ..Default::default() },
    );
    user.insert("PyCodec_Encode".to_string(), UserFunction { returns: Some(Returns::Value), ..Default::default() });
    table.add_user_functions(&user);

    let mine = table.get("my_get").expect("user function added");
    assert_eq!(mine.returns, Returns::Borrowed);
    assert!(mine.needs_thread_state);
    let append = table.get("PyList_Append").expect("curated");
    assert_eq!(append.steal(1), Some(Steal::Always));
    assert!(!append.needs_thread_state);
    assert_eq!(append.failure, Failure::MinusOne, "unspecified fields keep the curated value");
    assert_eq!(table.get("PyCodec_Encode").map(|f| f.returns), Some(Returns::Value));
}

#[test]
fn loader_survives_mangled_input() {
    for dat in every_dat("loader_survives_mangled_input (on the whole file)") {
        survives_mangling(&dat);
    }
}

fn survives_mangling(dat: &str) {
    // Parameter lines before their return line are ignored; every return line still counts.
    let reversed: Vec<&str> = dat.lines().rev().collect();
    assert_eq!(refcounts::parse(&reversed.join("\n")).len(), refcounts::parse(dat).len());
    // Truncated and chopped lines never panic.
    let chopped: String = dat.chars().enumerate().filter(|(i, _)| i % 7 != 3).map(|(_, c)| c).collect();
    let _ = refcounts::parse(&chopped);
    for cut in [1, 5, 17, 40] {
        let truncated: Vec<String> = dat.lines().map(|l| l.chars().take(cut).collect()).collect();
        let _ = refcounts::parse(&truncated.join("\r\n"));
    }
}
