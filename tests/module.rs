//! Module definition rules MD001-MD005: rendered findings and near misses.

use cpython_rs::testing::{check_snippet, codes, render_snippet};

fn md(text: &str) -> Vec<&'static str> {
    codes(&check_snippet("lib.rs", text, &["MD"]))
}

fn render(text: &str) -> String {
    render_snippet("lib.rs", text, &["MD"])
}

const PRELUDE: &str = "use pyo3_ffi::*;\nuse std::ffi::{c_char, c_int, c_long, c_void};\nuse std::ptr;\n";

fn with_prelude(body: &str) -> String {
    format!("{PRELUDE}\n{body}")
}

#[test]
fn md001_keyword_callback_with_varargs_flags() {
    let text = with_prelude(
        r#"unsafe extern "C" fn scale(_m: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let _ = kwargs;
    Py_NewRef(args)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"scale".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: unsafe { std::mem::transmute(scale as PyCFunctionWithKeywords) } },
        ml_flags: METH_VARARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
"#,
    );
    insta::assert_snapshot!(render(&text));
}

#[test]
fn md001_vector_callback_with_tuple_flags() {
    let text = with_prelude(
        r#"unsafe extern "C" fn first(_m: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    if nargs < 1 {
        return Py_NewRef(Py_None());
    }
    Py_NewRef(*args)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"first".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionFast: first },
        ml_flags: METH_VARARGS | METH_KEYWORDS | METH_CLASS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
"#,
    );
    insta::assert_snapshot!(render(&text));
}

#[test]
fn md001_written_type_and_invalid_flags() {
    let text = with_prelude(
        r#"extern "C" {
    fn c_lookup(slf: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject;
}

unsafe extern "C" fn reset(_m: *mut PyObject, _u: *mut PyObject) -> *mut PyObject {
    Py_NewRef(Py_None())
}

static mut METHODS: [PyMethodDef; 3] = [
    PyMethodDef {
        ml_name: c"lookup".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunctionWithKeywords: c_lookup },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"reset".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: reset },
        ml_flags: METH_CLASS | METH_STATIC | METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
"#,
    );
    insta::assert_snapshot!(render(&text));
}

#[test]
fn md001_matching_tables_are_clean() {
    let text = with_prelude(
        r#"unsafe extern "C" fn noargs(slf: *mut PyObject, _u: *mut PyObject) -> *mut PyObject { Py_NewRef(slf) }
unsafe extern "C" fn kw(_s: *mut PyObject, a: *mut PyObject, _k: *mut PyObject) -> *mut PyObject { Py_NewRef(a) }
unsafe extern "C" fn fastkw(_s: *mut PyObject, _a: *const *mut PyObject, n: Py_ssize_t, _k: *mut PyObject) -> *mut PyObject {
    PyLong_FromSsize_t(n)
}
fn rust_impl(x: i64) -> i64 { x }

const FLAGS: c_int = METH_FASTCALL | METH_KEYWORDS;

static mut METHODS: [PyMethodDef; 5] = [
    PyMethodDef { ml_name: c"a".as_ptr(), ml_meth: PyMethodDefPointer { PyCFunction: noargs }, ml_flags: METH_NOARGS | METH_COEXIST, ml_doc: ptr::null() },
    PyMethodDef { ml_name: c"b".as_ptr(), ml_meth: PyMethodDefPointer { PyCFunctionWithKeywords: kw }, ml_flags: METH_VARARGS | METH_KEYWORDS, ml_doc: ptr::null() },
    PyMethodDef { ml_name: c"c".as_ptr(), ml_meth: PyMethodDefPointer { PyCFunctionFastWithKeywords: fastkw }, ml_flags: FLAGS, ml_doc: ptr::null() },
    PyMethodDef { ml_name: c"d".as_ptr(), ml_meth: PyMethodDefPointer { Void: rust_impl as *mut c_void }, ml_flags: METH_O, ml_doc: ptr::null() },
    PyMethodDef::zeroed(),
];
"#,
    );
    assert_eq!(md(&text), Vec::<&str>::new());
}

#[test]
fn md002_table_without_sentinel() {
    let text = with_prelude(
        r#"unsafe extern "C" fn ping(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    Py_NewRef(Py_None())
}

static mut METHODS: [PyMethodDef; 1] = [PyMethodDef {
    ml_name: c"ping".as_ptr(),
    ml_meth: PyMethodDefPointer { PyCFunction: ping },
    ml_flags: METH_NOARGS,
    ml_doc: ptr::null(),
}];

pub unsafe fn slots(new: *mut c_void) -> Vec<PyType_Slot> {
    vec![PyType_Slot { slot: Py_tp_new, pfunc: new }, PyType_Slot { slot: Py_tp_doc, pfunc: c"doc".as_ptr() as *mut c_void }]
}
"#,
    );
    insta::assert_snapshot!(render(&text));
}

#[test]
fn md002_sentinels_are_recognised() {
    let text = with_prelude(
        r#"const END: PyType_Slot = PyType_Slot { slot: 0, pfunc: ptr::null_mut() };
static mut A: [PyType_Slot; 2] = [PyType_Slot { slot: Py_tp_doc, pfunc: c"x".as_ptr() as *mut c_void }, END];
static mut B: [PyMemberDef; 1] = [unsafe { std::mem::zeroed() }];
static mut C: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED },
    PyModuleDef_Slot { slot: 0, value: std::ptr::null_mut::<c_void>() },
];
static mut D: [PyGetSetDef; 1] = [PyGetSetDef { name: ptr::null(), get: None, set: None, doc: ptr::null(), closure: ptr::null_mut() }];
"#,
    );
    assert_eq!(md(&text), Vec::<&str>::new());
}

#[test]
fn md003_single_phase() {
    let text = with_prelude(
        r#"static mut DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"legacy".as_ptr(),
    m_doc: ptr::null(),
    m_size: -1,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C" fn PyInit_legacy() -> *mut PyObject {
    PyModule_Create2(ptr::addr_of_mut!(DEF), PYTHON_API_VERSION)
}
"#,
    );
    insta::assert_snapshot!(render(&text));
}

#[test]
fn md003_multi_phase_is_clean() {
    let text = with_prelude(
        r#"static mut DEF: PyModuleDef = unsafe { std::mem::zeroed() };

unsafe extern "C" fn exec(module: *mut PyObject) -> c_int {
    let sub = PyModule_New(c"pkg.sub".as_ptr());
    if sub.is_null() {
        return -1;
    }
    PyModule_Add(module, c"sub".as_ptr(), sub)
}

#[no_mangle]
pub unsafe extern "C" fn PyInit_modern() -> *mut PyObject {
    PyModuleDef_Init(ptr::addr_of_mut!(DEF))
}
"#,
    );
    assert_eq!(md(&text), Vec::<&str>::new());
}

#[test]
fn md004_object_pointer_statics() {
    let text = with_prelude(
        r#"use std::sync::atomic::AtomicPtr;
use std::sync::OnceLock;

struct SendPtr(*mut PyTypeObject);
unsafe impl Send for SendPtr {}
unsafe impl Sync for SendPtr {}

static mut ERROR: *mut PyObject = ptr::null_mut();
static CACHE: AtomicPtr<PyObject> = AtomicPtr::new(ptr::null_mut());
static POINT_TYPE: OnceLock<SendPtr> = OnceLock::new();
"#,
    );
    insta::assert_snapshot!(render(&text));
}

#[test]
fn md004_definitions_and_static_types_are_clean() {
    let text = with_prelude(
        r#"static mut FOO_TYPE: PyTypeObject = unsafe { std::mem::zeroed() };
static mut DEF: PyModuleDef = unsafe { std::mem::zeroed() };
static mut METHODS: [PyMethodDef; 1] = [PyMethodDef::zeroed()];
static NAME: &std::ffi::CStr = c"name";
const NOTHING: *mut PyObject = ptr::null_mut();
static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
"#,
    );
    assert_eq!(md(&text), Vec::<&str>::new());
}

#[test]
fn md005_count_and_types() {
    let text = with_prelude(
        r#"pub unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut n: c_int = 0;
    let mut data: *const c_char = ptr::null();
    let mut len: c_int = 0;
    let mut items: *mut PyObject = ptr::null_mut();
    if PyArg_ParseTuple(args, c"O!|l:f".as_ptr(), &mut items, &mut n) == 0 {
        return ptr::null_mut();
    }
    if PyArg_ParseTuple(args, b"s#\0".as_ptr().cast(), &mut data, &mut len) == 0 {
        return ptr::null_mut();
    }
    let total: c_long = 0;
    Py_BuildValue(c"(ii)".as_ptr(), total, n)
}
"#,
    );
    insta::assert_snapshot!(render(&text));
}

#[test]
fn md005_units_checked_on_every_data_model() {
    let text = with_prelude(
        r#"pub unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut count: Py_ssize_t = 0;
    let mut size: c_long = 0;
    if PyArg_ParseTuple(args, c"ln".as_ptr(), &mut count, &mut size) == 0 {
        return ptr::null_mut();
    }
    let offset: i64 = 7;
    Py_BuildValue(c"(kn)".as_ptr(), offset as u64, count.unsigned_abs() as isize)
}
"#,
    );
    insta::assert_snapshot!(render(&text));
}

#[test]
fn md005_portable_integer_units_are_clean() {
    let text = with_prelude(
        r#"pub unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut count: Py_ssize_t = 0;
    let mut offset: i64 = 0;
    let mut mask: u64 = 0;
    let mut small: c_long = 0;
    let mut index: isize = 0;
    if PyArg_ParseTuple(args, c"nLKln".as_ptr(), &mut count, &mut offset, &mut mask, &mut small, &mut index) == 0 {
        return ptr::null_mut();
    }
    Py_BuildValue(c"(nLKln)".as_ptr(), count, offset, mask, small, [1u8].len() as usize)
}
"#,
    );
    assert_eq!(md(&text), Vec::<&str>::new());
}

#[test]
fn md005_keyword_list() {
    let text = with_prelude(
        r#"pub unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let mut a: *mut PyObject = ptr::null_mut();
    let mut b: c_int = 0;
    let mut kwlist = [c"a".as_ptr() as *mut c_char, ptr::null_mut()];
    if PyArg_ParseTupleAndKeywords(args, kwargs, c"O|i".as_ptr(), kwlist.as_mut_ptr(), &mut a, &mut b) == 0 {
        return ptr::null_mut();
    }
    let mut unterminated = [c"a".as_ptr() as *mut c_char, c"b".as_ptr() as *mut c_char];
    if PyArg_ParseTupleAndKeywords(args, kwargs, c"O|i".as_ptr(), unterminated.as_mut_ptr(), &mut a, &mut b) == 0 {
        return ptr::null_mut();
    }
    Py_NewRef(a)
}
"#,
    );
    insta::assert_snapshot!(render(&text));
}

#[test]
fn md005_matching_calls_are_clean() {
    let text = with_prelude(
        r#"const FMT: &std::ffi::CStr = c"(ii)|$d:point";

pub unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let mut x: c_int = 0;
    let mut y: c_int = 0;
    let mut z: f64 = 0.0;
    let mut kwlist = [c"xy".as_ptr() as *mut c_char, c"z".as_ptr() as *mut c_char, ptr::null_mut()];
    if PyArg_ParseTupleAndKeywords(args, kwargs, FMT.as_ptr(), kwlist.as_mut_ptr(), &mut x, &mut y, &mut z) == 0 {
        return ptr::null_mut();
    }
    let mut buf = std::mem::MaybeUninit::<Py_buffer>::uninit();
    let mut count = 0;
    if PyArg_ParseTuple(args, c"w*|n".as_ptr(), buf.as_mut_ptr(), &mut count) == 0 {
        return ptr::null_mut();
    }
    PyBuffer_Release(buf.as_mut_ptr());
    Py_BuildValue(c"{s:i,s:i,s:d,s:n}".as_ptr(), c"x".as_ptr(), x, c"y".as_ptr(), y, c"z".as_ptr(), z, c"n".as_ptr(), count as Py_ssize_t)
}
"#,
    );
    assert_eq!(md(&text), Vec::<&str>::new());
}

#[test]
fn md005_unparsed_formats_are_left_alone() {
    let text = with_prelude(
        r#"pub unsafe fn f(args: *mut PyObject, format: *const c_char) -> c_int {
    let mut x: c_int = 0;
    // A format the checker does not know (`u` was removed in 3.12) or cannot see.
    PyArg_ParseTuple(args, c"u".as_ptr(), &mut x) + PyArg_ParseTuple(args, format, &mut x)
}
"#,
    );
    assert_eq!(md(&text), Vec::<&str>::new());
}
