//! The three layers together, against CPython's real `refcounts.dat`
//! (`../shared/data/refcounts.dat` next to the repository, as CI lays it out).

use std::collections::BTreeMap;
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

/// `shared/data/refcounts.dat` in the nearest ancestor of this crate that has one
/// (`<repo>/../shared` in CI and in the main checkout, also reachable from a worktree).
fn shared_dat() -> String {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = manifest
        .ancestors()
        .map(|dir| dir.join("shared/data/refcounts.dat"))
        .find(|path| path.is_file())
        .unwrap_or_else(|| panic!("no shared/data/refcounts.dat above {}", manifest.display()));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn loader_reads_every_function_of_the_shared_dat() {
    let parsed = refcounts::parse(&shared_dat());
    assert!((790..=820).contains(&parsed.len()), "parsed {} functions", parsed.len());
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

#[test]
fn curated_returns_agree_with_the_shared_dat() {
    let curated = ApiTable::curated();
    let mut disagreements = Vec::new();
    let mut shared = 0;
    for dat in refcounts::parse(&shared_dat()) {
        let Some(ours) = curated.get(&dat.name) else { continue };
        shared += 1;
        let known = DAT_RETURN_ERRORS.iter().any(|(name, _)| *name == dat.name);
        if (ours.returns != dat.returns) != known {
            disagreements.push(format!("{}: curated {:?}, refcounts.dat {:?}", dat.name, ours.returns, dat.returns));
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    assert!(shared >= 300, "only {shared} functions in both");
}

#[test]
fn every_steal_marked_in_the_dat_is_curated() {
    let curated = ApiTable::curated();
    for dat in refcounts::parse(&shared_dat()).iter().filter(|f| !f.steals.is_empty()) {
        assert!(curated.get(&dat.name).is_some(), "{} has a -1 parameter but is not curated", dat.name);
    }
}

#[test]
fn refcounts_fill_gaps_without_overriding_curated_entries() {
    let curated = ApiTable::curated();
    let mut table = curated.clone();
    table.fill_from_refcounts(&shared_dat());
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
    table.fill_from_refcounts(&shared_dat());
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
    let dat = shared_dat();
    // Parameter lines before their return line are ignored; every return line still counts.
    let reversed: Vec<&str> = dat.lines().rev().collect();
    assert_eq!(refcounts::parse(&reversed.join("\n")).len(), refcounts::parse(&dat).len());
    // Truncated and chopped lines never panic.
    let chopped: String = dat.chars().enumerate().filter(|(i, _)| i % 7 != 3).map(|(_, c)| c).collect();
    let _ = refcounts::parse(&chopped);
    for cut in [1, 5, 17, 40] {
        let truncated: Vec<String> = dat.lines().map(|l| l.chars().take(cut).collect()).collect();
        let _ = refcounts::parse(&truncated.join("\r\n"));
    }
}
