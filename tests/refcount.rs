//! RC001-RC008: rendered findings (snapshots) and the idioms that must stay clean.

use cpython_rs::testing::{check_snippet, codes, render_snippet};
use insta::assert_snapshot;

const PRELUDE: &str = "use pyo3_ffi::*;\nuse std::ptr;\n\n";

fn render(body: &str) -> String {
    render_snippet("lib.rs", &format!("{PRELUDE}{body}"), &["RC"])
}

fn rc_codes(body: &str) -> Vec<&'static str> {
    codes(&check_snippet("lib.rs", &format!("{PRELUDE}{body}"), &["RC"]))
}

#[test]
fn rc001_labels_creation_and_leaking_exit() {
    assert_snapshot!(render(
        r#"unsafe extern "C" fn pair(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let obj = PyLong_FromLong(1);
    if obj.is_null() {
        return ptr::null_mut();
    }
    if PyObject_SetAttrString(arg, c"x".as_ptr(), obj) < 0 {
        return ptr::null_mut();
    }
    obj
}
"#
    ));
}

#[test]
fn rc001_question_mark_and_loop() {
    assert_snapshot!(render(
        r#"struct Raised;

unsafe fn check(p: *mut PyObject) -> Result<*mut PyObject, Raised> {
    if p.is_null() { Err(Raised) } else { Ok(p) }
}

unsafe fn build(n: i64) -> Result<*mut PyObject, Raised> {
    let list = check(PyList_New(0))?;
    let repr = PyObject_Repr(list);
    let text = check(repr)?;
    Py_DECREF(text);
    for i in 0..n {
        let item = PyLong_FromLong(i);
        if item.is_null() {
            Py_DECREF(list);
            return Err(Raised);
        }
        if PyList_Append(list, item) < 0 {
            Py_DECREF(list);
            return Err(Raised);
        }
    }
    Ok(list)
}
"#
    ));
}

#[test]
fn rc002_temporaries() {
    assert_snapshot!(render(
        r#"unsafe extern "C" fn f(_m: *mut PyObject, d: *mut PyObject) -> *mut PyObject {
    if PyDict_SetItemString(d, c"x".as_ptr(), PyLong_FromLong(1)) < 0 {
        return ptr::null_mut();
    }
    PyObject_CallNoArgs(d);
    Py_NewRef(Py_None())
}
"#
    ));
}

#[test]
fn rc003_borrowed_sources() {
    assert_snapshot!(render(
        r#"unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut o: *mut PyObject = ptr::null_mut();
    if PyArg_ParseTuple(args, c"O".as_ptr(), &mut o) == 0 {
        return ptr::null_mut();
    }
    let first = PyTuple_GetItem(args, 0);
    if first.is_null() {
        return ptr::null_mut();
    }
    Py_DECREF(first);
    Py_DECREF(o);
    Py_DECREF(args);
    Py_NewRef(Py_None())
}
"#
    ));
}

#[test]
fn rc004_use_and_double_release() {
    assert_snapshot!(render(
        r#"unsafe extern "C" fn f(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let s = PyObject_Str(arg);
    if s.is_null() {
        return ptr::null_mut();
    }
    Py_DECREF(s);
    let n = PyObject_Length(s);
    let t = PyTuple_New(1);
    if t.is_null() {
        return ptr::null_mut();
    }
    let v = PyLong_FromSsize_t(n);
    if v.is_null() {
        Py_DECREF(t);
        return ptr::null_mut();
    }
    PyTuple_SET_ITEM(t, 0, v);
    Py_DECREF(v);
    t
}
"#
    ));
}

#[test]
fn rc005_borrowed_into_stealing_api_and_add_object() {
    assert_snapshot!(render(
        r#"unsafe extern "C" fn exec(m: *mut PyObject) -> std::os::raw::c_int {
    let t = PyTuple_New(1);
    if t.is_null() {
        return -1;
    }
    PyTuple_SET_ITEM(t, 0, Py_None());
    if PyModule_AddObject(m, c"t".as_ptr(), t) < 0 {
        return -1;
    }
    0
}
"#
    ));
}

#[test]
fn rc006_borrowed_returns() {
    assert_snapshot!(render(
        r#"unsafe extern "C" fn a(_m: *mut PyObject, _x: *mut PyObject) -> *mut PyObject {
    Py_None()
}

unsafe extern "C" fn b(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    x
}

unsafe extern "C" fn c(_m: *mut PyObject, d: *mut PyObject) -> *mut PyObject {
    let v = PyDict_GetItemString(d, c"k".as_ptr());
    if v.is_null() {
        return Py_NewRef(Py_None());
    }
    v
}
"#
    ));
}

#[test]
fn rc007_first_unchecked_use() {
    assert_snapshot!(render(
        r#"unsafe extern "C" fn f(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let attr = PyObject_GetAttrString(o, c"x".as_ptr());
    let ty = (*attr).ob_type;
    let again = PyObject_Repr(attr);
    Py_DECREF(attr);
    let _ = ty;
    again
}
"#
    ));
}

#[test]
fn rc008_non_objects() {
    assert_snapshot!(render(
        r#"unsafe extern "C" fn f(_m: *mut PyObject, cap: *mut PyObject) -> *mut PyObject {
    let p = PyCapsule_GetPointer(cap, c"x".as_ptr());
    if p.is_null() {
        return ptr::null_mut();
    }
    Py_DECREF(p.cast());
    let buf = PyMem_Malloc(8);
    Py_XDECREF(buf as *mut PyObject);
    Py_NewRef(Py_None())
}
"#
    ));
}

#[test]
fn idioms_from_the_spec_stay_clean() {
    let clean = [
        // PyInit returning PyModuleDef_Init.
        r#"static mut DEF: PyModuleDef = PyModuleDef { m_base: PyModuleDef_HEAD_INIT, m_name: c"m".as_ptr(), m_doc: ptr::null(), m_size: 0, m_methods: ptr::null_mut(), m_slots: ptr::null_mut(), m_traverse: None, m_clear: None, m_free: None };
#[no_mangle]
pub unsafe extern "C" fn PyInit_m() -> *mut PyObject {
    PyModuleDef_Init(ptr::addr_of_mut!(DEF))
}"#,
        // Heap type dealloc.
        r#"unsafe extern "C" fn dealloc(slf: *mut PyObject) {
    let tp = Py_TYPE(slf);
    PyObject_GC_UnTrack(slf.cast());
    if let Some(free) = (*tp).tp_free { free(slf.cast()); }
    Py_DECREF(Py_TYPE(slf));
}
static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_dealloc, pfunc: dealloc as *mut std::ffi::c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];"#,
        // PyModule_Add steals and accepts NULL.
        r#"unsafe extern "C" fn exec(m: *mut PyObject) -> std::os::raw::c_int {
    if PyModule_Add(m, c"empty".as_ptr(), PyTuple_New(0)) < 0 { return -1; }
    0
}"#,
        // Py_BuildValue's N steals.
        r#"unsafe extern "C" fn f(_m: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    let r = PyObject_Repr(a);
    if r.is_null() { return ptr::null_mut(); }
    Py_BuildValue(c"(NO)".as_ptr(), r, a)
}"#,
        // A reference handed to a function the checker cannot see.
        r#"extern "C" { fn keep(o: *mut PyObject); }
unsafe extern "C" fn f(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let d = PyDict_New();
    if d.is_null() { return ptr::null_mut(); }
    keep(d);
    PyObject_Repr(d)
}"#,
    ];
    for body in clean {
        assert_eq!(rc_codes(body), Vec::<&str>::new(), "{body}");
    }
}

#[test]
fn each_rule_has_a_near_miss_that_stays_clean() {
    let clean = [
        // RC001: released on every path, returned on success.
        r#"unsafe extern "C" fn f(_m: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    let o = PyObject_Str(a);
    if o.is_null() { return ptr::null_mut(); }
    if PyObject_SetAttrString(a, c"s".as_ptr(), o) < 0 { Py_DECREF(o); return ptr::null_mut(); }
    o
}"#,
        // RC002: a bound temporary released after use.
        r#"unsafe extern "C" fn f(_m: *mut PyObject, d: *mut PyObject) -> *mut PyObject {
    let one = PyLong_FromLong(1);
    if one.is_null() { return ptr::null_mut(); }
    let rc = PyDict_SetItemString(d, c"x".as_ptr(), one);
    Py_DECREF(one);
    if rc < 0 { return ptr::null_mut(); }
    Py_NewRef(Py_None())
}"#,
        // RC003: incref before the decref of a borrowed item.
        r#"unsafe extern "C" fn f(_m: *mut PyObject, l: *mut PyObject) -> *mut PyObject {
    let it = PyList_GetItem(l, 0);
    if it.is_null() { return ptr::null_mut(); }
    Py_INCREF(it);
    let r = PyObject_Repr(it);
    Py_DECREF(it);
    r
}"#,
        // RC004: use of a stolen item while its tuple is alive.
        r#"unsafe extern "C" fn f(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let t = PyTuple_New(1);
    if t.is_null() { return ptr::null_mut(); }
    let v = PyLong_FromLong(2);
    if v.is_null() { Py_DECREF(t); return ptr::null_mut(); }
    PyTuple_SET_ITEM(t, 0, v);
    if PyObject_Hash(v) == -1 { Py_DECREF(t); return ptr::null_mut(); }
    t
}"#,
        // RC005: PyModule_AddObject with a decref on failure.
        r#"unsafe extern "C" fn exec(m: *mut PyObject) -> std::os::raw::c_int {
    let d = PyDict_New();
    if d.is_null() { return -1; }
    if PyModule_AddObject(m, c"d".as_ptr(), d) < 0 { Py_DECREF(d); return -1; }
    0
}"#,
        // RC006: a new reference to a parameter.
        r#"unsafe extern "C" fn f(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    Py_INCREF(x);
    x
}"#,
        // RC007: checked through NonNull and match.
        r#"unsafe extern "C" fn f(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    match std::ptr::NonNull::new(PyObject_GetAttrString(o, c"x".as_ptr())) {
        None => ptr::null_mut(),
        Some(a) => { let r = PyObject_Repr(a.as_ptr()); Py_DECREF(a.as_ptr()); r }
    }
}"#,
        // RC008: the capsule itself is an object.
        r#"unsafe extern "C" fn f(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let cap = PyCapsule_New(ptr::null_mut(), c"x".as_ptr(), None);
    if cap.is_null() { return ptr::null_mut(); }
    Py_DECREF(cap);
    Py_NewRef(Py_None())
}"#,
    ];
    for body in clean {
        assert_eq!(rc_codes(body), Vec::<&str>::new(), "{body}");
    }
}

#[test]
fn rc001_continue_drops_loop_local() {
    assert_snapshot!(render(
        r#"unsafe extern "C" fn count(_m: *mut PyObject, it: *mut PyObject) -> *mut PyObject {
    let mut n = 0;
    loop {
        let item = PyIter_Next(it);
        if item.is_null() {
            break;
        }
        if PyUnicode_Check(item) == 0 {
            continue;
        }
        n += 1;
        Py_DECREF(item);
    }
    if !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    PyLong_FromLong(n)
}
"#
    ));
}

#[test]
fn loop_locals_kept_by_outer_locals_stay_clean() {
    let body = r#"unsafe extern "C" fn pick(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    let mut best: *mut PyObject = ptr::null_mut();
    let mut keep: Vec<*mut PyObject> = Vec::new();
    for i in 0..PySequence_Size(seq) {
        let item = PySequence_GetItem(seq, i);
        if item.is_null() {
            Py_XDECREF(best);
            return ptr::null_mut();
        }
        if i % 2 == 0 {
            keep.push(item);
            continue;
        }
        Py_XDECREF(best);
        best = item;
        if PyObject_IsTrue(best) < 0 {
            Py_XDECREF(best);
            return ptr::null_mut();
        }
    }
    for k in keep {
        Py_DECREF(k);
    }
    if best.is_null() { Py_NewRef(Py_None()) } else { best }
}
"#;
    assert!(rc_codes(body).is_empty(), "{:?}", rc_codes(body));
}

#[test]
fn rc008_survives_memory_routines_but_not_object_init() {
    assert_snapshot!(render(
        r#"unsafe extern "C" fn scratch(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let buf = PyMem_Malloc(16) as *mut PyObject;
    if buf.is_null() {
        return PyErr_NoMemory();
    }
    ptr::write_bytes(buf as *mut u8, 0, 16);
    Py_XDECREF(buf);
    Py_NewRef(Py_None())
}
"#
    ));
    let init = r#"unsafe extern "C" fn make(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let op = PyObject_Malloc(64) as *mut PyObject;
    if op.is_null() {
        return PyErr_NoMemory();
    }
    PyObject_Init(op, ptr::addr_of_mut!(PyBaseObject_Type));
    if PyObject_IsTrue(op) < 0 {
        Py_DECREF(op);
        return ptr::null_mut();
    }
    op
}
"#;
    assert!(rc_codes(init).is_empty(), "{:?}", rc_codes(init));
}

#[test]
fn rc002_newref_passed_to_non_stealing_api() {
    assert_snapshot!(render(
        r#"unsafe fn keep(list: *mut PyObject, item: *mut PyObject) -> i32 {
    PyList_Append(list, Py_NewRef(item))
}
"#
    ));
}

#[test]
fn rc002_newref_near_misses_are_clean() {
    // Into a stealing API, and as a statement (an incref balanced later).
    let body = r#"unsafe fn pair(a: *mut PyObject) -> *mut PyObject {
    let t = PyTuple_New(1);
    if t.is_null() {
        return ptr::null_mut();
    }
    PyTuple_SET_ITEM(t, 0, Py_NewRef(a));
    Py_NewRef(a);
    Py_DECREF(a);
    t
}
"#;
    assert_eq!(rc_codes(body), Vec::<&str>::new());
}

#[test]
fn rc007_type_slot_result_written_unchecked() {
    assert_snapshot!(render(
        r#"#[repr(C)]
struct Point { ob_base: PyObject, x: f64 }

unsafe extern "C" fn point_new(tp: *mut PyTypeObject, _a: *mut PyObject, _k: *mut PyObject) -> *mut PyObject {
    let obj = (*tp).tp_alloc.unwrap()(tp, 0);
    (*obj.cast::<Point>()).x = 0.0;
    obj
}
"#
    ));
}

#[test]
fn rc007_unknown_callee_does_not_check_null() {
    assert_snapshot!(render(
        r#"unsafe fn log_level(module: *mut PyObject) {
    let value = PyObject_GetAttrString(module, c"LEVEL".as_ptr());
    bridge::emit(value);
    Py_DECREF(value);
}
"#
    ));
}

#[test]
fn rc007_branch_on_unknown_predicate_is_clean() {
    // `valid` may be the NULL check; the branch on it is taken as one.
    let body = r#"unsafe fn log_level(module: *mut PyObject) {
    let value = PyObject_GetAttrString(module, c"LEVEL".as_ptr());
    if !bridge::valid(value) {
        return;
    }
    Py_DECREF(value);
}
"#;
    assert_eq!(rc_codes(body), Vec::<&str>::new());
}

#[test]
fn rc001_wrapped_return_dropped_on_question_mark() {
    assert_snapshot!(render(
        r#"struct Raised;

unsafe fn int_obj(v: i64) -> Result<*mut PyObject, Raised> {
    let obj = PyLong_FromLongLong(v);
    if obj.is_null() { Err(Raised) } else { Ok(obj) }
}

unsafe fn new_str(s: &str) -> Option<ptr::NonNull<PyObject>> {
    ptr::NonNull::new(PyUnicode_FromStringAndSize(s.as_ptr().cast(), s.len() as Py_ssize_t))
}

unsafe fn pair(lo: i64, hi: i64) -> Result<*mut PyObject, Raised> {
    let low = int_obj(lo)?;
    let high = int_obj(hi)?;
    let Some(name) = new_str("pair") else {
        Py_DECREF(low);
        Py_DECREF(high);
        return Err(Raised);
    };
    let t = PyTuple_Pack(3, name.as_ptr(), low, high);
    Py_DECREF(name.as_ptr());
    Py_DECREF(low);
    Py_DECREF(high);
    if t.is_null() { Err(Raised) } else { Ok(t) }
}
"#
    ));
}

#[test]
fn rc001_wrapped_return_released_on_every_path_is_clean() {
    let body = r#"struct Raised;

unsafe fn int_obj(v: i64) -> Result<*mut PyObject, Raised> {
    let obj = PyLong_FromLongLong(v);
    if obj.is_null() { Err(Raised) } else { Ok(obj) }
}

unsafe fn pair(lo: i64, hi: i64) -> Result<*mut PyObject, Raised> {
    let low = int_obj(lo)?;
    let high = match int_obj(hi) {
        Ok(h) => h,
        Err(e) => {
            Py_DECREF(low);
            return Err(e);
        }
    };
    let t = PyTuple_Pack(2, low, high);
    Py_DECREF(low);
    Py_DECREF(high);
    if t.is_null() { Err(Raised) } else { Ok(t) }
}
"#;
    assert_eq!(rc_codes(body), Vec::<&str>::new());
}

#[test]
fn rc004_buffer_used_after_its_object_is_released() {
    assert_snapshot!(render(
        r#"unsafe fn name_len(obj: *mut PyObject) -> usize {
    let text = PyObject_Str(obj);
    if text.is_null() {
        return 0;
    }
    let data = PyUnicode_AsUTF8(text);
    Py_DECREF(text);
    if data.is_null() {
        return 0;
    }
    std::ffi::CStr::from_ptr(data).to_bytes().len()
}
"#
    ));
}

#[test]
fn rc004_buffer_copied_before_release_is_clean() {
    let body = r#"unsafe fn name(obj: *mut PyObject, arg: *mut PyObject) -> Vec<u8> {
    let text = PyObject_Str(obj);
    if text.is_null() {
        return Vec::new();
    }
    let data = PyUnicode_AsUTF8(text);
    if data.is_null() {
        Py_DECREF(text);
        return Vec::new();
    }
    let owned = std::ffi::CStr::from_ptr(data).to_bytes().to_vec();
    Py_DECREF(text);
    let raw = PyBytes_AS_STRING(arg);
    let _ = std::slice::from_raw_parts(raw.cast::<u8>(), 1);
    owned
}
"#;
    assert_eq!(rc_codes(body), Vec::<&str>::new());
}

#[test]
fn rc001_cfg_alternative_returning_a_new_reference() {
    assert_snapshot!(render(
        r#"static mut EMPTY: *mut PyObject = ptr::null_mut();

#[cfg(Py_GIL_DISABLED)]
unsafe fn empty_str() -> *mut PyObject {
    PyUnicode_FromStringAndSize(ptr::null(), 0)
}

#[cfg(not(Py_GIL_DISABLED))]
unsafe fn empty_str() -> *mut PyObject {
    EMPTY
}

unsafe fn joined(seq: *mut PyObject) -> *mut PyObject {
    let sep = empty_str();
    if sep.is_null() {
        return ptr::null_mut();
    }
    PyUnicode_Join(sep, seq)
}
"#
    ));
}
