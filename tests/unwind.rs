//! UW001-UW004: unwinding ABIs, `catch_unwind` results, abort profiles, `Drop` and the thread state.

use cpython_rs::testing::{check_snippet, codes, render_snippet};
use cpython_rs_lints::CheckRequest;
use insta::assert_snapshot;

const TABLE: &str = r#"
static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef { ml_name: c"f".as_ptr(), ml_meth: PyMethodDefPointer { PyCFunction: f }, ml_flags: METH_VARARGS, ml_doc: ptr::null() },
    PyMethodDef::zeroed(),
];
"#;

fn module(body: &str) -> String {
    format!("use std::ptr;\nuse std::panic::{{self, catch_unwind, resume_unwind, AssertUnwindSafe}};\nuse pyo3_ffi::*;\n{body}{TABLE}")
}

fn uw_codes(body: &str) -> Vec<&'static str> {
    codes(&check_snippet("lib.rs", &module(body), &["UW"]))
}

fn render(body: &str) -> String {
    render_snippet("lib.rs", &module(body), &["UW"])
}

/// `check` on a fixture folder, keeping the UW findings, rendered in full.
fn render_fixture(dir: &str) -> String {
    let request = CheckRequest { paths: vec![dir.into()], ..Default::default() };
    let mut result = cpython_rs_lints::check(&request).unwrap();
    result.diagnostics.retain(|d| d.code.starts_with("UW"));
    let mut out = Vec::new();
    cpython_rs::render::full::render(&result, false, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn uw001_unwinding_abi_on_a_callback() {
    assert_snapshot!(render(
        r#"
unsafe extern "C-unwind" fn f(_m: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    PyLong_FromLong(1)
}
"#
    ));
}

#[test]
fn uw001_not_for_rust_helpers() {
    let body = r#"
pub extern "C-unwind" fn checksum(a: u32, b: u32) -> u32 {
    a ^ b
}
unsafe extern "C" fn f(_m: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    PyLong_FromLong(checksum(1, 2).into())
}
"#;
    assert_eq!(uw_codes(body), Vec::<&str>::new());
}

#[test]
fn uw002_misuses() {
    assert_snapshot!(render(
        r#"
unsafe extern "C" fn f(_m: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let _ = catch_unwind(|| 1);
    catch_unwind(|| 2);
    let three = catch_unwind(|| 3).expect("no panic");
    let r = panic::catch_unwind(AssertUnwindSafe(|| 4));
    let four = r.unwrap();
    drop(catch_unwind(|| 6));
    match catch_unwind(|| 5) {
        Ok(v) => PyLong_FromLong(v + three + four),
        Err(e) => resume_unwind(e),
    }
}
"#
    ));
}

#[test]
fn uw002_handled_results_are_clean() {
    let body = r#"
fn helper() -> i64 {
    catch_unwind(|| 1).unwrap()
}
unsafe extern "C" fn f(_m: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let r = catch_unwind(|| 1);
    if r.is_err() {
        PyErr_SetString(PyExc_RuntimeError, c"panic".as_ptr());
        return ptr::null_mut();
    }
    match catch_unwind(AssertUnwindSafe(|| helper())) {
        Ok(v) => PyLong_FromLong(v + r.unwrap_or(0)),
        Err(_) => {
            PyErr_SetString(PyExc_RuntimeError, c"panic".as_ptr());
            ptr::null_mut()
        }
    }
}
"#;
    assert_eq!(uw_codes(body), Vec::<&str>::new());
}

#[test]
fn uw003_package_profile() {
    assert_snapshot!(render_fixture("tests/fixtures/unwind/abort_profile"));
}

#[test]
fn uw003_workspace_profiles() {
    assert_snapshot!(render_fixture("tests/fixtures/unwind/workspace_abort/member"));
}

#[test]
fn uw003_workspace_root_reported_once_for_all_members() {
    let request = CheckRequest { paths: vec!["tests/fixtures/unwind/workspace_abort".into()], ..Default::default() };
    let result = cpython_rs_lints::check(&request).unwrap();
    let uw003: Vec<_> = result.diagnostics.iter().filter(|d| d.code == "UW003").collect();
    assert_eq!(uw003.len(), 2, "{uw003:#?}");
}

#[test]
fn uw003_needs_catch_unwind_outside_tests() {
    assert_eq!(render_fixture("tests/fixtures/unwind/abort_without_catch"), "");
}

#[test]
fn uw004_drop_without_thread_state() {
    assert_snapshot!(render(
        r#"
struct Owned(*mut PyObject);

impl Drop for Owned {
    fn drop(&mut self) {
        // SAFETY: owned reference.
        unsafe { Py_DECREF(self.0) }
    }
}

struct Pool {
    items: Vec<*mut PyObject>,
}

impl Pool {
    fn release_all(&mut self) {
        for item in self.items.drain(..) {
            // SAFETY: owned references.
            unsafe { Py_DECREF(item) }
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.release_all();
    }
}

unsafe extern "C" fn f(_m: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    ptr::null_mut()
}
"#
    ));
}

#[test]
fn uw004_guarded_drops_are_clean() {
    let body = r#"
struct Owned(*mut PyObject);

impl Drop for Owned {
    fn drop(&mut self) {
        // SAFETY: the state is ensured first.
        unsafe {
            let state = PyGILState_Ensure();
            Py_DECREF(self.0);
            PyGILState_Release(state);
        }
    }
}

fn ensure_attached() -> PyGILState_STATE {
    // SAFETY: may be called from any thread after initialization.
    unsafe { PyGILState_Ensure() }
}

struct Later(*mut PyObject);

impl Drop for Later {
    fn drop(&mut self) {
        let _state = ensure_attached();
        // SAFETY: attached above.
        unsafe { Py_DECREF(self.0) }
    }
}

struct Bytes(Vec<u8>);

impl Drop for Bytes {
    fn drop(&mut self) {
        self.0.clear();
    }
}

unsafe extern "C" fn f(_m: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    ptr::null_mut()
}
"#;
    assert_eq!(uw_codes(body), Vec::<&str>::new());
}

#[test]
fn uw005_macro_rules_and_quote_trampolines() {
    let text = r#"
use pyo3_ffi::*;

macro_rules! export_exec {
    (state: $state:ty, exec: $exec:path) => {
        unsafe extern "C" fn __exec(m: *mut PyObject) -> std::os::raw::c_int {
            run_exec::<$state>(m, $exec)
        }
    };
}

pub fn gen(name: &syn::Ident) -> proc_macro2::TokenStream {
    let call = quote::quote! { super::#name(ts) };
    quote::quote! {
        unsafe extern "C" fn trampoline(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
            let ts = current();
            #call
        }
    }
}
"#;
    assert_snapshot!(render_snippet("lib.rs", text, &["UW005"]));
}

#[test]
fn uw005_silent_on_caught_or_runtime_trampolines() {
    let text = r#"
use pyo3_ffi::*;

macro_rules! export_exec {
    (exec: $exec:path) => {
        unsafe extern "C" fn __exec(m: *mut PyObject) -> std::os::raw::c_int {
            std::panic::catch_unwind(|| $exec(m)).unwrap_or(-1)
        }
    };
}

pub fn gen(name: &syn::Ident) -> proc_macro2::TokenStream {
    quote::quote! {
        unsafe extern "C" fn trampoline(m: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
            pyo3::impl_::trampoline::cfunction(m, a, |py| super::#name(py))
        }
    }
}
"#;
    assert_eq!(codes(&check_snippet("lib.rs", text, &["UW005"])), Vec::<&str>::new());
}
