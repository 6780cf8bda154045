//! GIL and thread-state rules GT001-GT004: positive cases rendered as users
//! see them (insta snapshots), negative cases asserted clean.

use cpython_rs::testing::{check_snippet, codes, render_snippet};

fn render(text: &str) -> String {
    render_snippet("lib.rs", text, &["GT"])
}

fn assert_clean(text: &str) {
    let found = check_snippet("lib.rs", text, &["GT"]);
    assert!(found.is_empty(), "expected no GT finding, got {:?}", codes(&found));
}

const FREE_THREADED: &str = r#"
static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED },
    PyModuleDef_Slot { slot: 0, value: std::ptr::null_mut() },
];
"#;

#[test]
fn gt003_borrowed_api_in_free_threaded_module() {
    let text = format!(
        "use pyo3_ffi::*;\n{FREE_THREADED}\nunsafe extern \"C\" fn get(_m: *mut PyObject, d: *mut PyObject) -> *mut PyObject {{\n    \
         let v = PyDict_GetItem(d, Py_None());\n    Py_XNewRef(v)\n}}\n"
    );
    insta::assert_snapshot!(render(&text));
}

#[test]
fn gt003_dict_next_outside_critical_section() {
    let text = format!(
        "use pyo3_ffi::*;\n{FREE_THREADED}\nunsafe fn count(d: *mut PyObject) -> isize {{\n    \
         let (mut pos, mut k, mut v) = (0, std::ptr::null_mut(), std::ptr::null_mut());\n    let mut n = 0;\n    \
         while PyDict_Next(d, &mut pos, &mut k, &mut v) != 0 {{\n        n += 1;\n    }}\n    n\n}}\n"
    );
    insta::assert_snapshot!(render(&text));
}

#[test]
fn gt003_needs_free_threading_and_accepts_critical_sections() {
    // Same borrowed call, but the module keeps the GIL.
    assert_clean(
        r#"
use pyo3_ffi::*;
unsafe fn get(d: *mut PyObject) -> *mut PyObject {
    PyDict_GetItem(d, Py_None())
}
"#,
    );
    let text = format!(
        "use pyo3_ffi::*;\n{FREE_THREADED}\nunsafe fn count(d: *mut PyObject, cs: *mut PyCriticalSection) -> isize {{\n    \
         PyCriticalSection_Begin(cs, d);\n    let (mut pos, mut k, mut v) = (0, std::ptr::null_mut(), std::ptr::null_mut());\n    \
         let mut n = 0;\n    while PyDict_Next(d, &mut pos, &mut k, &mut v) != 0 {{\n        n += 1;\n    }}\n    \
         PyCriticalSection_End(cs);\n    n\n}}\n\nunsafe fn count_in_macro(d: *mut PyObject) -> isize {{\n    \
         let mut n = 0;\n    critical_section!(d, {{\n        let (mut pos, mut k, mut v) = (0, std::ptr::null_mut(), std::ptr::null_mut());\n        \
         while PyDict_Next(d, &mut pos, &mut k, &mut v) != 0 {{\n            n += 1;\n        }}\n    }});\n    n\n}}\n"
    );
    assert_clean(&text);
}

#[test]
fn gt004_pointer_captured_by_spawned_thread() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;

pub unsafe fn release_later(obj: *mut PyObject) {
    std::thread::spawn(move || {
        let gil = PyGILState_Ensure();
        Py_DECREF(obj);
        PyGILState_Release(gil);
    });
}
"#
    ));
}

#[test]
fn gt004_send_impl_for_pointer_holder() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;

struct Handle {
    obj: *mut PyObject,
}

unsafe impl Send for Handle {}
unsafe impl Sync for Handle {}
"#
    ));
}

#[test]
fn gt004_rayon_and_address_smuggling() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;
use rayon::prelude::*;

pub unsafe fn hash_with(seed: *mut PyObject, xs: &[u64]) -> Vec<u64> {
    let addr = seed as usize;
    xs.par_iter().map(|x| x ^ PyObject_Hash(addr as *mut PyObject) as u64).collect()
}
"#
    ));
}

#[test]
fn gt004_plain_data_and_local_closures_are_clean() {
    assert_clean(
        r#"
use pyo3_ffi::*;

struct Bytes {
    data: *mut u8,
}
unsafe impl Send for Bytes {}

pub unsafe fn work(obj: *mut PyObject) -> i64 {
    let n = PyLong_AsLong(obj);
    let sequential: Vec<*mut PyObject> = vec![obj];
    sequential.iter().for_each(|o| Py_INCREF(*o));
    let handle = std::thread::spawn(move || n * 2);
    handle.join().unwrap_or(0)
}
"#,
    );
}

#[test]
fn gt001_call_between_save_and_restore() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;

pub unsafe fn size_detached(list: *mut PyObject) -> isize {
    let state = PyEval_SaveThread();
    let n = PyList_Size(list);
    PyEval_RestoreThread(state);
    n
}
"#
    ));
}

#[test]
fn gt001_detach_helper_closure_and_c_macros() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;

pub fn bump(py: Python<'_>, obj: *mut PyObject) {
    py.allow_threads(|| unsafe { Py_INCREF(obj) });
}

pub unsafe fn release(obj: *mut PyObject) {
    Py_BEGIN_ALLOW_THREADS!();
    Py_DECREF(obj);
    Py_END_ALLOW_THREADS!();
}
"#
    ));
}

#[test]
fn gt001_attached_again_is_clean() {
    assert_clean(
        r#"
use pyo3_ffi::*;

pub unsafe fn work(list: *mut PyObject) -> isize {
    let n = PyList_Size(list);
    let state = PyEval_SaveThread();
    let total = (0..n).fold(0, |a, i| a ^ i);
    PyEval_RestoreThread(state);
    Py_INCREF(list);
    Py_DECREF(list);
    total
}

pub fn in_helper(py: Python<'_>, obj: *mut PyObject) {
    py.allow_threads(|| {
        let gil = unsafe { PyGILState_Ensure() };
        unsafe { Py_DECREF(obj) };
        unsafe { PyGILState_Release(gil) };
    });
}
"#,
    );
}

#[test]
fn gt002_early_return_keeps_the_gil() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;

pub unsafe fn call(callable: *mut PyObject) -> i32 {
    let gil = PyGILState_Ensure();
    let result = PyObject_CallNoArgs(callable);
    if result.is_null() {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(result);
    PyGILState_Release(gil);
    0
}
"#
    ));
}

#[test]
fn gt002_question_mark_inside_critical_section() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;

fn validate(d: *mut PyObject) -> Result<(), ()> {
    if d.is_null() { Err(()) } else { Ok(()) }
}

pub unsafe fn update(d: *mut PyObject, cs: *mut PyCriticalSection) -> Result<(), ()> {
    PyCriticalSection_Begin(cs, d);
    validate(d)?;
    PyCriticalSection_End(cs);
    Ok(())
}
"#
    ));
}

#[test]
fn gt002_balanced_guarded_and_wrappers_are_clean() {
    assert_clean(
        r#"
use pyo3_ffi::*;

struct Gil(PyGILState_STATE);
impl Drop for Gil {
    fn drop(&mut self) {
        unsafe { PyGILState_Release(self.0) }
    }
}

fn check(o: *mut PyObject) -> Result<(), ()> {
    if o.is_null() { Err(()) } else { Ok(()) }
}

pub unsafe fn guarded(o: *mut PyObject) -> Result<(), ()> {
    let _gil = Gil(PyGILState_Ensure());
    check(o)?;
    Ok(())
}

pub unsafe fn balanced(o: *mut PyObject, flag: bool) -> i32 {
    let state = PyEval_SaveThread();
    if flag {
        PyEval_RestoreThread(state);
        return 1;
    }
    PyEval_RestoreThread(state);
    Py_INCREF(o);
    0
}

fn release_gil() -> *mut PyThreadState {
    unsafe { PyEval_SaveThread() }
}

fn reacquire_gil(state: *mut PyThreadState) {
    unsafe { PyEval_RestoreThread(state) }
}

pub unsafe fn with_wrappers(o: *mut PyObject) {
    let s = release_gil();
    reacquire_gil(s);
    Py_DECREF(o);
}
"#,
    );
}

#[test]
fn gt001_crate_helper_that_calls_the_api() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;

unsafe fn forget(obj: *mut PyObject) {
    Py_DECREF(obj);
}

pub unsafe fn finish(obj: *mut PyObject, buf: &mut [u8]) {
    let state = PyEval_SaveThread();
    buf.reverse();
    forget(obj);
    PyEval_RestoreThread(state);
}
"#
    ));
}

#[test]
fn gt004_field_and_wrapper_captures() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;

struct SendPtr<T>(*mut T);
unsafe impl<T> Send for SendPtr<T> {}

pub struct Job {
    callback: *mut PyObject,
}

impl Job {
    pub fn run_later(&self, extra: *mut PyObject) {
        let cb = self.callback;
        let extra = SendPtr(extra);
        std::thread::spawn(move || {
            let _ = (cb, extra);
        });
    }
}
"#
    ));
}

#[test]
fn gt004_indexed_element_of_pointer_collection() {
    // `objs[0]` out of a `&[*mut PyObject]` is an object pointer; `objs[1..]` stays a collection.
    let text = r#"
use pyo3_ffi::*;
pub unsafe fn f(objs: &[*mut PyObject]) {
    let first = objs[0];
    std::thread::scope(|s| {
        s.spawn(move || PyObject_Hash(first));
    });
}
"#;
    let found = check_snippet("lib.rs", text, &["GT"]);
    assert_eq!(codes(&found), vec!["GT004"]);
    assert!(found[0].message.contains("`first`"), "{}", found[0].message);
    assert_clean(
        r#"
use pyo3_ffi::*;
pub unsafe fn g(objs: &[*mut PyObject], sizes: &[i64]) -> i64 {
    let n = sizes[0];
    std::thread::spawn(move || n * 2).join().unwrap_or(0) + objs.len() as i64
}
"#,
    );
}

#[test]
fn gt002_alone_when_a_path_never_restores() {
    // The call after the loop is detached only on the `break` path, which never restores:
    // one mistake, reported once (GT002). A call inside a region that is restored later keeps GT001.
    let text = r#"
use pyo3_ffi::*;
fn poll(i: u32) -> bool { i == 3 }
unsafe extern "C" fn f(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    for i in 0..10 {
        let save = PyEval_SaveThread();
        if poll(i) { break; }
        PyEval_RestoreThread(save);
    }
    PyLong_FromLong(1)
}
unsafe extern "C" fn g(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let save = PyEval_SaveThread();
    Py_INCREF(o);
    if poll(1) { return o; }
    PyEval_RestoreThread(save);
    o
}
"#;
    let found = check_snippet("lib.rs", text, &["GT"]);
    let mut found: Vec<(&str, usize)> = found.iter().map(|d| (d.code, d.range.start)).collect();
    found.sort_by_key(|(_, at)| *at);
    let codes: Vec<&str> = found.iter().map(|(c, _)| *c).collect();
    assert_eq!(codes, vec!["GT002", "GT002", "GT001"]);
}

#[test]
fn gt004_named_closure_handed_to_a_thread() {
    let text = r#"
use pyo3_ffi::*;
pub unsafe fn f(obj: *mut PyObject) {
    let task = move || PyObject_Hash(obj);
    std::thread::spawn(task);
}
"#;
    assert_eq!(codes(&check_snippet("lib.rs", text, &["GT"])), vec!["GT004"]);
    assert_clean(
        r#"
use pyo3_ffi::*;
pub unsafe fn g(obj: *mut PyObject) -> isize {
    let n = PyObject_Hash(obj);
    let task = move || n * 2;
    std::thread::spawn(task).join().unwrap_or(0)
}
"#,
    );
}

#[test]
fn gt001_named_closure_run_by_detach_helper() {
    let text = r#"
use pyo3_ffi::*;
fn allow_threads<R>(f: impl FnOnce() -> R) -> R {
    let save = PyEval_SaveThread();
    let r = f();
    PyEval_RestoreThread(save);
    r
}
pub unsafe fn f(o: *mut PyObject) {
    let work = || Py_INCREF(o);
    allow_threads(work);
    let after = || Py_DECREF(o);
    after();
}
"#;
    let found = check_snippet("lib.rs", text, &["GT"]);
    assert_eq!(codes(&found), vec!["GT001"], "{found:?}");
    assert!(found[0].message.contains("Py_INCREF"), "{}", found[0].message);
}

#[test]
fn gt005_guard_held_across_calls_into_python() {
    let text = r#"
use std::marker::PhantomData;
use std::sync::Mutex;

pub struct ThreadState<'py>(PhantomData<&'py ()>);
pub struct PyBytes;

impl PyBytes {
    pub fn new(_ts: &ThreadState<'_>, _data: &[u8]) -> PyBytes {
        PyBytes
    }
}

pub struct Compress {
    inner: Mutex<Vec<u8>>,
}

impl Compress {
    pub fn compress(&self, ts: &ThreadState<'_>, data: &[u8]) -> PyBytes {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.extend_from_slice(data);
        PyBytes::new(ts, &inner)
    }

    pub fn flush(&self, ts: &ThreadState<'_>) -> PyBytes {
        PyBytes::new(ts, &self.inner.lock().unwrap_or_else(|e| e.into_inner()))
    }

    pub fn copy_then_call(&self, ts: &ThreadState<'_>) -> PyBytes {
        let data = self.inner.lock().unwrap_or_else(|e| e.into_inner()).clone();
        PyBytes::new(ts, &data)
    }
}
"#;
    insta::assert_snapshot!(cpython_rs::testing::render_snippet("lib.rs", text, &["GT005"]));
}
