//! cpython-rs-lints: the analyser behind `cpython-rs check`.
//!
//! A library with no terminal and no CLI. The path data takes:
//! paths -> [`discover`] -> [`source`] (text, comments, syn AST) ->
//! [`crates`] (files grouped into crates) -> [`index`] (functions, callbacks)
//! -> rule families (`refcount`, `gil`, ...; the [`flow`] engine underneath)
//! -> [`suppress`] and selection ([`settings`]) -> sorted [`Diagnostic`]s.
//! [`engine::check`] runs it all.

pub mod baseline;
pub mod budget;
pub mod buildfiles;
pub mod callbacks;
pub mod callgraph;
pub mod capi;
pub mod checkout;
pub mod context;
pub mod crates;
pub mod diagnostic;
pub mod discover;
pub mod engine;
pub mod fix;
pub mod flow;
pub mod fsio;
pub mod index;
pub mod macros;
pub mod nesting;
pub mod provenance;
pub mod registry;
pub mod settings;
pub mod source;
pub mod spelling;
pub mod stack;
pub mod suppress;
pub mod syntax;
pub mod walk;

// Rule families, one file each.
pub mod errors;
pub mod gil;
pub mod module;
pub mod panic;
pub mod refcount;
pub mod safety;
pub mod unwind;
pub mod wiring;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
pub use engine::{check, check_source, CheckRequest, CheckResult};
pub use registry::Rule;
pub use settings::{ConfigError, Overrides, Settings};
