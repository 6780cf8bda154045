//! SD001 and SD002: what they flag, what they accept, and how the finding reads.

use cpython_rs::testing::{check_snippet, codes, render_snippet};
use insta::assert_snapshot;

fn sd(text: &str) -> Vec<&'static str> {
    codes(&check_snippet("lib.rs", text, &["SD"]))
}

#[test]
fn sd001_unsafe_block_without_comment() {
    let text = "use pyo3_ffi::*;\n\npub fn size(list: *mut PyObject) -> isize {\n    let n = unsafe { PyList_Size(list) };\n    n\n}\n";
    assert_snapshot!(render_snippet("src/lib.rs", text, &["SD"]));
}

#[test]
fn sd001_unsafe_impl_without_comment() {
    let text = "pub struct Module(*mut u8);\n\n#[allow(unused)]\nunsafe impl Sync for Module {}\n";
    assert_snapshot!(render_snippet("src/lib.rs", text, &["SD"]));
}

#[test]
fn sd001_accepts_the_usual_places_for_the_comment() {
    let accepted = [
        // Directly above.
        "fn f(p: *const u8) -> u8 {\n    // SAFETY: p is valid.\n    unsafe { *p }\n}\n",
        // Above the statement that holds it, spread over lines.
        "fn f(p: *const u8) -> u8 {\n    // SAFETY: p is valid.\n    let v =\n        unsafe { *p };\n    v\n}\n",
        // Attributes between the comment and the item.
        "struct S(*mut u8);\n// SAFETY: S is never shared mutably.\n#[allow(unused)]\n#[doc(hidden)]\nunsafe impl Send for S {}\n",
        // A block comment, and a lower-case marker.
        "fn f(p: *const u8) -> u8 {\n    /* Safety: p is valid. */\n    unsafe { *p }\n}\n",
        // Earlier on the same line.
        "fn f(p: *const u8) -> u8 {\n    /* SAFETY: p is valid */ unsafe { *p }\n}\n",
        // Above a match arm.
        "fn f(p: *const u8, k: u8) -> u8 {\n    match k {\n        // SAFETY: k == 0 means p is valid.\n        0 => unsafe { *p },\n        _ => 0,\n    }\n}\n",
        // Above a struct field initialiser.
        "struct T { v: u8 }\nfn f(p: *const u8) -> T {\n    T {\n        // SAFETY: p is valid.\n        v: unsafe { *p },\n    }\n}\n",
        // Inside a wrapper macro's arguments, the statement's comment counts.
        "fn f(p: *const u8) {\n    // SAFETY: p is valid.\n    println!(\"{}\", unsafe { *p });\n}\n",
    ];
    for text in accepted {
        assert_eq!(sd(text), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn sd001_rejects_comments_that_do_not_cover_the_block() {
    let rejected = [
        // A blank line in between.
        "fn f(p: *const u8) -> u8 {\n    // SAFETY: p is valid.\n\n    unsafe { *p }\n}\n",
        // A comment that is not a safety comment.
        "fn f(p: *const u8) -> u8 {\n    // read the byte\n    unsafe { *p }\n}\n",
        // A comment trailing the previous statement.
        "fn f(p: *const u8) -> u8 {\n    let a = 1; // SAFETY: about a\n    unsafe { *p + a }\n}\n",
        // The comment above a fn does not cover the blocks in its body.
        "// SAFETY: callers pass valid pointers.\nfn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n",
        // Inside a macro without a comment.
        "fn f(p: *const u8) {\n    println!(\"{}\", unsafe { *p });\n}\n",
        // SAFETY in a string is not a comment.
        "fn f(p: *const u8) -> u8 {\n    let _s = \"// SAFETY: no\";\n    unsafe { *p }\n}\n",
    ];
    for text in rejected {
        assert_eq!(sd(text), vec!["SD001"], "{text}");
    }
}

#[test]
fn sd002_pub_unsafe_fn_without_safety_section() {
    let text = "/// Reads a byte.\npub unsafe fn read(p: *const u8) -> u8 {\n    // SAFETY: forwarded to the caller.\n    unsafe { *p }\n}\n";
    assert_snapshot!(render_snippet("src/lib.rs", text, &["SD"]));
}

#[test]
fn sd002_only_for_public_items_without_the_section() {
    let clean = [
        "/// Reads.\n///\n/// # Safety\n/// `p` must be valid.\npub unsafe fn read(p: *const u8) -> u8 {\n    // SAFETY: as documented.\n    unsafe { *p }\n}\n",
        "pub(crate) unsafe fn read(p: *const u8) -> u8 {\n    // SAFETY: as documented.\n    unsafe { *p }\n}\n",
        "unsafe fn read(p: *const u8) -> u8 {\n    // SAFETY: as documented.\n    unsafe { *p }\n}\n",
        "pub struct S;\npub unsafe trait T { unsafe fn f(&self); }\n// SAFETY: S has no state.\nunsafe impl T for S {\n    unsafe fn f(&self) {}\n}\n",
        "/// Reads.\n/// ## Safety\n/// valid p\npub unsafe fn read(p: *const u8) -> u8 {\n    // SAFETY: as documented.\n    unsafe { *p }\n}\n",
    ];
    for text in clean {
        assert_eq!(sd(text), Vec::<&str>::new(), "{text}");
    }
    let method = "pub struct S;\nimpl S {\n    /// Reads.\n    pub unsafe fn read(&self, p: *const u8) -> u8 {\n        // SAFETY: forwarded.\n        unsafe { *p }\n    }\n}\n";
    assert_eq!(sd(method), vec!["SD002"]);
}

#[test]
fn non_ascii_comments_do_not_confuse_the_search() {
    let text = "fn f(p: *const u8) -> u8 {\n    // café: ünïcödé\n    // SAFETY: p is valid — see the caller.\n    unsafe { *p }\n}\n";
    assert_eq!(sd(text), Vec::<&str>::new());
}

#[test]
fn sd001_in_macro_rules_bodies_and_quote_output() {
    let text = r#"
macro_rules! exec_slot {
    ($exec:path) => {
        unsafe extern "C" fn __exec(m: *mut PyObject) -> c_int {
            unsafe { run($exec, m) }
        }
        // SAFETY: the slot is called with the Py_mod_exec signature.
        static SLOT: Slot = Slot(unsafe { transmute(__exec as unsafe extern "C" fn(*mut PyObject) -> c_int) });
    };
}

fn payload(ty: &syn::Type) -> proc_macro2::TokenStream {
    quote::quote! {
        let __this: &#ty = unsafe { payload_ref::<#ty>(__slf) };
    }
}
"#;
    assert_snapshot!(cpython_rs::testing::render_snippet("lib.rs", text, &["SD001"]));
}
