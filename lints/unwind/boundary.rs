//! UW005: a macro that generates an `extern "C"` function calling its user's
//! code with no panic boundary around the call (see [`crate::macros`]).

use crate::context::CrateContext;
use crate::diagnostic::Diagnostic;
use crate::macros::{self, Origin};

pub fn check(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    for found in macros::unguarded_trampolines(cx.files) {
        let file = &cx.files[found.file];
        let name = &found.trampoline.name;
        let (who, whose) = match &found.origin {
            Origin::Rules { name: mac, .. } => (format!("`macro_rules! {mac}`"), "the macro's caller"),
            Origin::Quote { enclosing: Some(f) } => (format!("the `quote!` output of `{f}`"), "the annotated item"),
            Origin::Quote { enclosing: None } => ("this `quote!` output".to_string(), "the annotated item"),
        };
        let mut d = Diagnostic::new(
            "UW005",
            file.path(),
            found.trampoline.sig.clone(),
            format!("{who} generates `extern \"C\" fn {name}`, which runs code from {whose} with no `catch_unwind`"),
        )
        .with_primary_label("a panic in the user's code aborts the interpreter here")
        .with_note(
            "a panic cannot unwind out of an `extern \"C\"` function: since Rust 1.81 it aborts the process at the \
             boundary, so every user of the macro inherits the abort",
        )
        .with_help(
            "run the user's code under `std::panic::catch_unwind`, turn a caught panic into a Python exception \
             (`PyErr_SetString(PyExc_SystemError, ..)`) and return the callback's error value; PyO3's \
             `impl_::trampoline` functions are prior art",
        );
        if let Some(user) = found.user {
            d = d.with_label(file.path(), user, "the user's code is called here");
        }
        out.push(d);
    }
}
