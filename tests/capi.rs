//! The C-API table as `check` builds it: curated rows, a checkout's
//! `Doc/data/refcounts.dat`, and the user's `[api.functions]`.

use std::path::Path;

use cpython_rs_lints::capi::{ApiTable, Failure, RefOp, Returns, Steal};
use cpython_rs_lints::settings::{self, ConfigFile};
use cpython_rs_lints::Overrides;

/// An excerpt of CPython's `Doc/data/refcounts.dat`, copied verbatim.
const EXCERPT: &str = include_str!("../lints/capi/testdata/refcounts.dat");

/// A directory that looks like a CPython checkout to `checkout::find_checkout`.
fn fake_checkout(dat: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write("Include/Python.h", "");
    write("Python/ceval.c", "");
    write("README.rst", "This is Python version 3.15.0 alpha 0\n");
    if let Some(dat) = dat {
        write("Doc/data/refcounts.dat", dat);
    }
    dir
}

fn api_for(root: &Path, config: &str) -> ApiTable {
    let config: ConfigFile = toml::from_str(config).expect("valid config");
    let settings = settings::resolve(None, root.to_path_buf(), &config, &Overrides::default()).expect("settings");
    (*settings.api).clone()
}

#[test]
fn curated_table_covers_the_common_api() {
    let api = ApiTable::curated();
    assert!(api.len() >= 400, "{} curated functions", api.len());

    let get = |name: &str| api.get(name).unwrap_or_else(|| panic!("{name} is not curated"));
    assert_eq!(get("PyTuple_SetItem").steal(2), Some(Steal::Always));
    assert_eq!(get("PyList_SetItem").steal(2), Some(Steal::Always));
    assert_eq!(get("PyModule_AddObject").steal(2), Some(Steal::OnSuccess));
    assert_eq!(get("PyModule_Add").steal(2), Some(Steal::Always));
    assert!(get("PyModule_Add").accepts_null_steal);
    assert_eq!(get("PyList_GetItem").returns, Returns::Borrowed);
    assert_eq!(get("PyList_GetItem").borrowed_from, Some(0));
    assert_eq!(get("PyDict_GetItem").returns, Returns::Borrowed);
    assert_eq!(get("PyDict_GetItem").strong_replacement, Some("PyDict_GetItemRef"));
    assert_eq!(get("PyLong_AsLong").failure, Failure::Ambiguous);
    assert_eq!(get("PyCapsule_GetPointer").returns, Returns::NonObject);
    assert_eq!(get("PyMem_Malloc").returns, Returns::NonObject);
    assert!(!get("PyGILState_Ensure").needs_thread_state);
    assert!(!get("PyEval_RestoreThread").needs_thread_state);
    assert!(get("PyEval_SaveThread").needs_thread_state);
    assert_eq!(get("Py_XDECREF").refop, Some(RefOp::XDecref));
    assert_eq!(get("PyArg_ParseTuple").failure, Failure::Zero);
}

#[test]
fn settings_outside_a_checkout_use_the_curated_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let api = api_for(dir.path(), "");
    assert_eq!(api.len(), ApiTable::curated().len());
    assert!(api.get("PyCodec_Encode").is_none());
}

#[test]
fn a_checkout_refcounts_dat_fills_gaps_only() {
    let checkout = fake_checkout(Some(EXCERPT));
    let api = api_for(checkout.path(), "");
    assert!(api.len() > ApiTable::curated().len());
    let codec = api.get("PyCodec_Encode").expect("filled from Doc/data/refcounts.dat");
    assert_eq!((codec.returns, codec.failure), (Returns::New, Failure::Null));
    for f in ApiTable::curated().iter() {
        assert_eq!(api.get(&f.name), Some(f), "{} was overridden by refcounts.dat", f.name);
    }
}

#[test]
fn a_broken_refcounts_dat_is_harmless() {
    let checkout = fake_checkout(Some("PyFoo:PyObject*::+1\n\u{1}:::\nno colons\nPyBar:PyObject*::?:\n"));
    let api = api_for(checkout.path(), "");
    assert_eq!(api.get("PyFoo").map(|f| f.returns), Some(Returns::New));
    assert!(api.get("PyBar").is_none());
    assert_eq!(api.len(), ApiTable::curated().len() + 1);
}

#[test]
fn user_functions_override_curated_and_refcounts_entries() {
    let checkout = fake_checkout(Some(EXCERPT));
    let api = api_for(
        checkout.path(),
        r#"
        [api.functions]
        my_get = { returns = "borrowed" }
        my_new = { returns = "new" }
        my_add = { steals-on-success = [2], failure = "minus-one" }
        PyList_Append = { steals = [1] }
        PyCodec_Encode = { returns = "none" }
        "#,
    );
    let get = |name: &str| api.get(name).unwrap_or_else(|| panic!("{name} missing"));
    assert_eq!(get("my_get").returns, Returns::Borrowed);
    assert_eq!((get("my_new").returns, get("my_new").failure), (Returns::New, Failure::Null));
    assert_eq!(get("my_add").steal(2), Some(Steal::OnSuccess));
    assert_eq!(get("my_add").failure, Failure::MinusOne);
    assert_eq!(get("PyList_Append").steal(1), Some(Steal::Always));
    assert_eq!(get("PyList_Append").failure, Failure::MinusOne);
    assert_eq!(get("PyCodec_Encode").returns, Returns::Value);
}
