//! Which functions CPython can call: the callbacks.
//!
//! A callback is an `extern "C"` fn registered in a `PyMethodDef`,
//! `PyType_Slot`, `PyModuleDef_Slot`, `PyGetSetDef`, a `tp_*` field, or
//! exported as `PyInit_*` / `PyModExport_*`. Where no registration is seen,
//! any `extern "C"` fn taking or returning `*mut PyObject` counts.

use std::collections::HashMap;

use syn::visit::Visit;

use crate::source::SourceFile;
use crate::syntax;

/// How a callback was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registration {
    /// In a `PyMethodDef`; `flags` is the `ml_flags` expression as written.
    MethodDef { flags: Option<String> },
    /// A `PyType_Slot` / `PyModuleDef_Slot`, with the slot constant (`Py_tp_iternext`, `Py_mod_exec`).
    Slot { slot: String },
    /// A `PyGetSetDef` getter or setter.
    GetSet,
    /// A `tp_*`/`m_*`/`nb_*`... field of a type, module def or method suite (`tp_iternext`).
    Field { field: String },
    /// `PyInit_*` or `PyModExport_*`.
    Export,
    /// Not seen registered, but `extern "C"` with object pointers in its signature.
    Signature,
}

/// The callbacks of one crate, by function name.
#[derive(Debug, Default)]
pub struct Callbacks {
    by_name: HashMap<String, Vec<Registration>>,
}

impl Callbacks {
    /// Find the callbacks among the crate's functions.
    pub fn collect(files: &[SourceFile]) -> Self {
        let mut finder = Finder { found: HashMap::new() };
        for file in files {
            finder.visit_file(&file.ast);
        }
        let mut by_name = finder.found;
        for file in files {
            let mut fns = FnSigs { sigs: Vec::new() };
            fns.visit_file(&file.ast);
            for sig in fns.sigs {
                let name = sig.ident.to_string();
                let c_abi = syntax::extern_abi(sig).is_some();
                if name.starts_with("PyInit_") || name.starts_with("PyModExport_") {
                    by_name.entry(name).or_default().push(Registration::Export);
                } else if c_abi && !by_name.contains_key(&name) && syntax::signature_mentions_pyobject(sig) {
                    by_name.entry(name).or_default().push(Registration::Signature);
                }
            }
        }
        Callbacks { by_name }
    }

    /// Whether CPython can call the function named `name`.
    pub fn is_callback(&self, name: &str) -> bool {
        self.by_name.contains_key(name)
    }

    pub fn registrations(&self, name: &str) -> &[Registration] {
        self.by_name.get(name).map_or(&[], Vec::as_slice)
    }

    /// Whether the function fills the `tp_iternext` slot (which may return NULL without an exception).
    pub fn is_iternext(&self, name: &str) -> bool {
        self.registrations(name).iter().any(|r| match r {
            Registration::Slot { slot } => slot.ends_with("tp_iternext"),
            Registration::Field { field } => field == "tp_iternext",
            _ => false,
        })
    }

    /// Whether the function is registered in a slot or field named like `what` (`tp_dealloc`).
    pub fn fills(&self, name: &str, what: &str) -> bool {
        self.registrations(name).iter().any(|r| match r {
            Registration::Slot { slot } => slot.ends_with(what),
            Registration::Field { field } => field == what,
            _ => false,
        })
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.by_name.keys().map(String::as_str)
    }
}

struct FnSigs<'ast> {
    sigs: Vec<&'ast syn::Signature>,
}

impl<'ast> Visit<'ast> for FnSigs<'ast> {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.sigs.push(&f.sig);
        syn::visit::visit_item_fn(self, f);
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.sigs.push(&f.sig);
        syn::visit::visit_impl_item_fn(self, f);
    }
}

struct Finder {
    found: HashMap<String, Vec<Registration>>,
}

const TABLE_STRUCTS: &[&str] = &[
    "PyTypeObject",
    "PyNumberMethods",
    "PySequenceMethods",
    "PyMappingMethods",
    "PyAsyncMethods",
    "PyBufferProcs",
    "PyModuleDef",
];

impl Finder {
    fn add(&mut self, expr: &syn::Expr, registration: Registration) {
        for name in syntax::fn_names_in(expr) {
            let list = self.found.entry(name).or_default();
            if !list.contains(&registration) {
                list.push(registration.clone());
            }
        }
    }

    fn field_value<'e>(lit: &'e syn::ExprStruct, field: &str) -> Option<&'e syn::Expr> {
        lit.fields.iter().find_map(|f| match &f.member {
            syn::Member::Named(id) if id == field => Some(&f.expr),
            _ => None,
        })
    }

    /// Helper constructors and macro rows of a method table: the argument list
    /// holds `METH_*` flags, so the functions named beside them are `ml_meth`s
    /// (`method_def(c"sum", sum, METH_VARARGS)`, `("sum", sum, METH_O)`).
    fn add_method_entry<'e>(&mut self, elems: impl Iterator<Item = &'e syn::Expr> + Clone) {
        let flags_text = |e: &syn::Expr| syntax::is_constant_shaped(e).then(|| syntax::expr_text(e));
        let Some(flags) = elems.clone().filter_map(flags_text).find(|t| t.contains("METH_")) else { return };
        for e in elems {
            if !flags_text(e).is_some_and(|t| t.contains("METH_")) {
                self.add(e, Registration::MethodDef { flags: Some(flags.clone()) });
            }
        }
    }
}

impl<'ast> Visit<'ast> for Finder {
    fn visit_expr_struct(&mut self, lit: &'ast syn::ExprStruct) {
        let ty = syntax::last_segment(&lit.path).unwrap_or_default();
        match ty.as_str() {
            "PyMethodDef" => {
                if let Some(meth) = Self::field_value(lit, "ml_meth") {
                    let flags = Self::field_value(lit, "ml_flags").map(syntax::expr_text);
                    self.add(meth, Registration::MethodDef { flags });
                }
            }
            "PyType_Slot" | "PyModuleDef_Slot" => {
                let slot = Self::field_value(lit, "slot").map(syntax::expr_text).unwrap_or_default();
                let value = Self::field_value(lit, "pfunc").or_else(|| Self::field_value(lit, "value"));
                if let Some(value) = value {
                    self.add(value, Registration::Slot { slot });
                }
            }
            "PyGetSetDef" => {
                for field in ["get", "set"] {
                    if let Some(v) = Self::field_value(lit, field) {
                        self.add(v, Registration::GetSet);
                    }
                }
            }
            t if TABLE_STRUCTS.contains(&t) => {
                for f in &lit.fields {
                    if let syn::Member::Named(id) = &f.member {
                        self.add(&f.expr, Registration::Field { field: id.to_string() });
                    }
                }
            }
            _ => {}
        }
        syn::visit::visit_expr_struct(self, lit);
    }

    fn visit_expr_assign(&mut self, assign: &'ast syn::ExprAssign) {
        // `(*ty).tp_dealloc = Some(dealloc);`
        if let syn::Expr::Field(field) = &*assign.left {
            if let syn::Member::Named(id) = &field.member {
                let name = id.to_string();
                if is_slot_field(&name) {
                    self.add(&assign.right, Registration::Field { field: name });
                }
            }
        }
        syn::visit::visit_expr_assign(self, assign);
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        // Tuple-struct style constructors and helper fns: `PyType_Slot::new(Py_tp_iternext, f)`,
        // `slot(Py_tp_iternext, f as _)`: a slot constant argument marks the others.
        let slot_text = |e: &syn::Expr| syntax::is_constant_shaped(e).then(|| syntax::expr_text(e));
        let slot = call.args.iter().filter_map(slot_text).find(|t| is_slot_constant(t));
        if let Some(slot) = slot {
            for arg in call.args.iter() {
                if !slot_text(arg).is_some_and(|t| is_slot_constant(&t)) {
                    self.add(arg, Registration::Slot { slot: slot.clone() });
                }
            }
        } else {
            self.add_method_entry(call.args.iter());
        }
        syn::visit::visit_expr_call(self, call);
    }

    fn visit_expr_tuple(&mut self, tuple: &'ast syn::ExprTuple) {
        // Tables built by a project macro: `methods![("sum", sum, METH_VARARGS), ..]`.
        self.add_method_entry(tuple.elems.iter());
        syn::visit::visit_expr_tuple(self, tuple);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let registers = |id: &str| {
            id.starts_with("Py")
                || id.starts_with("tp_")
                || id.starts_with("Py_tp_")
                || id.starts_with("Py_mod_")
                || id.starts_with("METH_")
        };
        if !syntax::tokens_mention(&mac.tokens, registers) {
            return;
        }
        if let Some(exprs) = syntax::macro_exprs(mac) {
            for e in &exprs {
                self.visit_expr(e);
            }
        }
        syn::visit::visit_macro(self, mac);
    }
}

fn is_slot_field(name: &str) -> bool {
    ["tp_", "nb_", "sq_", "mp_", "am_", "bf_"].iter().any(|p| name.starts_with(p))
        || matches!(name, "m_traverse" | "m_clear" | "m_free")
}

fn is_slot_constant(text: &str) -> bool {
    let last = text.rsplit("::").next().unwrap_or(text);
    last.starts_with("Py_tp_")
        || last.starts_with("Py_nb_")
        || last.starts_with("Py_sq_")
        || last.starts_with("Py_mp_")
        || last.starts_with("Py_am_")
        || last.starts_with("Py_bf_")
        || last == "Py_mod_exec"
        || last == "Py_mod_create"
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::{Callbacks, Registration};

    fn collect(text: &str) -> Callbacks {
        let file = crate::source::parse(Arc::from(Path::new("lib.rs")), Arc::from(text)).expect("parses");
        Callbacks::collect(std::slice::from_ref(&file))
    }

    #[test]
    fn method_entries_from_helper_constructors_and_macro_rows() {
        let found = collect(
            r#"
            static METHODS: [PyMethodDef; 3] = [
                method_def(c"sum", sum, METH_VARARGS),
                PyMethodDef::zeroed(),
            ];
            methods![("mean", mean, METH_O | METH_COEXIST)];
            "#,
        );
        assert_eq!(found.registrations("sum"), &[Registration::MethodDef { flags: Some("METH_VARARGS".into()) }]);
        assert_eq!(
            found.registrations("mean"),
            &[Registration::MethodDef { flags: Some("METH_O | METH_COEXIST".into()) }]
        );
        assert!(!found.is_callback("method_def"));
    }
}
