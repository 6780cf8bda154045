//! MD003 single-phase initialisation and MD004 object pointers in statics:
//! both keep a module's state in the process instead of in the module object.
//!
//! A static *type object* (`static mut FOO_TYPE: PyTypeObject = ..`) is not
//! MD004: it is a value CPython itself has used for decades, not a reference
//! to an object created at run time; it is documented on the MD004 page.

use std::collections::HashSet;

use syn::spanned::Spanned;

use super::{items::Items, Walker};
use crate::diagnostic::Diagnostic;
use crate::syntax;

const SINGLE_PHASE: &[&str] = &["PyModule_Create", "PyModule_Create2", "PyModule_Create2TraceRefs"];

/// MD003 at a `PyModule_Create*` call.
pub(super) fn check_single_phase(w: &mut Walker<'_, '_>, call: &syn::ExprCall) {
    let Some(name) = syntax::call_name(call) else { return };
    // A module made from scratch is single-phase too when `PyInit_*` returns it.
    let from_scratch = w.in_pyinit && matches!(name.as_str(), "PyModule_New" | "PyModule_NewObject");
    if !SINGLE_PHASE.contains(&name.as_str()) && !from_scratch {
        return;
    }
    let file = w.file;
    let range = file.range_between(call.func.span(), call.paren_token.span.close());
    w.out.push(
        Diagnostic::new("MD003", file.path(), range, format!("`{name}` initialises the module in a single phase"))
            .with_primary_label("single-phase initialisation")
            .with_help(
                "return `PyModuleDef_Init(def)` from `PyInit_<name>` and do the setup in a `Py_mod_exec` slot \
                 (multi-phase init, PEP 489), or export `PyModExport_<name>` (PEP 793)",
            )
            .with_note(
                "a single-phase module is created once per process and cannot be loaded in a subinterpreter \
                 with its own GIL",
            ),
    );
}

/// MD004 at a `static` whose type holds a Python object pointer.
pub(super) fn check_static(w: &mut Walker<'_, '_>, item: &syn::ItemStatic) {
    let mut seen = HashSet::new();
    if w.immortal.contains(&item.ident.to_string()) || !holds_object_ptr(&item.ty, w.items, &mut seen) {
        return;
    }
    let file = w.file;
    let range = file.range_between(item.static_token.span, item.ty.span());
    w.out.push(
        Diagnostic::new("MD004", file.path(), range, format!("static `{}` holds a Python object pointer", item.ident))
            .with_primary_label("process-global, shared by every interpreter and every import of the module")
            .with_help(
                "keep the object in per-module state: give `PyModuleDef` an `m_size`, reach the state with \
             `PyModule_GetState` (or `PyType_GetModuleByDef` from a method), and visit it in `m_traverse`",
            )
            .with_note(
                "a static outlives the module: the object it holds leaks at finalisation and can be used from \
             an interpreter that did not create it",
            ),
    );
}

/// A crate struct that embeds an object header by value (`ob_base: PyObject`): a Python object layout.
fn is_object_struct(ty: &syn::Type, items: &Items<'_>) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    if p.path.segments.len() != 1 {
        return false;
    }
    let name = p.path.segments[0].ident.to_string();
    items.field_types(&name).is_some_and(|fields| fields.iter().any(|t| syntax::is_object_type(t)))
}

/// Whether a type is or contains a raw pointer to a Python object: `*mut PyObject`,
/// `NonNull<PyObject>`, `AtomicPtr<PyObject>`, any generic wrapper of one
/// (`OnceLock<..>`, `Mutex<..>`, `Option<..>`), arrays and tuples of them, and
/// crate structs with such a field.
fn holds_object_ptr(ty: &syn::Type, items: &Items<'_>, seen: &mut HashSet<String>) -> bool {
    match ty {
        // `*mut PyObject`, `*mut MyObject` (a crate struct laid out as an object),
        // `*mut *mut PyObject`, `*mut State` (a crate struct holding object pointers).
        syn::Type::Ptr(p) => {
            syntax::is_object_type(&p.elem)
                || is_object_struct(&p.elem, items)
                || holds_object_ptr(&p.elem, items, seen)
        }
        syn::Type::Path(p) => {
            let Some(last) = p.path.segments.last() else { return false };
            let name = last.ident.to_string();
            let generics: Vec<&syn::Type> = match &last.arguments {
                syn::PathArguments::AngleBracketed(args) => args
                    .args
                    .iter()
                    .filter_map(|a| match a {
                        syn::GenericArgument::Type(t) => Some(t),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            if matches!(name.as_str(), "NonNull" | "AtomicPtr") {
                return generics.first().is_some_and(|t| syntax::is_object_type(t) || holds_object_ptr(t, items, seen));
            }
            if matches!(name.as_str(), "PhantomData" | "PhantomPinned") {
                return false;
            }
            if !generics.is_empty() {
                return generics.iter().any(|t| holds_object_ptr(t, items, seen));
            }
            if p.path.segments.len() > 1 || !seen.insert(name.clone()) {
                return false;
            }
            if let Some(alias) = items.alias(&name) {
                return holds_object_ptr(alias, items, seen);
            }
            items.field_types(&name).is_some_and(|fields| fields.iter().any(|t| holds_object_ptr(t, items, seen)))
        }
        syn::Type::Array(a) => holds_object_ptr(&a.elem, items, seen),
        syn::Type::Slice(s) => holds_object_ptr(&s.elem, items, seen),
        // A `&'static` reference can only point at a static object, a definition like a static type.
        syn::Type::Reference(_) => false,
        syn::Type::Tuple(t) => t.elems.iter().any(|e| holds_object_ptr(e, items, seen)),
        syn::Type::Paren(p) => holds_object_ptr(&p.elem, items, seen),
        syn::Type::Group(g) => holds_object_ptr(&g.elem, items, seen),
        _ => false,
    }
}
