//! The per-crate index: every function with its module path, the callbacks,
//! and crate-wide declarations. Built once per crate; rules read it instead
//! of walking the AST again.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use syn::visit::Visit;

use crate::callbacks::Callbacks;
use crate::crates::{mod_candidates, ModDecl};
use crate::source::SourceFile;

/// A function or method with a body.
#[derive(Debug)]
pub struct FnItem<'a> {
    /// Index of its file in the crate's file list.
    pub file: usize,
    pub name: String,
    /// Module path inside the crate (`["args"]` for `src/args.rs`).
    pub module: Vec<String>,
    /// For methods: the last segment of the `impl` self type.
    pub self_ty: Option<String>,
    /// For trait impl methods: the trait's last segment.
    pub trait_name: Option<String>,
    pub sig: &'a syn::Signature,
    pub block: &'a syn::Block,
    pub attrs: &'a [syn::Attribute],
    /// Declared exactly `pub` (not `pub(crate)` or private).
    pub is_pub: bool,
    /// Inside `#[cfg(test)]` or a `#[test]` fn.
    pub in_test: bool,
}

impl FnItem<'_> {
    /// `module::Type::name`, for messages.
    pub fn qualified_name(&self) -> String {
        let mut parts = self.module.clone();
        if let Some(ty) = &self.self_ty {
            parts.push(ty.clone());
        }
        parts.push(self.name.clone());
        parts.join("::")
    }
}

/// What one crate contains, for rules that look beyond a single function.
pub struct CrateIndex<'a> {
    files: &'a [SourceFile],
    pub fns: Vec<FnItem<'a>>,
    pub callbacks: Callbacks,
    /// Module path of each file of the crate.
    pub file_modules: Vec<Vec<String>>,
    /// Some module definition declares `Py_MOD_GIL_NOT_USED` (free-threading support).
    pub gil_not_used: bool,
    by_name: HashMap<String, Vec<usize>>,
    /// Computed on first use, shared by every family that needs them.
    called: OnceCell<HashSet<String>>,
    macros: OnceCell<crate::flow::Macros>,
    /// Filled by [`crate::context::CrateContext::macro_callbacks`] (it needs the settings).
    pub(crate) macro_callbacks: OnceCell<Vec<crate::provenance::MacroCallback>>,
}

impl<'a> CrateIndex<'a> {
    /// Index `files`; callbacks and crate-wide Python declarations only when
    /// the crate mentions the C API (`python`).
    pub fn build(files: &'a [SourceFile], python: bool) -> Self {
        let file_modules = module_paths(files);
        let mut fns = Vec::new();
        for (i, file) in files.iter().enumerate() {
            let mut collector = FnCollector {
                file: i,
                module: file_modules[i].clone(),
                self_ty: None,
                trait_name: None,
                in_test: false,
                fns: &mut fns,
            };
            collector.visit_file(&file.ast);
        }
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in fns.iter().enumerate() {
            by_name.entry(f.name.clone()).or_default().push(i);
        }
        let gil_not_used = python && files.iter().any(|f| mentions_in_code(f, "Py_MOD_GIL_NOT_USED"));
        let callbacks = if python { Callbacks::collect(files) } else { Callbacks::default() };
        CrateIndex {
            files,
            fns,
            callbacks,
            file_modules,
            gil_not_used,
            by_name,
            called: OnceCell::new(),
            macros: OnceCell::new(),
            macro_callbacks: OnceCell::new(),
        }
    }

    /// Functions with this name, anywhere in the crate.
    pub fn fns_named(&self, name: &str) -> impl Iterator<Item = &FnItem<'a>> {
        self.by_name.get(name).into_iter().flatten().map(|&i| &self.fns[i])
    }

    /// The functions CPython can call.
    pub fn callback_fns(&self) -> impl Iterator<Item = &FnItem<'a>> {
        self.fns.iter().filter(|f| f.self_ty.is_none() && self.callbacks.is_callback(&f.name))
    }

    /// Every name the crate calls (functions, methods, identifiers inside macro
    /// invocations): only these need summaries.
    pub fn called_names(&self) -> &HashSet<String> {
        self.called.get_or_init(|| {
            let mut calls = Calls(HashSet::new());
            for file in self.files {
                calls.visit_file(&file.ast);
            }
            calls.0
        })
    }

    /// The crate's `macro_rules!` the flow engine can expand.
    pub fn macros(&self) -> &crate::flow::Macros {
        self.macros.get_or_init(|| crate::flow::Macros::collect(self.files))
    }

    /// Whether `f` is a callback (a free function CPython can call).
    pub fn is_callback(&self, f: &FnItem<'_>) -> bool {
        f.self_ty.is_none() && self.callbacks.is_callback(&f.name)
    }
}

/// Collects the names [`CrateIndex::called_names`] returns.
struct Calls(HashSet<String>);

impl<'ast> Visit<'ast> for Calls {
    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        if let syn::Expr::Path(p) = &*c.func {
            if let Some(last) = p.path.segments.last() {
                self.0.insert(last.ident.to_string());
            }
        }
        syn::visit::visit_expr_call(self, c);
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        self.0.insert(m.method.to_string());
        syn::visit::visit_expr_method_call(self, m);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        fn idents(tokens: proc_macro2::TokenStream, out: &mut HashSet<String>) {
            for t in tokens {
                match t {
                    proc_macro2::TokenTree::Ident(id) => {
                        out.insert(id.to_string());
                    }
                    proc_macro2::TokenTree::Group(g) => idents(g.stream(), out),
                    _ => {}
                }
            }
        }
        idents(mac.tokens.clone(), &mut self.0);
    }
}

/// Whether `word` occurs in `file` outside comments.
fn mentions_in_code(file: &SourceFile, word: &str) -> bool {
    file.text().match_indices(word).any(|(at, _)| !file.comments.iter().any(|c| c.range.contains(&at)))
}

/// The module path of each file, following out-of-line `mod` items from the root.
fn module_paths(files: &[SourceFile]) -> Vec<Vec<String>> {
    let mut paths: Vec<Option<Vec<String>>> = vec![None; files.len()];
    if files.is_empty() {
        return Vec::new();
    }
    let by_path: HashMap<PathBuf, usize> =
        files.iter().enumerate().map(|(i, f)| (crate::settings::absolute(f.path()), i)).collect();
    paths[0] = Some(Vec::new());
    let mut queue = vec![0];
    while let Some(i) = queue.pop() {
        let base = paths[i].clone().unwrap_or_default();
        let abs = crate::settings::absolute(files[i].path());
        let mut decls = Vec::new();
        collect_mod_items(&files[i].ast.items, &mut Vec::new(), &mut decls);
        for (inline_prefix, decl) in decls {
            let target = mod_candidates(&abs, &decl)
                .into_iter()
                .find_map(|c| by_path.get(&crate::settings::absolute(&c)).copied());
            if let Some(child) = target {
                if paths[child].is_none() {
                    let mut p = base.clone();
                    p.extend(inline_prefix);
                    p.push(decl.name.clone());
                    paths[child] = Some(p);
                    queue.push(child);
                }
            }
        }
    }
    paths.into_iter().map(Option::unwrap_or_default).collect()
}

fn collect_mod_items(items: &[syn::Item], prefix: &mut Vec<String>, out: &mut Vec<(Vec<String>, ModDecl)>) {
    for item in items {
        if let syn::Item::Mod(m) = item {
            match &m.content {
                None => {
                    let path_attr = m.attrs.iter().find(|a| a.path().is_ident("path")).and_then(|a| match &a.meta {
                        syn::Meta::NameValue(nv) => match &nv.value {
                            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value()),
                            _ => None,
                        },
                        _ => None,
                    });
                    out.push((prefix.clone(), ModDecl { name: m.ident.to_string(), path_attr }));
                }
                Some((_, inner)) => {
                    prefix.push(m.ident.to_string());
                    collect_mod_items(inner, prefix, out);
                    prefix.pop();
                }
            }
        }
    }
}

struct FnCollector<'a, 'v> {
    file: usize,
    module: Vec<String>,
    self_ty: Option<String>,
    trait_name: Option<String>,
    in_test: bool,
    fns: &'v mut Vec<FnItem<'a>>,
}

impl<'a> Visit<'a> for FnCollector<'a, '_> {
    fn visit_item_mod(&mut self, m: &'a syn::ItemMod) {
        let was_test = self.in_test;
        self.in_test |= crate::syntax::is_cfg_test(&m.attrs);
        self.module.push(m.ident.to_string());
        syn::visit::visit_item_mod(self, m);
        self.module.pop();
        self.in_test = was_test;
    }

    fn visit_item_fn(&mut self, f: &'a syn::ItemFn) {
        let outer = (self.self_ty.take(), self.trait_name.take());
        self.fns.push(FnItem {
            file: self.file,
            name: f.sig.ident.to_string(),
            module: self.module.clone(),
            self_ty: None,
            trait_name: None,
            sig: &f.sig,
            block: &f.block,
            attrs: &f.attrs,
            is_pub: matches!(f.vis, syn::Visibility::Public(_)),
            in_test: self.in_test || crate::syntax::is_cfg_test(&f.attrs),
        });
        syn::visit::visit_item_fn(self, f);
        (self.self_ty, self.trait_name) = outer;
    }

    fn visit_item_impl(&mut self, imp: &'a syn::ItemImpl) {
        let outer = (self.self_ty.clone(), self.trait_name.clone());
        self.self_ty = match &*imp.self_ty {
            syn::Type::Path(p) => crate::syntax::last_segment(&p.path),
            other => Some(crate::syntax::tokens_text(other)),
        };
        self.trait_name = imp.trait_.as_ref().and_then(|(_, path, _)| crate::syntax::last_segment(path));
        syn::visit::visit_item_impl(self, imp);
        (self.self_ty, self.trait_name) = outer;
    }

    fn visit_impl_item_fn(&mut self, f: &'a syn::ImplItemFn) {
        self.fns.push(FnItem {
            file: self.file,
            name: f.sig.ident.to_string(),
            module: self.module.clone(),
            self_ty: self.self_ty.clone(),
            trait_name: self.trait_name.clone(),
            sig: &f.sig,
            block: &f.block,
            attrs: &f.attrs,
            is_pub: matches!(f.vis, syn::Visibility::Public(_)),
            in_test: self.in_test || crate::syntax::is_cfg_test(&f.attrs),
        });
        syn::visit::visit_impl_item_fn(self, f);
    }

    fn visit_item_trait(&mut self, t: &'a syn::ItemTrait) {
        // Default method bodies belong to the trait.
        let outer = (self.self_ty.replace(t.ident.to_string()), self.trait_name.replace(t.ident.to_string()));
        for item in &t.items {
            if let syn::TraitItem::Fn(f) = item {
                if let Some(block) = &f.default {
                    self.fns.push(FnItem {
                        file: self.file,
                        name: f.sig.ident.to_string(),
                        module: self.module.clone(),
                        self_ty: self.self_ty.clone(),
                        trait_name: self.trait_name.clone(),
                        sig: &f.sig,
                        block,
                        attrs: &f.attrs,
                        is_pub: false,
                        in_test: self.in_test,
                    });
                }
            }
        }
        syn::visit::visit_item_trait(self, t);
        (self.self_ty, self.trait_name) = outer;
    }
}
