//! Safety documentation: SD001 `// SAFETY:` comments on `unsafe` blocks and
//! impls, SD002 `# Safety` sections on public `unsafe fn`s; both off where
//! the crate allows clippy's lint for the same thing.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use syn::spanned::Spanned;
use syn::visit::Visit;

mod clippy_allows;

use clippy_allows::{ClippyAllows, SafetyLint};

use crate::context::CrateContext;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::registry::Rule;
use crate::source::SourceFile;

pub const RULES: &[Rule] = &[
    declare_rule!(
        "SD001",
        "undocumented-unsafe",
        Safety,
        Warning,
        "An `unsafe` block or `unsafe impl` has no `// SAFETY:` comment directly above it"
    ),
    declare_rule!(
        "SD002",
        "missing-safety-doc",
        Safety,
        Warning,
        "A `pub unsafe fn` has no `# Safety` section in its docs"
    ),
];

pub fn check(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    let allows = ClippyAllows::collect(cx.files, &cx.index.file_modules);
    for (i, file) in cx.files.iter().enumerate() {
        let mut found = Vec::new();
        let mut visitor =
            SafetyVisitor { file, anchors: Vec::new(), out: &mut found, check_sd001: cx.enabled("SD001") };
        visitor.visit_file(&file.ast);
        out.extend(found.into_iter().filter(|d| !allows.allows(i, d.range.start, SafetyLint::Blocks)));
    }
    if cx.enabled("SD002") {
        for f in cx.index.fns.iter().filter(|f| f.is_pub && f.sig.unsafety.is_some() && f.trait_name.is_none()) {
            if !has_safety_section(f.attrs) {
                let file = &cx.files[f.file];
                let unsafe_kw = f.sig.unsafety.expect("filtered on unsafety");
                let range = file.range_between(unsafe_kw.span, f.sig.ident.span());
                if allows.allows(f.file, range.start, SafetyLint::Doc) {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        "SD002",
                        file.path(),
                        range,
                        format!("`pub unsafe fn {}` has no `# Safety` section", f.sig.ident),
                    )
                    .with_primary_label("callers cannot know what they must guarantee")
                    .with_help("add a `/// # Safety` section saying what the caller must guarantee"),
                );
            }
        }
    }
}

/// Whether doc attributes hold a `# Safety` heading (any level).
fn has_safety_section(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().filter(|a| a.path().is_ident("doc")).any(|a| match &a.meta {
        syn::Meta::NameValue(nv) => match &nv.value {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => s.value().lines().any(|line| {
                let l = line.trim();
                l.starts_with('#') && l.trim_start_matches('#').trim().eq_ignore_ascii_case("safety")
            }),
            _ => false,
        },
        _ => false,
    })
}

/// Whether a comment is a safety justification (`// SAFETY: ...`, any case).
fn is_safety_comment(text: &str) -> bool {
    let t = text.trim_start().trim_start_matches('*').trim_start();
    t.get(..7).is_some_and(|head| head.eq_ignore_ascii_case("safety:"))
}

/// A node a `// SAFETY:` comment above which covers the `unsafe` inside it.
#[derive(Clone, Copy)]
enum Anchor<'ast> {
    Stmt(&'ast syn::Stmt),
    Arm(&'ast syn::Arm),
    Field(&'ast syn::FieldValue),
    Item(&'ast syn::Item),
    ImplItem(&'ast syn::ImplItem),
}

impl Anchor<'_> {
    fn span(self) -> proc_macro2::Span {
        match self {
            Anchor::Stmt(n) => n.span(),
            Anchor::Arm(n) => n.span(),
            Anchor::Field(n) => n.span(),
            Anchor::Item(n) => n.span(),
            Anchor::ImplItem(n) => n.span(),
        }
    }

    /// Statements and items end the search for a comment.
    fn is_statement(self) -> bool {
        !matches!(self, Anchor::Arm(_) | Anchor::Field(_))
    }
}

struct SafetyVisitor<'ast, 'f, 'o> {
    file: &'f SourceFile,
    /// The statements, arms, fields and items enclosing the current node,
    /// innermost last. Their spans are only computed for an `unsafe` that
    /// needs them: `Spanned::span` re-tokenises the whole node.
    anchors: Vec<Anchor<'ast>>,
    out: &'o mut Vec<Diagnostic>,
    check_sd001: bool,
}

impl<'ast> SafetyVisitor<'ast, '_, '_> {
    /// Whether a `// SAFETY:` comment justifies `unsafe` at `offset`: above its
    /// line, earlier on its line, or above an enclosing statement up to the innermost one.
    fn justified(&self, offset: usize, stop_at_first_anchor: bool) -> bool {
        let line = self.file.line_of(offset);
        if self.file.comments_on_line(line).any(|c| c.range.end <= offset && is_safety_comment(&c.text)) {
            return true;
        }
        let above = |line: usize| self.file.comment_block_above(line).iter().any(|c| is_safety_comment(&c.text));
        if above(line) {
            return true;
        }
        for &node in self.anchors.iter().rev() {
            let anchor = self.file.range(node.span()).start;
            let anchor_line = self.file.line_of(anchor);
            if self.file.comments_on_line(anchor_line).any(|c| c.range.end <= anchor && is_safety_comment(&c.text))
                || above(anchor_line)
            {
                return true;
            }
            if stop_at_first_anchor || node.is_statement() {
                break;
            }
        }
        false
    }

    fn report(&mut self, unsafe_span: proc_macro2::Span, what: &str) {
        let range = self.file.range(unsafe_span);
        self.out.push(
            Diagnostic::new("SD001", self.file.path(), range, format!("{what} without a `// SAFETY:` comment"))
                .with_primary_label("why is this sound?")
                .with_help(
                    "add a `// SAFETY:` comment above it saying why each invariant the unsafe code relies on holds",
                ),
        );
    }

    /// `unsafe { .. }` and `unsafe impl` written in a `macro_rules!` body or in
    /// `quote!` output: every expansion carries them, so they are documented
    /// where they are written. A `// SAFETY:` comment counts on the line,
    /// above it, or above the start of the statement that holds it.
    fn check_generated(&mut self, tokens: &TokenStream, macro_name: &str) {
        let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
        let mut statement_start = 0;
        for (i, tt) in tts.iter().enumerate() {
            match tt {
                TokenTree::Punct(p) if p.as_char() == ';' => statement_start = i + 1,
                TokenTree::Group(g) => self.check_generated(&g.stream(), macro_name),
                TokenTree::Ident(id) if id == "unsafe" => {
                    let what = match tts.get(i + 1) {
                        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => "`unsafe` block",
                        Some(TokenTree::Ident(next)) if next == "impl" => "`unsafe impl`",
                        _ => continue,
                    };
                    let offset = self.file.range(id.span()).start;
                    let line = self.file.line_of(offset);
                    let start_line =
                        tts.get(statement_start).map_or(line, |t| self.file.line_of(self.file.range(t.span()).start));
                    let on_line =
                        self.file.comments_on_line(line).any(|c| c.range.end <= offset && is_safety_comment(&c.text));
                    let above = |l: usize| self.file.comment_block_above(l).iter().any(|c| is_safety_comment(&c.text));
                    if !(on_line || above(line) || above(start_line)) {
                        let where_ = if macro_name == "macro_rules" {
                            "a `macro_rules!` body".to_string()
                        } else {
                            format!("`{macro_name}!` output")
                        };
                        let range = self.file.range(id.span());
                        self.out.push(
                            Diagnostic::new("SD001", self.file.path(), range, format!("{what} in {where_} without a `// SAFETY:` comment"))
                                .with_primary_label("why is this sound?")
                                .with_note("every expansion of the macro carries this `unsafe` code; its justification belongs here, where it is written")
                                .with_help("add a `// SAFETY:` comment above it saying why each invariant the unsafe code relies on holds"),
                        );
                    }
                }
                _ => {}
            }
        }
    }

    fn with_anchor(&mut self, anchor: Anchor<'ast>, f: impl FnOnce(&mut Self)) {
        self.anchors.push(anchor);
        f(self);
        self.anchors.pop();
    }
}

impl<'ast> Visit<'ast> for SafetyVisitor<'ast, '_, '_> {
    fn visit_stmt(&mut self, stmt: &'ast syn::Stmt) {
        self.with_anchor(Anchor::Stmt(stmt), |v| syn::visit::visit_stmt(v, stmt));
    }

    fn visit_arm(&mut self, arm: &'ast syn::Arm) {
        self.with_anchor(Anchor::Arm(arm), |v| syn::visit::visit_arm(v, arm));
    }

    fn visit_field_value(&mut self, fv: &'ast syn::FieldValue) {
        self.with_anchor(Anchor::Field(fv), |v| syn::visit::visit_field_value(v, fv));
    }

    fn visit_item(&mut self, item: &'ast syn::Item) {
        // Items start a fresh chain: a comment above an enclosing fn does not cover its body.
        let outer = std::mem::take(&mut self.anchors);
        self.with_anchor(Anchor::Item(item), |v| syn::visit::visit_item(v, item));
        self.anchors = outer;
    }

    fn visit_impl_item(&mut self, item: &'ast syn::ImplItem) {
        let outer = std::mem::take(&mut self.anchors);
        self.with_anchor(Anchor::ImplItem(item), |v| syn::visit::visit_impl_item(v, item));
        self.anchors = outer;
    }

    fn visit_expr_unsafe(&mut self, block: &'ast syn::ExprUnsafe) {
        if self.check_sd001 {
            let offset = self.file.range(block.unsafe_token.span).start;
            if !self.justified(offset, false) {
                self.report(block.unsafe_token.span, "`unsafe` block");
            }
        }
        syn::visit::visit_expr_unsafe(self, block);
    }

    fn visit_item_impl(&mut self, imp: &'ast syn::ItemImpl) {
        if let (true, Some(unsafety)) = (self.check_sd001, imp.unsafety) {
            // The item's own anchor is its first attribute; `unsafe` may sit below them.
            let offset = self.file.range(unsafety.span).start;
            if !self.justified(offset, true) {
                self.report(unsafety.span, "`unsafe impl`");
            }
        }
        syn::visit::visit_item_impl(self, imp);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // Parsed expressions are owned here, so they cannot be anchors; report
        // `unsafe` in macro arguments against the enclosing statement.
        if !self.check_sd001 || !crate::syntax::tokens_mention(&mac.tokens, |id| id == "unsafe") {
            return;
        }
        // Generated code does not parse as Rust: read its tokens.
        if mac.path.is_ident("macro_rules") || crate::macros::is_quote(mac) {
            self.check_generated(&mac.tokens, &crate::syntax::macro_name(mac));
            return;
        }
        let Some(exprs) = crate::syntax::macro_exprs(mac) else { return };
        for e in &exprs {
            let mut inner = SafetyVisitor {
                file: self.file,
                anchors: self.anchors.clone(),
                out: &mut *self.out,
                check_sd001: true,
            };
            inner.visit_expr(e);
        }
    }
}
