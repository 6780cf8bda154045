//! `new-module`: scaffold a Rust extension module inside a CPython checkout,
//! or a standalone crate to prototype one outside it.
//!
//! The path: find the checkout ([`checkout`]) -> validate the name
//! ([`names`]) -> compute every file to write and every registration edit in
//! memory ([`templates`], [`edits`], [`news`]) as a [`plan::Plan`] -> print
//! it (`--dry-run`) or apply it all or nothing -> refresh `Cargo.lock`
//! ([`lock`]) -> print what changed and the next steps ([`report`]).

pub mod checkout;
pub mod edits;
mod in_tree;
pub mod journal;
pub mod lock;
pub mod marker;
pub mod names;
pub mod news;
mod out_of_tree;
pub mod plan;
pub mod report;
pub mod templates;

use std::path::PathBuf;

use clap::ValueEnum;

use self::lock::LockOutcome;
use self::news::{Section, Timestamp};
use self::plan::{ApplyError, ApplyOptions, Plan};
use self::report::{Problem, Refusal, Step};

/// How the generated module talks to CPython.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ApiStyle {
    /// `cpython-api`: module state type, `#[pyfunction]`, `export_module!` (PEP 793)
    Safe,
    /// `cpython-sys`: raw `extern "C"` callbacks, method table, `PyInit_<name>` (PEP 489)
    Sys,
}

/// Everything `new-module` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub name: String,
    /// `None`: the checkout's style (safe when `Modules/cpython-api` exists).
    pub api: Option<ApiStyle>,
    /// `--cpython DIR`; otherwise the checkout around `cwd`.
    pub cpython: Option<PathBuf>,
    /// `--out-of-tree DIR`: a standalone crate instead.
    pub out_of_tree: Option<PathBuf>,
    /// `--replaces MODULE`: the C or Python module this one accelerates.
    pub replaces: Option<String>,
    pub section: Section,
    pub gh_issue: Option<u64>,
    /// Overwrite files this tool generated (and nobody edited since).
    pub force: bool,
    pub cwd: PathBuf,
    /// The NEWS entry's time; `None` means now.
    pub now: Option<Timestamp>,
}

impl Options {
    /// Options for `name` with every default, starting from `cwd`.
    pub fn new(name: impl Into<String>, cwd: impl Into<PathBuf>) -> Options {
        Options {
            name: name.into(),
            api: None,
            cpython: None,
            out_of_tree: None,
            replaces: None,
            section: Section::library(),
            gh_issue: None,
            force: false,
            cwd: cwd.into(),
            now: None,
        }
    }
}

/// A `Cargo.lock` to refresh once the plan is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockRefresh {
    pub root: PathBuf,
    pub package: String,
}

/// The work, computed and checked, not yet done.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// One line saying what is being created, and in which style.
    pub headline: String,
    /// The name the tree of written files starts with (`cpython/`).
    pub root_label: String,
    pub plan: Plan,
    /// Registrations already in place (`--force`): path and what is there.
    pub unchanged: Vec<(String, String)>,
    pub warnings: Vec<Problem>,
    pub steps: Vec<Step>,
    pub lock: Option<LockRefresh>,
}

/// The work, done.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub lock: Option<LockOutcome>,
    /// What could not be cleaned up after the changes were made (backups left behind).
    pub leftovers: Vec<String>,
    /// The next steps, including any the tool could not do itself.
    pub steps: Vec<Step>,
}

/// Check everything and compute the plan; writes nothing.
pub fn prepare(options: &Options) -> Result<Prepared, Refusal> {
    names::check_syntax(&options.name)?;
    if options.out_of_tree.is_some() {
        out_of_tree::prepare(options)
    } else {
        in_tree::prepare(options)
    }
}

/// How [`execute`] behaves.
#[derive(Debug, Clone, Copy)]
pub struct ExecuteOptions {
    pub apply: ApplyOptions,
    /// Run cargo to refresh `Cargo.lock` (tests turn it off to stay fast).
    pub refresh_lock: bool,
}

impl Default for ExecuteOptions {
    fn default() -> ExecuteOptions {
        ExecuteOptions { apply: ApplyOptions::default(), refresh_lock: true }
    }
}

/// Apply the plan (all or nothing), then refresh `Cargo.lock`.
pub fn execute(prepared: &Prepared, options: &ExecuteOptions) -> Result<Outcome, ApplyError> {
    let leftovers = prepared.plan.apply(&options.apply)?;
    let lock = match (&prepared.lock, options.refresh_lock) {
        (Some(refresh), true) => Some(lock::refresh(&refresh.root, &refresh.package, lock::TIMEOUT)),
        _ => None,
    };
    let mut steps = prepared.steps.clone();
    if let Some(LockOutcome::Failed { .. }) = &lock {
        steps.insert(
            0,
            Step::new(
                "Add the crate to Cargo.lock (CPython's build runs cargo with `--locked`)",
                Some("cargo update --workspace"),
            ),
        );
    } else if prepared.lock.is_some() && !options.refresh_lock {
        steps.insert(0, Step::new("Add the crate to Cargo.lock", Some("cargo update --workspace")));
    }
    Ok(Outcome { lock, leftovers, steps })
}
