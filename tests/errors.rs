//! Error-indicator rules EI001-EI003: positive cases rendered as users see
//! them (insta snapshots), negative cases asserted clean.

use cpython_rs::testing::{check_snippet, codes, render_snippet};

fn render(text: &str) -> String {
    render_snippet("lib.rs", text, &["EI"])
}

fn assert_clean(text: &str) {
    let found = check_snippet("lib.rs", text, &["EI"]);
    assert!(found.is_empty(), "expected no EI finding, got {:?}", codes(&found));
}

#[test]
fn ei002_statement_call() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;

unsafe extern "C" fn add(_m: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    PyList_Append(list, Py_None());
    Py_NewRef(list)
}
"#
    ));
}

#[test]
fn ei002_let_underscore_and_unsafe_block() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi as ffi;

unsafe extern "C" fn exec(m: *mut ffi::PyObject) -> i32 {
    let _ = ffi::PyModule_AddIntConstant(m, c"A".as_ptr(), 1);
    unsafe { ffi::PyModule_AddIntConstant(m, c"B".as_ptr(), 2) };
    0
}
"#
    ));
}

#[test]
fn ei002_used_results_and_setters_are_clean() {
    assert_clean(
        r#"
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn add(_m: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    if PyList_Append(list, Py_None()) < 0 {
        return ptr::null_mut();
    }
    let rc = PyList_Append(list, Py_None());
    if rc != 0 {
        return ptr::null_mut();
    }
    PyErr_Clear();
    PyErr_Format(PyExc_ValueError, c"x".as_ptr());
    ptr::null_mut()
}
"#,
    );
}

#[test]
fn ei003_compared_with_minus_one_only() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn inc(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let v = PyLong_AsLong(arg);
    if v == -1 {
        return ptr::null_mut();
    }
    PyLong_FromLong(v + 1)
}
"#
    ));
}

#[test]
fn ei003_no_check_at_all() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;

unsafe extern "C" fn half(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    PyFloat_FromDouble(PyFloat_AsDouble(arg) / 2.0)
}
"#
    ));
}

#[test]
fn ei003_occurred_and_returned_values_are_clean() {
    assert_clean(
        r#"
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn inc(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let v = PyLong_AsLong(arg);
    if v == -1 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    PyLong_FromLong(v + 1)
}

unsafe fn raw_index(o: *mut PyObject) -> Py_ssize_t {
    PyLong_AsSsize_t(o)
}

unsafe fn check_failed() -> bool {
    !PyErr_Occurred().is_null()
}

unsafe fn width(o: *mut PyObject) -> f64 {
    let w = PyFloat_AsDouble(o);
    if w == -1.0 && check_failed() {
        return 0.0;
    }
    w * 2.0
}
"#,
    );
}

#[test]
fn ei001_null_without_exception() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn first(_m: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    if PyList_Check(list) == 0 {
        return ptr::null_mut();
    }
    PyObject_Repr(list)
}
"#
    ));
}

#[test]
fn ei001_exhausted_iterator_is_not_an_exception() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn next_item(_m: *mut PyObject, it: *mut PyObject) -> *mut PyObject {
    let item = PyIter_Next(it);
    if item.is_null() {
        return ptr::null_mut();
    }
    item
}
"#
    ));
}

#[test]
fn ei001_minus_one_from_a_setter() {
    insta::assert_snapshot!(render(
        r#"
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};

unsafe extern "C" fn set_name(_s: *mut PyObject, value: *mut PyObject, _c: *mut c_void) -> c_int {
    if value.is_null() {
        return -1;
    }
    0
}
"#
    ));
}

#[test]
fn ei001_propagated_and_raised_errors_are_clean() {
    assert_clean(
        r#"
use pyo3_ffi::*;
use std::ffi::c_int;
use std::ptr;

unsafe fn type_error(msg: &std::ffi::CStr) -> *mut PyObject {
    PyErr_SetString(PyExc_TypeError, msg.as_ptr());
    ptr::null_mut()
}

unsafe fn as_index(o: *mut PyObject, out: &mut isize) -> bool {
    let v = PyLong_AsSsize_t(o);
    if v == -1 && !PyErr_Occurred().is_null() {
        return false;
    }
    *out = v;
    true
}

unsafe extern "C" fn get(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut seq = ptr::null_mut();
    let mut index = ptr::null_mut();
    if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut seq, &mut index) == 0 {
        return ptr::null_mut();
    }
    let mut i = 0;
    if !as_index(index, &mut i) {
        return ptr::null_mut();
    }
    if i < 0 {
        return type_error(c"negative index");
    }
    let item = PySequence_GetItem(seq, i);
    if item.is_null() {
        return ptr::null_mut();
    }
    item
}

unsafe extern "C" fn next_or_none(_m: *mut PyObject, it: *mut PyObject) -> *mut PyObject {
    let item = PyIter_Next(it);
    if item.is_null() {
        if !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        return Py_NewRef(Py_None());
    }
    item
}

unsafe extern "C" fn truth(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    match PyObject_IsTrue(o) {
        -1 => ptr::null_mut(),
        0 => Py_NewRef(Py_False()),
        _ => Py_NewRef(Py_True()),
    }
}

unsafe extern "C" fn iternext(it: *mut PyObject) -> *mut PyObject {
    let _ = it;
    ptr::null_mut()
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_iternext, pfunc: iternext as *mut std::ffi::c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];

unsafe extern "C" fn exec(m: *mut PyObject) -> c_int {
    if PyModule_AddIntConstant(m, c"X".as_ptr(), 1) < 0 {
        return -1;
    }
    0
}
"#,
    );
}

#[test]
fn null_tests_through_guards_and_merged_values_stay_clean() {
    assert_clean(
        r#"
use pyo3_ffi::*;
use std::ptr;

struct Guard(*mut PyObject);

unsafe extern "C" fn upper(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let s = Guard(PyObject_Str(obj));
    if s.0.is_null() {
        return ptr::null_mut();
    }
    PyObject_CallMethod(s.0, c"upper".as_ptr(), ptr::null())
}

unsafe extern "C" fn maybe_str(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let owned = PyUnicode_Check(obj) == 0;
    let s = if owned { PyObject_Str(obj) } else { obj };
    if s.is_null() {
        return ptr::null_mut();
    }
    PyLong_FromSsize_t(PyUnicode_GetLength(s))
}

unsafe extern "C" fn sqrt_of(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let x = PyFloat_AsDouble(arg);
    if x == -1.0 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    PyFloat_FromDouble(x.sqrt())
}
"#,
    );
}

#[test]
fn guard_field_keeps_the_absent_null() {
    let found = check_snippet(
        "lib.rs",
        r#"
use pyo3_ffi::*;
use std::ptr;

struct Guard(*mut PyObject);

unsafe extern "C" fn first(_m: *mut PyObject, it: *mut PyObject) -> *mut PyObject {
    let g = Guard(PyIter_Next(it));
    if g.0.is_null() {
        return ptr::null_mut();
    }
    g.0
}
"#,
        &["EI"],
    );
    assert_eq!(codes(&found), vec!["EI001"]);
}
