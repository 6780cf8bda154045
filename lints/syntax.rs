//! Small syntactic helpers every family needs: names of calls and paths,
//! ABIs, object-pointer types, and expressions inside macro invocations.

use quote::ToTokens;
use syn::punctuated::Punctuated;

/// The last segment of a path, as a string.
pub fn last_segment(path: &syn::Path) -> Option<String> {
    path.segments.last().map(|s| s.ident.to_string())
}

/// The name a call is matched by: the last path segment of its callee
/// (`ffi::PyList_Append(..)` -> `PyList_Append`).
pub fn call_name(call: &syn::ExprCall) -> Option<String> {
    match &*call.func {
        syn::Expr::Path(p) => last_segment(&p.path),
        _ => None,
    }
}

/// An expression's tokens as compact text, for messages and comparisons.
/// Whether `expr` is built only from paths, literals, casts, parentheses,
/// method calls and operators (`METH_O | METH_COEXIST`, `Py_tp_new as c_int`):
/// the shape of a constant argument. Asking this at every call is cheap;
/// rendering every argument as text would cost as much as the argument is big,
/// at every level of `f(f(f(..)))`.
pub fn is_constant_shaped(expr: &syn::Expr) -> bool {
    use syn::Expr;
    match expr {
        Expr::Path(_) | Expr::Lit(_) => true,
        Expr::Cast(c) => is_constant_shaped(&c.expr),
        Expr::Paren(p) => is_constant_shaped(&p.expr),
        Expr::Group(g) => is_constant_shaped(&g.expr),
        Expr::Unary(u) => is_constant_shaped(&u.expr),
        Expr::Binary(b) => is_constant_shaped(&b.left) && is_constant_shaped(&b.right),
        Expr::MethodCall(m) => is_constant_shaped(&m.receiver) && m.args.iter().all(is_constant_shaped),
        _ => false,
    }
}

pub fn expr_text(expr: &syn::Expr) -> String {
    tokens_text(expr)
}

/// Any syntax node's tokens as compact text (`a . b` -> `a.b`).
pub fn tokens_text(node: &impl ToTokens) -> String {
    let raw = node.to_token_stream().to_string();
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let prev = out.chars().last().unwrap_or(' ');
            let next = chars.peek().copied().unwrap_or(' ');
            let tight = |ch: char| matches!(ch, '.' | ':' | '(' | ')' | '[' | ']' | '!' | '&' | '*' | '<' | '>');
            if tight(prev) || tight(next) || next == ',' || next == ';' {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Names of functions an expression refers to without calling them:
/// `sum`, `sum as PyCFunction`, `Some(sum)`, `transmute(sum as ..)`.
pub fn fn_names_in(expr: &syn::Expr) -> Vec<String> {
    struct Names(Vec<String>);
    impl<'ast> syn::visit::Visit<'ast> for Names {
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            if let Some(name) = last_segment(&p.path) {
                let is_constant = name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                if !is_constant && name != "None" {
                    self.0.push(name);
                }
            }
        }
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            // The callee of a call (`Some`, `transmute`) is not a registered fn; its arguments may be.
            for arg in &call.args {
                self.visit_expr(arg);
            }
        }
        fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
            self.visit_expr(&call.receiver);
            for arg in &call.args {
                self.visit_expr(arg);
            }
        }
    }
    let mut names = Names(Vec::new());
    syn::visit::Visit::visit_expr(&mut names, expr);
    names.0
}

/// The ABI string of an `extern` fn (`extern "C"` -> `C`; bare `extern` -> `C`).
pub fn extern_abi(sig: &syn::Signature) -> Option<String> {
    let abi = sig.abi.as_ref()?;
    Some(abi.name.as_ref().map_or_else(|| "C".to_string(), |n| n.value()))
}

/// Whether a type is a raw pointer to a Python object (`*mut PyObject`,
/// `*mut ffi::PyObject`, `*const PyObject`).
pub fn is_object_ptr(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Ptr(ptr) => is_object_type(&ptr.elem),
        syn::Type::Group(g) => is_object_ptr(&g.elem),
        syn::Type::Paren(p) => is_object_ptr(&p.elem),
        _ => false,
    }
}

/// `Result<*mut PyObject, E>`, `Option<*mut PyObject>`, `Option<NonNull<PyObject>>`
/// (and `Result<NonNull<..>, E>`): an object pointer returned inside `Ok`/`Some`.
pub fn is_wrapped_object_ptr(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    let Some(last) = p.path.segments.last() else { return false };
    if last.ident != "Result" && last.ident != "Option" {
        return false;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return false };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) => is_object_ptr(inner) || is_nonnull_object(inner),
        _ => false,
    }
}

fn is_nonnull_object(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    let Some(last) = p.path.segments.last() else { return false };
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return false };
    last.ident == "NonNull" && matches!(args.args.first(), Some(syn::GenericArgument::Type(t)) if is_object_type(t))
}

/// Whether a type names a Python object struct (`PyObject`, `PyTypeObject`, `PyListObject`...).
pub fn is_object_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) => {
            last_segment(&p.path).is_some_and(|n| n == "PyObject" || (n.starts_with("Py") && n.ends_with("Object")))
        }
        syn::Type::Group(g) => is_object_type(&g.elem),
        syn::Type::Paren(p) => is_object_type(&p.elem),
        _ => false,
    }
}

/// Whether a signature takes or returns an object pointer.
pub fn signature_mentions_pyobject(sig: &syn::Signature) -> bool {
    let ret = match &sig.output {
        syn::ReturnType::Type(_, ty) => is_object_ptr(ty),
        syn::ReturnType::Default => false,
    };
    ret || sig.inputs.iter().any(|arg| matches!(arg, syn::FnArg::Typed(t) if is_object_ptr(&t.ty)))
}

/// The expressions inside a macro invocation, when its body parses as
/// comma-separated expressions or as statements: `ffi!(Py_DECREF(x))`,
/// `format!("{}", f(x))`. `None` for bodies that are not Rust expressions.
pub fn macro_exprs(mac: &syn::Macro) -> Option<Vec<syn::Expr>> {
    if mac.tokens.is_empty() {
        return Some(Vec::new());
    }
    if let Ok(list) = mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated) {
        return Some(list.into_iter().collect());
    }
    if let Ok(stmts) = mac.parse_body_with(syn::Block::parse_within) {
        let exprs: Vec<syn::Expr> = stmts
            .into_iter()
            .filter_map(|s| match s {
                syn::Stmt::Expr(e, _) => Some(e),
                syn::Stmt::Local(local) => local.init.map(|i| *i.expr),
                _ => None,
            })
            .collect();
        return Some(exprs);
    }
    None
}

/// Whether any identifier in `tokens` (at any depth) satisfies `pred`: a cheap
/// test before parsing a macro body.
pub fn tokens_mention(tokens: &proc_macro2::TokenStream, pred: impl Fn(&str) -> bool + Copy) -> bool {
    tokens.clone().into_iter().any(|tt| match tt {
        proc_macro2::TokenTree::Ident(id) => pred(&id.to_string()),
        proc_macro2::TokenTree::Group(g) => tokens_mention(&g.stream(), pred),
        _ => false,
    })
}

/// The name of a macro (`panic!` -> `panic`, `std::panic!` -> `panic`).
pub fn macro_name(mac: &syn::Macro) -> String {
    last_segment(&mac.path).unwrap_or_default()
}

/// Whether an item or statement's attributes say `#[cfg(test)]`.
pub fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg") && a.meta.require_list().is_ok_and(|l| tokens_text(&l.tokens).contains("test"))
    }) || attrs.iter().any(|a| a.path().is_ident("test"))
}

/// Whether a signature takes a safe-API token that proves an attached thread
/// state: `&ThreadState<'py>`, `Python<'py>`, or a `Bound<'py, T>` (which
/// only exists while the thread state it borrows is attached).
pub fn has_token_param(sig: &syn::Signature) -> bool {
    fn is_token(ty: &syn::Type) -> bool {
        match ty {
            syn::Type::Reference(r) => is_token(&r.elem),
            syn::Type::Paren(p) => is_token(&p.elem),
            syn::Type::Path(p) => {
                last_segment(&p.path).is_some_and(|n| matches!(n.as_str(), "ThreadState" | "Python" | "Bound"))
            }
            _ => false,
        }
    }
    sig.inputs.iter().any(|input| matches!(input, syn::FnArg::Typed(t) if is_token(&t.ty)))
}

/// Whether a condition tests that this thread has an attached thread state:
/// `!PyThreadState_GetUnchecked().is_null()` (`Some(true)`), or that it has
/// none: `PyThreadState_GetUnchecked().is_null()` (`Some(false)`).
pub fn thread_state_test(cond: &syn::Expr) -> Option<bool> {
    let (negated, inner) = match cond {
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => (true, &*u.expr),
        syn::Expr::Paren(p) => return thread_state_test(&p.expr),
        other => (false, other),
    };
    let text = tokens_text(inner);
    if !(text.contains("PyThreadState_GetUnchecked") || text.contains("_PyThreadState_GET")) {
        return None;
    }
    let is_null = text.ends_with(".is_null()") || text.contains("==std::ptr::null") || text.contains("==ptr::null");
    let non_null = text.contains("!=std::ptr::null") || text.contains("!=ptr::null") || text.ends_with(".is_some()");
    match (is_null, non_null) {
        (true, false) => Some(negated),
        (false, true) => Some(!negated),
        _ => None,
    }
}
