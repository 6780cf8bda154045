//! How a file spells a C-API name, so a fix that adds a call
//! (`Py_NewRef(x)`) writes it the way the file's other calls are written
//! (`ffi::Py_NewRef(x)`, or bare under `use pyo3_ffi::*`).

use std::collections::BTreeMap;

use syn::visit::Visit;

use crate::diagnostic::Applicability;
use crate::source::SourceFile;

/// The path to write for C-API function `name` in `file`, and how sure that
/// spelling is to resolve: safe when the file already calls `name` that way,
/// or calls other C-API functions through the same module path or a glob
/// import; unsafe when the name may still need importing.
pub fn api_call_path(file: &SourceFile, name: &str) -> (String, Applicability) {
    let mut calls = Calls::default();
    calls.visit_file(&file.ast);
    if let Some(prefix) = calls.of_name.get(name) {
        return (join(prefix, name), Applicability::Safe);
    }
    // The module path most other C-API calls go through.
    let common = calls.prefixes.iter().max_by_key(|(prefix, count)| (**count, prefix.is_empty()));
    match common {
        Some((prefix, _)) if !prefix.is_empty() => (join(prefix, name), Applicability::Safe),
        Some(_) if calls.glob_import => (name.to_string(), Applicability::Safe),
        _ => (name.to_string(), Applicability::Unsafe),
    }
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}::{name}")
    }
}

/// Whether a name looks like the C API's (`PyList_New`, `Py_None`, `_Py_Dealloc`).
fn is_api_name(name: &str) -> bool {
    let name = name.strip_prefix('_').unwrap_or(name);
    name.strip_prefix("Py").and_then(|rest| rest.chars().next()).is_some_and(|c| c.is_ascii_uppercase() || c == '_')
}

#[derive(Default)]
struct Calls {
    /// The module path each C-API name is called through ("" for bare).
    of_name: BTreeMap<String, String>,
    /// How many C-API calls go through each module path.
    prefixes: BTreeMap<String, usize>,
    /// A `use path::*;` anywhere in the file.
    glob_import: bool,
}

impl<'ast> Visit<'ast> for Calls {
    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if let syn::Expr::Path(p) = &*call.func {
            let segments: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            if let Some((last, prefix)) = segments.split_last() {
                if is_api_name(last) && p.qself.is_none() {
                    let prefix = prefix.join("::");
                    let prefix = if p.path.leading_colon.is_some() { format!("::{prefix}") } else { prefix };
                    self.of_name.entry(last.clone()).or_insert_with(|| prefix.clone());
                    *self.prefixes.entry(prefix).or_default() += 1;
                }
            }
        }
        syn::visit::visit_expr_call(self, call);
    }

    fn visit_use_glob(&mut self, glob: &'ast syn::UseGlob) {
        self.glob_import = true;
        syn::visit::visit_use_glob(self, glob);
    }
}
