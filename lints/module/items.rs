//! Crate-wide declarations the module rules resolve names through: consts
//! and statics (a format string or flags kept in a `const`), structs and
//! type aliases (what a `static`'s type holds), function signatures.

use std::collections::HashMap;

use syn::visit::Visit;

use crate::source::SourceFile;

/// A `const` or `static` of the crate.
pub struct ValueItem<'a> {
    pub ty: &'a syn::Type,
    pub expr: &'a syn::Expr,
}

#[derive(Default)]
pub struct Items<'a> {
    values: HashMap<String, Vec<ValueItem<'a>>>,
    /// Field types of structs, unions and enums, by type name.
    fields: HashMap<String, Vec<&'a syn::Type>>,
    aliases: HashMap<String, Vec<&'a syn::Type>>,
    fns: HashMap<String, Vec<&'a syn::Signature>>,
}

impl<'a> Items<'a> {
    pub fn collect(files: &'a [SourceFile]) -> Self {
        let mut items = Items::default();
        for file in files {
            items.visit_file(&file.ast);
        }
        items
    }

    /// The crate's only `const`/`static` with this name.
    pub fn value(&self, name: &str) -> Option<&ValueItem<'a>> {
        match self.values.get(name).map(Vec::as_slice) {
            Some([one]) => Some(one),
            _ => None,
        }
    }

    /// The field types of the structs, unions and enums with this name.
    pub fn field_types(&self, name: &str) -> Option<&[&'a syn::Type]> {
        self.fields.get(name).map(Vec::as_slice)
    }

    /// What the crate's only `type name = ...;` aliases.
    pub fn alias(&self, name: &str) -> Option<&'a syn::Type> {
        match self.aliases.get(name).map(Vec::as_slice) {
            Some([one]) => Some(one),
            _ => None,
        }
    }

    /// The signature of the crate's only free function or method with this name.
    pub fn fn_sig(&self, name: &str) -> Option<&'a syn::Signature> {
        match self.fns.get(name).map(Vec::as_slice) {
            Some([one]) => Some(one),
            _ => None,
        }
    }
}

impl<'a> Visit<'a> for Items<'a> {
    fn visit_item_const(&mut self, item: &'a syn::ItemConst) {
        let value = ValueItem { ty: &item.ty, expr: &item.expr };
        self.values.entry(item.ident.to_string()).or_default().push(value);
        syn::visit::visit_item_const(self, item);
    }

    fn visit_item_static(&mut self, item: &'a syn::ItemStatic) {
        let value = ValueItem { ty: &item.ty, expr: &item.expr };
        self.values.entry(item.ident.to_string()).or_default().push(value);
        syn::visit::visit_item_static(self, item);
    }

    fn visit_item_struct(&mut self, item: &'a syn::ItemStruct) {
        let list = self.fields.entry(item.ident.to_string()).or_default();
        list.extend(item.fields.iter().map(|f| &f.ty));
        syn::visit::visit_item_struct(self, item);
    }

    fn visit_item_union(&mut self, item: &'a syn::ItemUnion) {
        let list = self.fields.entry(item.ident.to_string()).or_default();
        list.extend(item.fields.named.iter().map(|f| &f.ty));
        syn::visit::visit_item_union(self, item);
    }

    fn visit_item_enum(&mut self, item: &'a syn::ItemEnum) {
        let list = self.fields.entry(item.ident.to_string()).or_default();
        list.extend(item.variants.iter().flat_map(|v| v.fields.iter().map(|f| &f.ty)));
        syn::visit::visit_item_enum(self, item);
    }

    fn visit_item_type(&mut self, item: &'a syn::ItemType) {
        self.aliases.entry(item.ident.to_string()).or_default().push(&item.ty);
        syn::visit::visit_item_type(self, item);
    }

    fn visit_item_fn(&mut self, item: &'a syn::ItemFn) {
        self.fns.entry(item.sig.ident.to_string()).or_default().push(&item.sig);
        syn::visit::visit_item_fn(self, item);
    }

    fn visit_impl_item_fn(&mut self, item: &'a syn::ImplItemFn) {
        self.fns.entry(item.sig.ident.to_string()).or_default().push(&item.sig);
        syn::visit::visit_impl_item_fn(self, item);
    }
}
