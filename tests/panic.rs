//! PF001 and PF002: panicking constructs in callbacks, directly and through the call graph.

use cpython_rs::testing::{check_snippet, codes, render_full, render_snippet};
use cpython_rs_lints::settings::{self, ConfigFile, Overrides, PanicConfig};
use cpython_rs_lints::CheckRequest;
use insta::assert_snapshot;

/// A method table registering `f` (METH_VARARGS) and `g` (METH_O).
const TABLE: &str = r#"
static mut METHODS: [PyMethodDef; 3] = [
    PyMethodDef { ml_name: c"f".as_ptr(), ml_meth: PyMethodDefPointer { PyCFunction: f }, ml_flags: METH_VARARGS, ml_doc: ptr::null() },
    PyMethodDef { ml_name: c"g".as_ptr(), ml_meth: PyMethodDefPointer { PyCFunction: g }, ml_flags: METH_O, ml_doc: ptr::null() },
    PyMethodDef::zeroed(),
];
"#;

fn module(body: &str) -> String {
    format!("use std::ptr;\nuse pyo3_ffi::*;\n{body}{TABLE}")
}

fn pf_codes(body: &str) -> Vec<&'static str> {
    codes(&check_snippet("lib.rs", &module(body), &["PF"]))
}

fn render(body: &str) -> String {
    render_snippet("lib.rs", &module(body), &["PF"])
}

#[test]
fn pf001_each_construct() {
    assert_snapshot!(render(
        r#"
unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let n = PyTuple_Size(args);
    let items: Vec<i64> = vec![1, 2, 3];
    let first = items[0];
    let per = 100 / n;
    let rest = 7 % n;
    let text = std::str::from_utf8(b"1").unwrap();
    let v: i64 = text.parse().expect("a number");
    assert_eq!(first, 1);
    debug_assert!(per >= 0);
    if n > 10 {
        unreachable!("too many");
    }
    let cell = std::cell::RefCell::new(0);
    *cell.borrow_mut() += 1;
    PyLong_FromLongLong(v + rest)
}
unsafe extern "C" fn g(_m: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    todo!()
}
"#
    ));
}

#[test]
fn pf001_guarded_code_is_clean() {
    let body = r#"
use std::panic::{catch_unwind, AssertUnwindSafe};

fn run<F: FnOnce() -> *mut PyObject>(f: F) -> *mut PyObject {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(obj) => obj,
        Err(_) => {
            // SAFETY: callbacks hold a thread state.
            unsafe { PyErr_SetString(PyExc_RuntimeError, c"panic".as_ptr()) };
            ptr::null_mut()
        }
    }
}

unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    run(|| PyLong_FromLong(vec![1][5] / PyTuple_Size(args) as i64))
}
unsafe extern "C" fn g(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let body = || PyLong_FromLong(Some(1).unwrap());
    match catch_unwind(body) {
        Ok(v) => v,
        Err(_) => ptr::null_mut(),
    }
}
"#;
    assert_eq!(pf_codes(body), Vec::<&str>::new());
}

#[test]
fn pf001_near_misses_are_clean() {
    let body = r#"
unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let x = PyFloat_AsDouble(args);
    let y: f64 = 3.0;
    let ratio = x / y;
    let n = PyTuple_Size(args);
    let half = n / 2;
    let safe = if n == 0 { 0 } else { 10 / n };
    let arr = [1u8, 2, 3];
    let a = arr[2];
    let v = vec![4u8];
    let b = v.get(3).copied().unwrap_or(0);
    let c = Some(5u8).unwrap_or_default();
    let d: Option<u8> = None;
    let e = d.unwrap_or_else(|| 1);
    let s = &v[..];
    let quad = [0u8; 4];
    let whole = &quad[..4];
    let tail = &quad[2..];
    let nz: std::num::NonZeroU32 = std::num::NonZeroU32::MIN;
    let per = 12u32 / nz.get();
    let m = match n {
        0 => 0,
        d => 100 / d,
    };
    let parts = whole.len() + tail.len() + (per as usize) + m as usize;
    PyFloat_FromDouble(ratio + (half + safe) as f64 + (a + b + c + e + s.len() as u8) as f64 + parts as f64)
}
unsafe extern "C" fn g(_m: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    let total: i64 = 10;
    let count = 3;
    let sum = total + count;
    let value = std::rc::Rc::new(5);
    let borrowed: &i64 = std::borrow::Borrow::borrow(&value);
    PyLong_FromLongLong(sum * *borrowed)
}

#[cfg(test)]
mod tests {
    #[test]
    fn helper() {
        assert!(Some(1).unwrap() == 1);
    }
}
"#;
    assert_eq!(pf_codes(body), Vec::<&str>::new());
}

#[test]
fn pf001_checks_that_do_not_guard() {
    assert_snapshot!(render(
        r#"
unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let n = PyTuple_Size(args);
    if n < 0 {
        return ptr::null_mut();
    }
    let per = 100 / n;
    let v: Vec<i64> = vec![1, 2];
    let i = per as usize;
    if i > v.len() {
        return ptr::null_mut();
    }
    if v.len() < 1 {
        return ptr::null_mut();
    }
    PyLong_FromLongLong(v[i] + v[1])
}
unsafe extern "C" fn g(_m: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    ptr::null_mut()
}
"#
    ));
}

#[test]
fn pf001_refcell_needs_a_known_refcell() {
    let body = r#"
use std::cell::RefCell;

struct Cache {
    entries: RefCell<Vec<u8>>,
}

struct Plain;

impl Plain {
    fn borrow_mut(&self) -> u8 {
        0
    }
}

unsafe extern "C" fn f(slf: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let cache = &*(slf as *const Cache);
    cache.entries.borrow_mut().push(1);
    ptr::null_mut()
}
unsafe extern "C" fn g(_m: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    let plain = Plain;
    let n = plain.borrow_mut();
    PyLong_FromLong(n.into())
}
"#;
    assert_snapshot!(render(body));
}

#[test]
fn catch_unwind_unwrap_is_uw002_only() {
    let body = r#"
unsafe extern "C" fn f(_m: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let v = std::panic::catch_unwind(|| 1).unwrap();
    PyLong_FromLong(v)
}
unsafe extern "C" fn g(_m: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    ptr::null_mut()
}
"#;
    let found = check_snippet("lib.rs", &module(body), &["PF", "UW"]);
    assert_eq!(codes(&found), vec!["UW002"]);
}

#[test]
fn pf002_reports_the_chain() {
    let body = r#"
mod parse {
    pub fn number(text: &str) -> i64 {
        digits(text)
    }

    fn digits(text: &str) -> i64 {
        text.parse().unwrap()
    }
}

use self::parse::number as parse_number;

unsafe extern "C" fn f(_m: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    PyLong_FromLongLong(parse_number("12"))
}
unsafe extern "C" fn g(_m: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    PyLong_FromLongLong(crate::parse::number("3"))
}
"#;
    assert_snapshot!(render(body));
}

#[test]
fn pf002_stays_silent_when_unsure_or_guarded() {
    let body = r#"
trait Source {
    fn next(&mut self) -> i64;
}

fn pull(source: &mut dyn Source) -> i64 {
    source.next()
}

fn explode() -> i64 {
    panic!("boom")
}

fn cycle_a(n: u32) -> u32 {
    if n == 0 { 0 } else { cycle_b(n - 1) }
}

fn cycle_b(n: u32) -> u32 {
    cycle_a(n)
}

unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let guarded = std::panic::catch_unwind(|| explode());
    let value = guarded.unwrap_or(0);
    PyLong_FromLongLong(value + cycle_a(3) as i64)
}
unsafe extern "C" fn g(m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // Another callback aborts on its own; that is its finding, not this call's.
    f(m, arg)
}
"#;
    assert_eq!(pf_codes(body), Vec::<&str>::new());
}

#[test]
fn pf002_across_files() {
    let request = CheckRequest { paths: vec!["tests/fixtures/panic/multi".into()], ..Default::default() };
    let mut result = cpython_rs_lints::check(&request).unwrap();
    result.diagnostics.retain(|d| d.code.starts_with("PF"));
    let mut out = Vec::new();
    cpython_rs::render::full::render(&result, false, &mut out).unwrap();
    assert_snapshot!(String::from_utf8(out).unwrap());
}

fn overflow_settings(on: bool) -> settings::Settings {
    let config = ConfigFile {
        select: Some(vec!["PF".into()]),
        panic: PanicConfig { overflow: on, ..Default::default() },
        ..Default::default()
    };
    settings::resolve(None, ".".into(), &config, &Overrides::default()).unwrap()
}

const OVERFLOW: &str = r#"
fn area(w: i64, h: i64) -> i64 {
    w * h
}

unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let a = PyTuple_Size(args);
    let b: isize = 7;
    let total = a + b;
    let shifted = 1i64 << 3;
    let wrapped = a.wrapping_mul(b);
    let x = 2.5 * PyFloat_AsDouble(args);
    PyLong_FromLongLong(area(total as i64, shifted) + wrapped as i64 + x as i64)
}
unsafe extern "C" fn g(_m: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    ptr::null_mut()
}
"#;

#[test]
fn overflow_is_off_by_default() {
    let text = module(OVERFLOW);
    assert!(cpython_rs_lints::check_source("lib.rs", &text, &overflow_settings(false)).is_empty());
}

#[test]
fn overflow_when_opted_in() {
    let text = module(OVERFLOW);
    let found = cpython_rs_lints::check_source("lib.rs", &text, &overflow_settings(true));
    assert_snapshot!(render_full("lib.rs", &text, found));
}

#[test]
fn typing_sees_through_unsafe_blocks_and_tuple_lets() {
    // `unsafe { &*(slf as *const T) }` has the type of its tail, and `let (a, b) = unsafe { (x, y) }`
    // types each name, so the RefCell borrow, the remainder and the method chain are all seen.
    let body = r#"
use std::cell::RefCell;
struct Ring { items: Vec<u32>, hits: RefCell<u32> }
impl Ring {
    fn peek(&self) -> u32 { self.items[0] }
}
unsafe extern "C" fn f(slf: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let ring = unsafe { &*(slf as *const Ring) };
    *ring.hits.borrow_mut() += 1;
    let (h, n) = unsafe { (PyObject_Hash(slf), PyTuple_Size(args)) };
    PyLong_FromSsize_t(h % n + ring.peek() as isize)
}
unsafe extern "C" fn g(_m: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    ptr::null_mut()
}
"#;
    let found = check_snippet("lib.rs", &module(body), &["PF"]);
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("`RefCell` borrow")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("remainder `h % n`")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("`Ring::peek`")), "{messages:?}");
}

#[test]
fn nonzero_divisors_bound_by_patterns_are_clean() {
    let body = r#"
use std::num::{NonZeroU32, NonZeroU64};
unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let total: u64 = PyTuple_Size(args) as u64;
    let Some(size) = NonZeroU64::new(total / 3 + 1) else { return ptr::null_mut() };
    let rest = total % size;
    if let Some(nz) = NonZeroU32::new(rest as u32) {
        return PyLong_FromLong((7u32 / nz) as _);
    }
    PyLong_FromLong(0)
}
unsafe extern "C" fn g(_m: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    ptr::null_mut()
}
"#;
    assert_eq!(pf_codes(body), Vec::<&str>::new());
}

/// `check` on the safe-API fixtures: the module over `safe-api` (trampolines without a
/// boundary) has its `#[pyfunction]` bodies checked as callbacks, the one over
/// `caught-api` (trampolines that catch) does not, and the macros themselves are UW005.
#[test]
fn macro_generated_callbacks_follow_the_trampolines() {
    let request = CheckRequest {
        paths: vec!["tests/fixtures/safeapi/Modules".into()],
        overrides: Overrides { select: Some(vec!["ALL".into()]), ..Default::default() },
        ..Default::default()
    };
    let mut result = cpython_rs_lints::check(&request).unwrap();
    assert!(result.diagnostics.iter().all(|d| !d.path.to_string_lossy().contains("_eggs")), "{:?}", result.diagnostics);
    result.diagnostics.retain(|d| d.path.to_string_lossy().contains("_spam") || d.code == "UW005");
    let mut out = Vec::new();
    cpython_rs::render::full::render(&result, false, &mut out).unwrap();
    assert_snapshot!(String::from_utf8(out).unwrap());
}

/// Out of tree, `[panic] macro-callbacks-catch` decides: `true` silences the bodies even
/// where the macro crate says otherwise.
#[test]
fn macro_callbacks_catch_setting_overrides_the_macro_crate() {
    let dir = tempfile::tempdir().unwrap();
    let toml = "select = [\"PF\"]\n\n[panic]\nmacro-callbacks-catch = true\n";
    std::fs::write(dir.path().join("cpython-rs.toml"), toml).unwrap();
    let request = CheckRequest {
        paths: vec!["tests/fixtures/safeapi/Modules/_spam".into()],
        overrides: Overrides { config: Some(dir.path().join("cpython-rs.toml")), ..Default::default() },
        ..Default::default()
    };
    let result = cpython_rs_lints::check(&request).unwrap();
    assert!(result.diagnostics.iter().all(|d| !d.code.starts_with("PF")), "{:?}", result.diagnostics);
}
