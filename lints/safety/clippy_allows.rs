//! A crate's own decision about SAFETY documentation: clippy's
//! `undocumented_unsafe_blocks` (SD001) and `missing_safety_doc` (SD002),
//! allowed or expected in an attribute, turn the matching rule off for what
//! the attribute covers: a crate, a module file and the files below it, an
//! item, a statement.

use std::ops::Range;

use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::source::SourceFile;

/// The SD rules clippy has a lint for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SafetyLint {
    /// SD001: clippy's `undocumented_unsafe_blocks` (restriction group).
    Blocks,
    /// SD002: clippy's `missing_safety_doc` (style group, so `clippy::all` too).
    Doc,
}

impl SafetyLint {
    /// Whether `clippy::<name>` in an `allow`/`expect` covers this lint.
    fn named_by(self, name: &str) -> bool {
        match self {
            SafetyLint::Blocks => matches!(name, "undocumented_unsafe_blocks" | "restriction"),
            SafetyLint::Doc => matches!(name, "missing_safety_doc" | "style" | "all"),
        }
    }
}

/// Where each lint is allowed, per file of a crate.
#[derive(Debug, Default)]
pub struct ClippyAllows {
    /// Per file: lints allowed for the whole file, and byte ranges of items
    /// or statements whose attributes allow a lint.
    files: Vec<FileAllows>,
}

#[derive(Debug, Default, Clone)]
struct FileAllows {
    whole: Vec<SafetyLint>,
    ranges: Vec<(Range<usize>, SafetyLint)>,
}

impl ClippyAllows {
    /// Read the attributes of a crate's files; `modules` is each file's module
    /// path, so a file's inner `#![allow]` covers the modules declared below it.
    pub fn collect(files: &[SourceFile], modules: &[Vec<String>]) -> Self {
        let mut per_file: Vec<FileAllows> = files.iter().map(|_| FileAllows::default()).collect();
        for (i, file) in files.iter().enumerate() {
            let inner: Vec<SafetyLint> = allowed_lints(&file.ast.attrs);
            if !inner.is_empty() {
                let here = modules.get(i).cloned().unwrap_or_default();
                for (j, module) in modules.iter().enumerate() {
                    // Module paths come from the crate root; a file outside the
                    // tree (no path but not the root) only covers itself.
                    let below = if i == j { true } else { module.starts_with(&here) && (!here.is_empty() || i == 0) };
                    if below {
                        per_file[j].whole.extend(inner.iter().copied());
                    }
                }
            }
            let mut collector = RangeCollector { file, ranges: Vec::new() };
            collector.visit_file(&file.ast);
            per_file[i].ranges = collector.ranges;
        }
        ClippyAllows { files: per_file }
    }

    /// Whether `lint` is allowed at byte `offset` of file `file`.
    pub fn allows(&self, file: usize, offset: usize, lint: SafetyLint) -> bool {
        let Some(f) = self.files.get(file) else { return false };
        f.whole.contains(&lint) || f.ranges.iter().any(|(r, l)| *l == lint && r.contains(&offset))
    }
}

/// The lints `allow(...)` / `expect(...)` attributes name, also inside `cfg_attr`:
/// a crate that allows a lint under some configuration has decided about it.
fn allowed_lints(attrs: &[syn::Attribute]) -> Vec<SafetyLint> {
    let mut out = Vec::new();
    for attr in attrs {
        lints_in_meta(&attr.meta, &mut out);
    }
    out
}

fn lints_in_meta(meta: &syn::Meta, out: &mut Vec<SafetyLint>) {
    let syn::Meta::List(list) = meta else { return };
    let Ok(nested) = list.parse_args_with(syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
    else {
        return;
    };
    if list.path.is_ident("cfg_attr") {
        for inner in nested.iter().skip(1) {
            lints_in_meta(inner, out);
        }
        return;
    }
    if !(list.path.is_ident("allow") || list.path.is_ident("expect")) {
        return;
    }
    for item in &nested {
        let syn::Meta::Path(path) = item else { continue };
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let [tool, name] = segments.as_slice() else { continue };
        if tool != "clippy" {
            continue;
        }
        for lint in [SafetyLint::Blocks, SafetyLint::Doc] {
            if lint.named_by(name) && !out.contains(&lint) {
                out.push(lint);
            }
        }
    }
}

/// Collects the byte ranges of nodes whose outer attributes allow a lint.
struct RangeCollector<'f> {
    file: &'f SourceFile,
    ranges: Vec<(Range<usize>, SafetyLint)>,
}

impl RangeCollector<'_> {
    fn note(&mut self, attrs: &[syn::Attribute], node: &impl Spanned) {
        let lints = allowed_lints(attrs);
        if lints.is_empty() {
            return;
        }
        let range = self.file.range(node.span());
        self.ranges.extend(lints.into_iter().map(|l| (range.clone(), l)));
    }
}

/// The attributes of an item, whatever its kind.
fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::ExternCrate(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::ForeignMod(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::TraitAlias(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Union(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

impl<'ast> Visit<'ast> for RangeCollector<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        self.note(item_attrs(item), item);
        syn::visit::visit_item(self, item);
    }

    fn visit_impl_item(&mut self, item: &'ast syn::ImplItem) {
        let attrs: &[syn::Attribute] = match item {
            syn::ImplItem::Const(i) => &i.attrs,
            syn::ImplItem::Fn(i) => &i.attrs,
            syn::ImplItem::Type(i) => &i.attrs,
            syn::ImplItem::Macro(i) => &i.attrs,
            _ => &[],
        };
        self.note(attrs, item);
        syn::visit::visit_impl_item(self, item);
    }

    fn visit_trait_item(&mut self, item: &'ast syn::TraitItem) {
        let attrs: &[syn::Attribute] = match item {
            syn::TraitItem::Const(i) => &i.attrs,
            syn::TraitItem::Fn(i) => &i.attrs,
            syn::TraitItem::Type(i) => &i.attrs,
            syn::TraitItem::Macro(i) => &i.attrs,
            _ => &[],
        };
        self.note(attrs, item);
        syn::visit::visit_trait_item(self, item);
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        self.note(&local.attrs, local);
        syn::visit::visit_local(self, local);
    }

    fn visit_expr_unsafe(&mut self, e: &'ast syn::ExprUnsafe) {
        self.note(&e.attrs, e);
        syn::visit::visit_expr_unsafe(self, e);
    }

    fn visit_expr_block(&mut self, e: &'ast syn::ExprBlock) {
        self.note(&e.attrs, e);
        syn::visit::visit_expr_block(self, e);
    }

    fn visit_expr_closure(&mut self, e: &'ast syn::ExprClosure) {
        self.note(&e.attrs, e);
        syn::visit::visit_expr_closure(self, e);
    }
}
