//! Code that macros generate, read from their definitions: `macro_rules!`
//! transcribers and the tokens proc macros hand to `quote!`.
//!
//! Neither parses as Rust (`$name`, `#name` stand for the macro user's
//! code), so this works on tokens: it finds the `extern "C"` functions a
//! macro generates, whether they call code the macro's user supplied, and
//! whether a panic boundary (`catch_unwind`, or a runtime trampoline that
//! runs one) is around that call. UW005 reports such trampolines, SD001
//! reads the `unsafe` blocks written in macro bodies, and the macro-generated
//! callbacks of a crate ([`crate::provenance`]) take their catch verdict
//! from here.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::visit::Visit;

use crate::source::SourceFile;

/// Where generated code is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// One rule's transcriber of `macro_rules! name`; the metavariables its
    /// matcher binds, with their fragment kinds (`exec` -> `path`).
    Rules { name: String, metavars: HashMap<String, String> },
    /// A `quote!`/`quote_spanned!` inside the Rust function `enclosing`.
    Quote { enclosing: Option<String> },
}

/// One stretch of generated code.
#[derive(Debug, Clone)]
pub struct Generated {
    pub origin: Origin,
    pub tokens: TokenStream,
}

/// An `extern "C"` function a macro generates.
#[derive(Debug, Clone)]
pub struct Trampoline {
    /// The function's name as written (`trampoline`, `#name`, `$name`).
    pub name: String,
    /// From `extern` (or the `unsafe` before it) to the end of the signature.
    pub sig: Range<usize>,
    pub body: TokenStream,
}

/// Whether a macro invocation's tokens are generated code (`quote!`, `quote_spanned!`).
pub fn is_quote(mac: &syn::Macro) -> bool {
    matches!(crate::syntax::macro_name(mac).as_str(), "quote" | "quote_spanned")
}

/// Every stretch of generated code written in `file`.
pub fn generated_code(file: &SourceFile) -> Vec<Generated> {
    let text = file.text();
    if !text.contains("macro_rules") && !text.contains("quote") {
        return Vec::new();
    }
    let mut finder = Finder { enclosing: None, out: Vec::new() };
    finder.visit_file(&file.ast);
    finder.out
}

struct Finder {
    enclosing: Option<String>,
    out: Vec<Generated>,
}

impl<'ast> Visit<'ast> for Finder {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        let outer = self.enclosing.replace(f.sig.ident.to_string());
        syn::visit::visit_item_fn(self, f);
        self.enclosing = outer;
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        let outer = self.enclosing.replace(f.sig.ident.to_string());
        syn::visit::visit_impl_item_fn(self, f);
        self.enclosing = outer;
    }

    fn visit_item_macro(&mut self, m: &'ast syn::ItemMacro) {
        match (&m.ident, m.mac.path.is_ident("macro_rules")) {
            (Some(name), true) => {
                for (metavars, transcriber) in rules(&m.mac.tokens) {
                    self.out.push(Generated {
                        origin: Origin::Rules { name: name.to_string(), metavars },
                        tokens: transcriber,
                    });
                }
            }
            _ => syn::visit::visit_item_macro(self, m),
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if is_quote(mac) {
            self.out.push(Generated {
                origin: Origin::Quote { enclosing: self.enclosing.clone() },
                tokens: mac.tokens.clone(),
            });
        }
    }
}

/// The `(matcher) => {transcriber}` pairs of a `macro_rules!` body: the
/// matcher's metavariables and the transcriber's tokens.
fn rules(tokens: &TokenStream) -> Vec<(HashMap<String, String>, TokenStream)> {
    let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tts.len() {
        let (
            Some(TokenTree::Group(matcher)),
            Some(TokenTree::Punct(eq)),
            Some(TokenTree::Punct(gt)),
            Some(TokenTree::Group(body)),
        ) = (tts.get(i), tts.get(i + 1), tts.get(i + 2), tts.get(i + 3))
        else {
            i += 1;
            continue;
        };
        if eq.as_char() == '=' && gt.as_char() == '>' {
            let mut metavars = HashMap::new();
            collect_metavars(matcher.stream(), &mut metavars);
            out.push((metavars, body.stream()));
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// `$name:fragment` bindings of a matcher, through repetitions.
fn collect_metavars(tokens: TokenStream, out: &mut HashMap<String, String>) {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tt) in tts.iter().enumerate() {
        match tt {
            TokenTree::Punct(p) if p.as_char() == '$' => {
                if let (Some(TokenTree::Ident(name)), Some(TokenTree::Punct(colon)), Some(TokenTree::Ident(frag))) =
                    (tts.get(i + 1), tts.get(i + 2), tts.get(i + 3))
                {
                    if colon.as_char() == ':' {
                        out.insert(name.to_string(), frag.to_string());
                    }
                }
            }
            TokenTree::Group(g) => collect_metavars(g.stream(), out),
            _ => {}
        }
    }
}

/// The `extern "C"` (or `"system"`) functions defined in `tokens`, at any depth.
pub fn trampolines(file: &SourceFile, tokens: &TokenStream) -> Vec<Trampoline> {
    let mut out = Vec::new();
    find_trampolines(file, tokens, &mut out);
    out
}

fn find_trampolines(file: &SourceFile, tokens: &TokenStream, out: &mut Vec<Trampoline>) {
    let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let mut i = 0;
    while i < tts.len() {
        if let Some((trampoline, next)) = trampoline_at(file, &tts, i) {
            out.push(trampoline);
            i = next;
            continue;
        }
        if let TokenTree::Group(g) = &tts[i] {
            find_trampolines(file, &g.stream(), out);
        }
        i += 1;
    }
}

/// `[unsafe] extern "C" fn NAME (..) [-> T] { body }` starting at `tts[i]`.
fn trampoline_at(file: &SourceFile, tts: &[TokenTree], i: usize) -> Option<(Trampoline, usize)> {
    let TokenTree::Ident(kw) = &tts[i] else { return None };
    if kw != "extern" {
        return None;
    }
    let TokenTree::Literal(abi) = tts.get(i + 1)? else { return None };
    if !matches!(abi.to_string().as_str(), "\"C\"" | "\"system\"") {
        return None;
    }
    if !matches!(tts.get(i + 2)?, TokenTree::Ident(f) if f == "fn") {
        return None;
    }
    // The name: an identifier, or an interpolated one (`#name`, `$name`).
    let (name, mut j) = match tts.get(i + 3)? {
        TokenTree::Ident(n) => (n.to_string(), i + 4),
        TokenTree::Punct(p) if matches!(p.as_char(), '#' | '$') => match tts.get(i + 4)? {
            TokenTree::Ident(n) => (format!("{}{n}", p.as_char()), i + 5),
            _ => return None,
        },
        _ => return None,
    };
    // Generic parameters, then the parameter list.
    while !matches!(tts.get(j)?, TokenTree::Group(g) if g.delimiter() == Delimiter::Parenthesis) {
        j += 1;
    }
    let mut end_of_sig = j;
    while !matches!(tts.get(j)?, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace) {
        end_of_sig = j;
        j += 1;
    }
    let TokenTree::Group(body) = &tts[j] else { return None };
    let start = match i.checked_sub(1).map(|k| &tts[k]) {
        Some(TokenTree::Ident(u)) if u == "unsafe" => tts[i - 1].span(),
        _ => kw.span(),
    };
    let sig = file.range(start).start..file.range(tts[end_of_sig].span()).end;
    Some((Trampoline { name, sig, body: body.stream() }, j + 1))
}

/// Every token of a stream, groups flattened (a group is also kept, before its contents).
pub fn flatten(tokens: &TokenStream) -> Vec<TokenTree> {
    let mut out = Vec::new();
    fn go(tokens: TokenStream, out: &mut Vec<TokenTree>) {
        for tt in tokens {
            if let TokenTree::Group(g) = &tt {
                let inner = g.stream();
                out.push(tt.clone());
                go(inner, out);
            } else {
                out.push(tt);
            }
        }
    }
    go(tokens.clone(), &mut out);
    out
}

/// Where the macro user's code enters a trampoline's body, if it does.
///
/// In a `macro_rules!` transcriber: a metavariable bound to code (`expr`,
/// `block`, `stmt`), a `path`/`ident` that is called (`$f(..)`,
/// `$f::<T>(..)`), a `path` handed to a call as a function value
/// (`exec_impl(m, $exec)`), or a `ty` a called function is instantiated
/// with (`exec_impl::<$state>(..)`: it calls the type's trait methods). In
/// `quote!` output: a call through an interpolated path (`super::#name(..)`),
/// looked for in the body and, when the body splices in other tokens
/// (`#body`), in every `quote!` of the same Rust function (`pool`).
/// Tokens inside other macros' invocations are not read: what those
/// macros do with them is not known here.
pub fn user_code(origin: &Origin, body: &TokenStream, pool: &[&TokenStream]) -> Option<Span> {
    match origin {
        Origin::Rules { metavars, .. } => {
            let tts = flatten_outside_macros(body);
            (0..tts.len()).find_map(|i| {
                let (TokenTree::Punct(p), Some(TokenTree::Ident(name))) = (&tts[i], tts.get(i + 1)) else {
                    return None;
                };
                if p.as_char() != '$' || name == "crate" {
                    return None;
                }
                let frag = metavars.get(&name.to_string())?;
                let before = i.checked_sub(1).map(|k| &tts[k]);
                let after = tts.get(i + 2);
                let called = match after {
                    Some(TokenTree::Group(g)) => g.delimiter() == Delimiter::Parenthesis,
                    Some(TokenTree::Punct(c)) => c.as_char() == ':' && turbofish_call(&tts, i + 2),
                    _ => false,
                };
                // After a `,`, or first in a parenthesised group (flattening puts the group first).
                let opens_args = matches!(before, Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis);
                let as_argument = (opens_args || matches!(before, Some(TokenTree::Punct(c)) if c.as_char() == ','))
                    && matches!(after, None | Some(TokenTree::Punct(_)))
                    && !matches!(after, Some(TokenTree::Punct(c)) if matches!(c.as_char(), '.' | ':'));
                let as_type_argument = matches!(before, Some(TokenTree::Punct(c)) if c.as_char() == '<')
                    && matches!(after, Some(TokenTree::Punct(c)) if c.as_char() == '>')
                    && matches!(tts.get(i + 3), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis);
                let code = match frag.as_str() {
                    "expr" | "block" | "stmt" => true,
                    "path" => called || as_argument,
                    "ident" => called,
                    "ty" => as_type_argument,
                    _ => false,
                };
                code.then(|| name.span())
            })
        }
        Origin::Quote { .. } => {
            if let Some(span) = interpolated_call(body) {
                return Some(span);
            }
            if !interpolates(body) {
                return None;
            }
            pool.iter().find_map(|tokens| interpolated_call(tokens))
        }
    }
}

/// `::<..>(` from `tts[at]` (the first `:`): a call with explicit generic arguments.
fn turbofish_call(tts: &[TokenTree], at: usize) -> bool {
    let mut depth = 0usize;
    for (k, tt) in tts.iter().enumerate().skip(at) {
        match tt {
            TokenTree::Punct(p) if p.as_char() == '<' => depth += 1,
            TokenTree::Punct(p) if p.as_char() == '>' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return matches!(tts.get(k + 1), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis);
                }
            }
            TokenTree::Punct(p) if p.as_char() == ':' => {}
            _ if depth == 0 => return false,
            _ => {}
        }
    }
    false
}

/// Macros whose arguments are evaluated where they are written: their tokens
/// are read like the surrounding code.
const TRANSPARENT_MACROS: &[&str] =
    &["format", "format_args", "concat", "stringify", "vec", "write", "writeln", "matches", "debug_assert", "assert"];

/// Like [`flatten`], without the arguments of other macros' invocations.
fn flatten_outside_macros(tokens: &TokenStream) -> Vec<TokenTree> {
    fn go(tokens: TokenStream, out: &mut Vec<TokenTree>) {
        let tts: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, tt) in tts.iter().enumerate() {
            out.push(tt.clone());
            if let TokenTree::Group(g) = tt {
                let invoked = match (i.checked_sub(2).map(|k| &tts[k]), i.checked_sub(1).map(|k| &tts[k])) {
                    (Some(TokenTree::Ident(m)), Some(TokenTree::Punct(bang))) if bang.as_char() == '!' => {
                        !TRANSPARENT_MACROS.contains(&m.to_string().as_str())
                    }
                    _ => false,
                };
                if !invoked {
                    go(g.stream(), out);
                }
            }
        }
    }
    let mut out = Vec::new();
    go(tokens.clone(), &mut out);
    out
}

/// Whether generated code hands a closure to a function it calls
/// (`_call_clear(slf, |py, slf| ..)`): that function may run it under
/// `catch_unwind`, and is not visible here.
fn hands_off_closure(tokens: &TokenStream) -> bool {
    let tts = flatten(tokens);
    tts.iter().enumerate().any(|(i, tt)| {
        let TokenTree::Group(g) = tt else { return false };
        if g.delimiter() != Delimiter::Parenthesis {
            return false;
        }
        let callee = match i.checked_sub(1).map(|k| &tts[k]) {
            Some(TokenTree::Ident(id)) => {
                !matches!(id.to_string().as_str(), "if" | "while" | "match" | "return" | "in")
            }
            Some(TokenTree::Punct(p)) => p.as_char() == '>',
            _ => false,
        };
        callee && g.stream().into_iter().any(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == '|'))
    })
}

/// `#name(..)`: a call whose callee ends in an interpolation (tokens of one
/// level: a group's end is not followed by what comes after the group).
fn interpolated_call(tokens: &TokenStream) -> Option<Span> {
    let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
    tts.iter().enumerate().find_map(|(i, tt)| match (tt, tts.get(i + 1), tts.get(i + 2)) {
        (TokenTree::Punct(p), Some(TokenTree::Ident(name)), Some(TokenTree::Group(g)))
            if p.as_char() == '#' && g.delimiter() == Delimiter::Parenthesis =>
        {
            Some(name.span())
        }
        (TokenTree::Group(g), _, _) => interpolated_call(&g.stream()),
        _ => None,
    })
}

/// Whether `quote!` tokens splice in other tokens (`#body`).
fn interpolates(tokens: &TokenStream) -> bool {
    flatten(tokens)
        .windows(2)
        .any(|w| matches!((&w[0], &w[1]), (TokenTree::Punct(p), TokenTree::Ident(_)) if p.as_char() == '#'))
}

/// Whether a panic boundary is around the user's code: `catch_unwind` (or a
/// `catch_panic` helper, or PyO3's `PanicTrap`, which aborts with a message
/// on purpose) in the body, a closure handed to a function the body calls
/// (which may catch: unknown, so silence), a call into a runtime trampoline
/// module or function (`impl_::trampoline::fastcall_with_keywords(..)`, as
/// PyO3 generates), or a call to one of `guard_fns` (functions of the macro's
/// crate that run their work under `catch_unwind`). When the body splices in
/// other tokens, the `pool` is read too.
pub fn guarded(origin: &Origin, body: &TokenStream, pool: &[&TokenStream], guard_fns: &HashSet<String>) -> bool {
    if guards(body, guard_fns) || hands_off_closure(body) {
        return true;
    }
    matches!(origin, Origin::Quote { .. })
        && interpolates(body)
        && pool.iter().any(|t| guards(t, guard_fns) || hands_off_closure(t))
}

fn guards(tokens: &TokenStream, guard_fns: &HashSet<String>) -> bool {
    let tts = flatten(tokens);
    tts.iter().enumerate().any(|(i, tt)| {
        let TokenTree::Ident(id) = tt else { return false };
        let name = id.to_string();
        if name.contains("catch_unwind") || name.contains("catch_panic") || is_abort_guard(&name) {
            return true;
        }
        let declared = matches!(i.checked_sub(1).map(|k| &tts[k]), Some(TokenTree::Ident(f)) if f == "fn");
        let used = match tts.get(i + 1) {
            Some(TokenTree::Punct(p)) => matches!(p.as_char(), ':' | '<'),
            Some(TokenTree::Group(g)) => g.delimiter() == Delimiter::Parenthesis,
            _ => false,
        };
        let trampoline = name == "trampoline" || name.ends_with("_trampoline") || name.starts_with("trampoline_");
        !declared && used && (trampoline || guard_fns.contains(&name))
    })
}

/// Guards that turn a panic into a deliberate abort with a message (PyO3's
/// `PanicTrap`, rust-cpython's `AbortOnDrop`): the choice is made, on purpose.
fn is_abort_guard(name: &str) -> bool {
    matches!(name, "PanicTrap" | "AbortOnDrop" | "abort_on_panic")
}

/// Names of `files`' functions whose bodies call `catch_unwind` (or set an
/// abort guard): a trampoline that calls one of them with the user's code is guarded.
pub fn catching_fns(files: &[SourceFile]) -> HashSet<String> {
    struct Fns(HashSet<String>);
    impl<'ast> Visit<'ast> for Fns {
        fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
            if mentions_catch(&f.block) {
                self.0.insert(f.sig.ident.to_string());
            }
            syn::visit::visit_item_fn(self, f);
        }
        fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
            if mentions_catch(&f.block) {
                self.0.insert(f.sig.ident.to_string());
            }
            syn::visit::visit_impl_item_fn(self, f);
        }
    }
    fn mentions_catch(block: &syn::Block) -> bool {
        let tokens = quote::ToTokens::to_token_stream(block);
        crate::syntax::tokens_mention(&tokens, |id| id.contains("catch_unwind") || is_abort_guard(id))
    }
    let mut fns = Fns(HashSet::new());
    for file in files
        .iter()
        .filter(|f| f.text().contains("catch_unwind") || f.text().contains("Abort") || f.text().contains("PanicTrap"))
    {
        fns.visit_file(&file.ast);
    }
    fns.0
}

/// A trampoline that calls its user's code with no panic boundary.
#[derive(Debug, Clone)]
pub struct Unguarded {
    pub file: usize,
    pub origin: Origin,
    pub trampoline: Trampoline,
    /// Where the user's code enters, when it is written in the same file.
    pub user: Option<Range<usize>>,
}

/// The unguarded trampolines written in `files` (one crate).
pub fn unguarded_trampolines(files: &[SourceFile]) -> Vec<Unguarded> {
    judge(files).into_iter().filter(|(_, guarded)| !guarded).map(|(u, _)| u).collect()
}

/// Every trampoline written in `files` that calls its user's code, with
/// whether a panic boundary is around the call.
pub fn judged_trampolines(files: &[SourceFile]) -> Vec<(Origin, bool)> {
    judge(files).into_iter().map(|(u, guarded)| (u.origin, guarded)).collect()
}

fn judge(files: &[SourceFile]) -> Vec<(Unguarded, bool)> {
    let candidates: Vec<usize> = (0..files.len())
        .filter(|&i| {
            let text = files[i].text();
            text.contains("extern") && (text.contains("macro_rules") || text.contains("quote"))
        })
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let guard_fns = catching_fns(files);
    let mut out = Vec::new();
    for i in candidates {
        let file = &files[i];
        let generated = generated_code(file);
        for g in &generated {
            let pool: Vec<&TokenStream> = match &g.origin {
                Origin::Quote { enclosing } => generated
                    .iter()
                    .filter(|o| matches!(&o.origin, Origin::Quote { enclosing: e } if e == enclosing))
                    .map(|o| &o.tokens)
                    .collect(),
                Origin::Rules { .. } => Vec::new(),
            };
            for trampoline in trampolines(file, &g.tokens) {
                let Some(user) = user_code(&g.origin, &trampoline.body, &pool) else { continue };
                let guarded = guarded(&g.origin, &trampoline.body, &pool, &guard_fns);
                let user = Some(file.range(user)).filter(|r| r.end > r.start);
                out.push((Unguarded { file: i, origin: g.origin.clone(), trampoline, user }, guarded));
            }
        }
    }
    out
}

/// The Rust functions of a proc-macro crate each `#[proc_macro*]` entry point
/// reaches (by name, within the crate), so a trampoline written in a helper
/// is charged to the macros that call it.
pub fn proc_macro_reach(files: &[SourceFile]) -> HashMap<String, HashSet<String>> {
    struct Calls {
        current: Option<String>,
        calls: HashMap<String, HashSet<String>>,
        entries: Vec<String>,
    }
    impl<'ast> Visit<'ast> for Calls {
        fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
            let name = f.sig.ident.to_string();
            if f.attrs.iter().any(|a| a.path().get_ident().is_some_and(|id| id.to_string().starts_with("proc_macro"))) {
                self.entries.push(name.clone());
            }
            let outer = self.current.replace(name);
            syn::visit::visit_item_fn(self, f);
            self.current = outer;
        }
        fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
            if let (Some(cur), syn::Expr::Path(p)) = (&self.current, &*c.func) {
                if let Some(last) = crate::syntax::last_segment(&p.path) {
                    self.calls.entry(cur.clone()).or_default().insert(last);
                }
            }
            syn::visit::visit_expr_call(self, c);
        }
    }
    let mut calls = Calls { current: None, calls: HashMap::new(), entries: Vec::new() };
    for file in files {
        calls.visit_file(&file.ast);
    }
    let mut out = HashMap::new();
    for entry in calls.entries {
        let mut seen: HashSet<String> = HashSet::new();
        let mut stack = vec![entry.clone()];
        while let Some(f) = stack.pop() {
            if seen.insert(f.clone()) {
                stack.extend(calls.calls.get(&f).into_iter().flatten().cloned());
            }
        }
        out.insert(entry, seen);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    fn unguarded(text: &str) -> Vec<String> {
        let file = crate::source::parse(Arc::from(Path::new("lib.rs")), Arc::from(text)).expect("parses");
        super::unguarded_trampolines(std::slice::from_ref(&file)).into_iter().map(|u| u.trampoline.name).collect()
    }

    #[test]
    fn macro_rules_trampoline_calling_a_path_metavariable() {
        let found = unguarded(
            r#"
            macro_rules! export {
                (exec: $exec:path, doc: $doc:literal) => {
                    unsafe extern "C" fn __exec(m: *mut PyObject) -> c_int {
                        run($exec, m)
                    }
                };
            }
            "#,
        );
        assert_eq!(found, ["__exec"]);
    }

    #[test]
    fn literal_metavariables_are_not_user_code() {
        let found = unguarded(
            r#"
            macro_rules! doc_getter {
                ($doc:literal) => {
                    unsafe extern "C" fn get(_m: *mut PyObject) -> *mut PyObject {
                        PyUnicode_FromString($doc.as_ptr())
                    }
                };
            }
            "#,
        );
        assert!(found.is_empty());
    }

    #[test]
    fn quote_trampoline_through_spliced_body_and_runtime_trampolines() {
        let unguarded_quote = r#"
            fn gen(name: &Ident) -> TokenStream {
                let call = quote! { super::#name(ts) };
                let body = quote! { let r = #call; convert(r) };
                quote! { unsafe extern "C" fn trampoline(s: *mut PyObject) -> *mut PyObject { #body } }
            }
        "#;
        assert_eq!(unguarded(unguarded_quote), ["trampoline"]);
        let pyo3_style = r#"
            fn gen(name: &Ident) -> TokenStream {
                let wrapper = quote! { fn wrap(py: Python) -> PyResult<*mut PyObject> { #name(py) } };
                quote! {
                    unsafe extern "C" fn trampoline(s: *mut PyObject) -> *mut PyObject {
                        #pyo3_path::impl_::trampoline::noargs(s, #wrapper)
                    }
                }
            }
        "#;
        assert!(unguarded(pyo3_style).is_empty());
        let caught = r#"
            fn gen(name: &Ident) -> TokenStream {
                quote! {
                    unsafe extern "C" fn trampoline(s: *mut PyObject) -> *mut PyObject {
                        match ::std::panic::catch_unwind(|| super::#name(s)) { Ok(p) => p, Err(_) => null_mut() }
                    }
                }
            }
        "#;
        assert!(unguarded(caught).is_empty());
    }
}
