//! The check driver: discover -> read -> group into crates -> parse and
//! analyse each crate on one worker thread -> suppress, select -> sort.

use std::collections::{BTreeMap, HashSet};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::context::{CrateCheck, CrateContext, ExtraSources, ProjectContext};
use crate::diagnostic::Diagnostic;
use crate::index::CrateIndex;
use crate::registry::Rule;
use crate::settings::{ConfigError, Overrides, Settings, SettingsResolver};
use crate::source::{self, LoadError, SourceFile, SourceText};

/// Stack for worker threads: syn and the visitors recurse once per nesting level.
pub(crate) const WORKER_STACK: usize = 256 << 20;

/// Every family's crate-level entry point, with the rules it can emit and
/// whether its rules are about the Python C API (see [`mentions_python`]).
const CRATE_CHECKS: &[(&[Rule], CrateCheck, bool)] = &[
    (crate::refcount::RULES, crate::refcount::check, true),
    (crate::errors::RULES, crate::errors::check, true),
    (crate::gil::RULES, crate::gil::check, true),
    (crate::panic::RULES, crate::panic::check, true),
    (crate::unwind::RULES, crate::unwind::check, true),
    (crate::safety::RULES, crate::safety::check, false),
    (crate::module::RULES, crate::module::check, true),
];

/// Whether code could touch the Python C API: every C-API name and object
/// type starts with `Py` and an upper-case letter or `_` (`PyObject`,
/// `Py_DECREF`, `_Py_NoneStruct`), or it calls a helper the user described
/// in `[api.functions]`. A crate without any is analysed file by file with
/// the other families only, as cheaply as parsing it.
fn mentions_python(text: &str, settings: &Settings) -> bool {
    let bytes = text.as_bytes();
    let api_like = text.match_indices("Py").any(|(at, _)| {
        let starts_word = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let next = bytes.get(at + 2).copied().unwrap_or(b' ');
        starts_word && (next.is_ascii_uppercase() || next == b'_')
    });
    api_like || settings.user_functions.keys().any(|name| text.contains(name.as_str()))
}
/// Whether a file may name one of clippy's lints the SD rules follow (see
/// `safety::clippy_allows`), in a crate-wide or module-wide attribute.
fn may_allow_clippy_safety_lints(text: &str) -> bool {
    text.contains("#![") && text.contains("clippy::")
}

/// What to check.
#[derive(Debug, Default, Clone)]
pub struct CheckRequest {
    pub paths: Vec<PathBuf>,
    pub overrides: Overrides,
    /// Check these contents instead of reading the files (`--staged`).
    pub contents: Option<Vec<(PathBuf, String)>>,
    /// Texts to use instead of what is on disk for some discovered files
    /// (by the path discovery finds them under): `--fix` re-checks its edits.
    pub overlay: BTreeMap<PathBuf, Arc<str>>,
}

/// The findings and the texts they point into.
#[derive(Debug, Default)]
pub struct CheckResult {
    /// Sorted by file, line, column, code.
    pub diagnostics: Vec<Diagnostic>,
    pub sources: BTreeMap<Arc<Path>, Arc<SourceText>>,
    pub files_checked: usize,
    /// Files that could not be analysed (IO001/SY001 were reported for them).
    pub files_failed: usize,
    /// Rule bugs caught at run time: the family, the crate, the panic message.
    pub internal_errors: Vec<String>,
    /// What was given up for time (see [`crate::budget`]), for `--verbose`.
    pub notes: Vec<String>,
    /// What the baseline (`--baseline`, or the config's `baseline`) hid and
    /// how many of its entries matched nothing.
    pub baseline: Option<crate::baseline::Applied>,
}

/// Run `check`.
pub fn check(request: &CheckRequest) -> Result<CheckResult, ConfigError> {
    let resolver = SettingsResolver::new(request.overrides.clone())?;
    let paths = if request.paths.is_empty() { vec![PathBuf::from(".")] } else { request.paths.clone() };
    let mut result = CheckResult::default();
    let mut diagnostics = Vec::new();

    // Files read only so that the named ones are analysed with their whole crate.
    let mut context = Vec::new();
    let inputs: Vec<(PathBuf, Result<Arc<str>, LoadError>)> = match &request.contents {
        Some(contents) => contents.iter().map(|(p, t)| (p.clone(), Ok(Arc::from(t.as_str())))).collect(),
        None => {
            let found = crate::discover::discover(&paths, &resolver)?;
            for err in found.errors {
                let path: Arc<Path> = Arc::from(err.path.as_path());
                result.files_failed += 1;
                result
                    .sources
                    .entry(Arc::clone(&path))
                    .or_insert_with(|| Arc::new(SourceText::new(Arc::clone(&path), Arc::from(""))));
                diagnostics.push(Diagnostic::new(
                    "IO001",
                    &path,
                    0..0,
                    format!("cannot read `{}`: {}", err.path.display(), err.message),
                ));
            }
            context = crate::discover::crate_context(&found.files, &resolver)?;
            let read = |p: &PathBuf| match request.overlay.get(p) {
                Some(text) => Ok(Arc::clone(text)),
                None => source::read_text(p),
            };
            let all: Vec<&PathBuf> = found.files.iter().chain(&context).collect();
            pool().install(|| all.par_iter().map(|p| ((*p).clone(), read(p))).collect())
        }
    };
    let context: HashSet<&Path> = context.iter().map(PathBuf::as_path).collect();

    let mut readable: Vec<(PathBuf, Arc<str>)> = Vec::new();
    for (path, text) in inputs {
        match text {
            Ok(text) => readable.push((path, text)),
            Err(_) if context.contains(path.as_path()) => {}
            Err(err) => {
                result.files_failed += 1;
                let arc: Arc<Path> = Arc::from(path.as_path());
                let (d, text) = load_error_diagnostic(&arc, err);
                result.sources.insert(Arc::clone(&arc), Arc::new(SourceText::new(arc, text)));
                diagnostics.push(d);
            }
        }
    }
    result.files_checked =
        readable.iter().filter(|(p, _)| !context.contains(p.as_path())).count() + result.files_failed;
    let mut checked: Vec<PathBuf> =
        readable.iter().filter(|(p, _)| !context.contains(p.as_path())).map(|(p, _)| p.clone()).collect();
    checked.extend(result.sources.keys().map(|p| p.to_path_buf()));

    // One lexer pass per file, in parallel: comments, nesting, `mod` declarations.
    let lexed: Vec<(source::Lexed, Vec<crate::crates::ModDecl>)> = pool().install(|| {
        readable
            .par_iter()
            .map(|(_, text)| {
                let lexed = source::lex(text);
                let decls = crate::crates::scan_mod_decls_lexed(text, &lexed);
                (lexed, decls)
            })
            .collect()
    });
    let (mut lexed, grouping): (Vec<_>, Vec<_>) =
        lexed.into_iter().zip(&readable).map(|((l, d), (p, _))| (Some(l), (p.clone(), d))).unzip();
    let crates = crate::crates::group_into_crates(&grouping);
    let mut jobs = Vec::new();
    for members in crates {
        let settings = resolver.for_path(&readable[members[0]].0)?;
        let mut member = |i: usize| -> CrateMember {
            let (path, text) = &readable[i];
            (Arc::from(path.as_path()), Arc::clone(text), lexed[i].take().unwrap_or_default())
        };
        if members.iter().any(|&i| mentions_python(&readable[i].1, &settings)) {
            let files = members.iter().map(|&i| member(i)).collect();
            jobs.push(CrateJob { files, settings, python: true });
        } else if members.len() > 1 && members.iter().any(|&i| may_allow_clippy_safety_lints(&readable[i].1)) {
            // A module's `#![allow(clippy::missing_safety_doc)]` reaches the files below it.
            let files = members.iter().map(|&i| member(i)).collect();
            jobs.push(CrateJob { files, settings, python: false });
        } else {
            // Nothing crate-wide to learn: one file at a time keeps memory as low as parsing alone.
            for &i in &members {
                jobs.push(CrateJob { files: vec![member(i)], settings: Arc::clone(&settings), python: false });
            }
        }
    }

    let extra = ExtraSources::default();
    let outcomes = run_largest_first(jobs, |job| check_crate(job, &extra));
    for outcome in outcomes {
        diagnostics.extend(outcome.diagnostics.into_iter().filter(|d| !context.contains(&*d.path)));
        result.files_failed += outcome.failed.iter().filter(|p| !context.contains(&***p)).count();
        result.internal_errors.extend(outcome.internal_errors);
        result.notes.extend(outcome.notes);
        for s in outcome.sources {
            result.sources.insert(Arc::clone(&s.path), s);
        }
    }

    // Project-level rules: once per CPython checkout that a checked path lies in.
    let mut checkouts: Vec<PathBuf> = paths.iter().filter_map(|p| crate::checkout::find_checkout(p)).collect();
    checkouts.sort();
    checkouts.dedup();
    for checkout in &checkouts {
        let settings = resolver.for_path(checkout)?;
        if settings.any_enabled(crate::wiring::RULES) {
            let cx = ProjectContext { checkout, checked_paths: &paths, settings: &settings, extra: &extra };
            let mut out = Vec::new();
            crate::wiring::check_project(&cx, &mut out);
            diagnostics.extend(
                out.into_iter().filter(|d| settings.is_enabled(d.code) && !settings.ignored_for(&d.path, d.code)).map(
                    |mut d| {
                        if let Some(level) = settings.severity_of(d.code) {
                            d.severity = level;
                        }
                        d
                    },
                ),
            );
        }
    }
    for (path, text) in extra.into_map() {
        result.sources.entry(path).or_insert(text);
    }

    diagnostics.sort_by_cached_key(|d| {
        let pos = result.sources.get(&d.path).map_or((0, 0), |s| s.row_col(d.range.start));
        (Arc::clone(&d.path), pos, d.code, d.message.clone())
    });
    diagnostics.dedup();
    if let Some(path) = baseline_path(request, &resolver, &paths)? {
        let baseline = crate::baseline::read(&path)?;
        let applied = crate::baseline::apply(&path, &baseline, &mut diagnostics, &result.sources, &checked);
        result.baseline = Some(applied);
    }
    result.diagnostics = diagnostics;
    Ok(result)
}

/// The baseline that applies: `--baseline`, else the `baseline` key of the
/// config for the first checked path; none when writing one.
fn baseline_path(
    request: &CheckRequest,
    resolver: &SettingsResolver,
    paths: &[PathBuf],
) -> Result<Option<PathBuf>, ConfigError> {
    let overrides = &request.overrides;
    if overrides.no_baseline {
        return Ok(None);
    }
    if let Some(path) = &overrides.baseline {
        return Ok(Some(path.clone()));
    }
    Ok(resolver.for_path(&paths[0])?.baseline.clone())
}

/// Run crate jobs on the pool, biggest first: a crate is analysed on one
/// thread, so one large crate started last would leave the other cores idle.
fn run_largest_first<F>(mut jobs: Vec<CrateJob>, work: F) -> Vec<CrateOutcome>
where
    F: Fn(CrateJob) -> CrateOutcome + Sync,
{
    let size = |job: &CrateJob| job.files.iter().map(|(_, t, _)| t.len()).sum::<usize>();
    jobs.sort_by_key(|job| std::cmp::Reverse(size(job)));
    let queue: Vec<std::sync::Mutex<Option<_>>> = jobs.into_iter().map(|j| std::sync::Mutex::new(Some(j))).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let outcomes = std::sync::Mutex::new(Vec::with_capacity(queue.len()));
    pool().scope(|scope| {
        for _ in 0..pool().current_num_threads() {
            scope.spawn(|_| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(slot) = queue.get(i) else { break };
                let job = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
                if let Some(job) = job {
                    let outcome = work(job);
                    outcomes.lock().unwrap_or_else(|e| e.into_inner()).push((i, outcome));
                }
            });
        }
    });
    let mut outcomes = outcomes.into_inner().unwrap_or_else(|e| e.into_inner());
    outcomes.sort_by_key(|(i, _)| *i);
    outcomes.into_iter().map(|(_, o)| o).collect()
}

/// The worker pool: big stacks, one per core.
fn pool() -> &'static rayon::ThreadPool {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .stack_size(WORKER_STACK)
            .thread_name(|i| format!("cpython-rs-worker-{i}"))
            .build()
            .expect("cannot start worker threads")
    })
}

/// The IO001/SY001 finding for a file that could not be analysed, and the text to show.
fn load_error_diagnostic(path: &Arc<Path>, err: LoadError) -> (Diagnostic, Arc<str>) {
    match err {
        LoadError::Io(e) => (Diagnostic::new("IO001", path, 0..0, format!("cannot read file: {e}")), Arc::from("")),
        LoadError::NotUtf8 { valid_up_to } => {
            let text = std::fs::read(path)
                .map(|b| String::from_utf8_lossy(&b[..valid_up_to.min(b.len())]).into_owned())
                .unwrap_or_default();
            let end = text.len();
            (
                Diagnostic::new(
                    "IO001",
                    path,
                    end..end,
                    format!("file is not valid UTF-8 (invalid byte at offset {valid_up_to})"),
                )
                .with_help("Rust source files must be UTF-8"),
                Arc::from(text),
            )
        }
        LoadError::Syntax { message, range, text } => (
            Diagnostic::new("SY001", path, range, format!("syntax error: {message}"))
                .with_primary_label("cannot parse"),
            text,
        ),
        LoadError::TooDeep { range, text, .. } => (
            Diagnostic::new(
                "SY001",
                path,
                range,
                format!(
                    "nested too deeply to analyse: more than {} levels here; file not analysed",
                    source::MAX_NESTING
                ),
            )
            .with_primary_label("nesting passes the limit here")
            .with_help(
                "split the expression, type or pattern; brackets, generics, closures, prefix operators and long \
                 chains all count as nesting",
            ),
            text,
        ),
    }
}

/// A file of a crate: its path, text and lexer pass.
type CrateMember = (Arc<Path>, Arc<str>, source::Lexed);

/// One crate's files, root first, the settings that apply to it, and whether
/// it mentions the Python C API at all.
struct CrateJob {
    files: Vec<CrateMember>,
    settings: Arc<Settings>,
    python: bool,
}

struct CrateOutcome {
    diagnostics: Vec<Diagnostic>,
    sources: Vec<Arc<SourceText>>,
    /// Files that could not be parsed.
    failed: Vec<Arc<Path>>,
    internal_errors: Vec<String>,
    notes: Vec<String>,
}

/// Parse and analyse one crate on the current thread.
fn check_crate(job: CrateJob, extra: &ExtraSources) -> CrateOutcome {
    let CrateJob { files: members, settings, python } = job;
    let mut outcome = CrateOutcome {
        diagnostics: Vec::new(),
        sources: Vec::new(),
        failed: Vec::new(),
        internal_errors: Vec::new(),
        notes: Vec::new(),
    };
    let mut files = Vec::with_capacity(members.len());
    for (path, text, lexed) in members {
        match source::parse_lexed(Arc::clone(&path), text, lexed) {
            Ok(file) => files.push(file),
            Err(err) => {
                outcome.failed.push(Arc::clone(&path));
                let (d, text) = load_error_diagnostic(&path, err);
                outcome.sources.push(Arc::new(SourceText::new(path, text)));
                outcome.diagnostics.push(d);
            }
        }
    }
    outcome.diagnostics.extend(analyse(&files, &settings, extra, python, &mut outcome.internal_errors));
    if let Some(root) = files.first() {
        let crate_name = root.path().display().to_string();
        outcome.notes.extend(crate::budget::take_skipped().into_iter().map(|note| format!("{crate_name}: {note}")));
    }
    // Keep the texts findings point into; the others are not needed to render.
    let cited: std::collections::HashSet<&Arc<Path>> = outcome
        .diagnostics
        .iter()
        .flat_map(|d| std::iter::once(&d.path).chain(d.labels.iter().map(|l| &l.path)))
        .collect();
    let kept: Vec<_> = files.iter().filter(|f| cited.contains(f.path())).map(|f| Arc::clone(&f.source)).collect();
    outcome.sources.extend(kept);
    drop(files);
    // Every AST of this crate is gone: free this thread's span source map,
    // which otherwise keeps a copy of every file the thread ever parsed.
    proc_macro2::extra::invalidate_current_thread_spans();
    outcome
}

/// Run every enabled family over parsed files of one crate, then apply
/// selection, per-file ignores, suppressions and severity overrides.
pub fn analyse(
    files: &[SourceFile],
    settings: &Settings,
    extra: &ExtraSources,
    python: bool,
    internal_errors: &mut Vec<String>,
) -> Vec<Diagnostic> {
    if files.is_empty() {
        return Vec::new();
    }
    let index = CrateIndex::build(files, python);
    let shadowed: Vec<&str> = index
        .fns
        .iter()
        .filter(|f| f.self_ty.is_none() && settings.api.get(&f.name).is_some())
        .map(|f| f.name.as_str())
        .collect();
    let own_api;
    let api = if shadowed.is_empty() {
        &*settings.api
    } else {
        own_api = settings.api.without(shadowed);
        &own_api
    };
    let cx = CrateContext { files, index: &index, settings, extra, api };
    let mut raw = Vec::new();
    for (rules, run, about_python) in CRATE_CHECKS {
        if (*about_python && !python) || !settings.any_enabled(rules) {
            continue;
        }
        let mut out = Vec::new();
        let ran = std::panic::catch_unwind(AssertUnwindSafe(|| run(&cx, &mut out)));
        match ran {
            Ok(()) => raw.extend(out),
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                internal_errors.push(format!(
                    "internal error in the {} rules on `{}`: {what}",
                    rules.first().map_or("?", |r| r.family.title()),
                    files[0].path().display()
                ));
            }
        }
    }
    raw.retain(|d| settings.is_enabled(d.code) && !settings.ignored_for(&d.path, d.code));

    // Suppressions are per file; findings in non-Rust files pass through.
    let mut by_file: BTreeMap<Arc<Path>, Vec<Diagnostic>> = BTreeMap::new();
    for d in raw {
        by_file.entry(Arc::clone(&d.path)).or_default().push(d);
    }
    let mut out = Vec::new();
    for file in files {
        let diags = by_file.remove(file.path()).unwrap_or_default();
        out.extend(crate::suppress::apply(file, settings, diags));
    }
    out.extend(by_file.into_values().flatten());
    out.retain(|d| !settings.ignored_for(&d.path, d.code));
    for file in files {
        crate::baseline::set_items(file, &mut out);
    }
    for d in &mut out {
        if let Some(level) = settings.severity_of(d.code) {
            d.severity = level;
        }
    }
    out
}

/// Check one in-memory file with the given settings (tests, docs examples).
pub fn check_source(path: &str, text: &str, settings: &Settings) -> Vec<Diagnostic> {
    let path: Arc<Path> = Arc::from(Path::new(path));
    let text: Arc<str> = Arc::from(text);
    let run = move || match source::parse(Arc::clone(&path), text) {
        Ok(file) => {
            let mut errors = Vec::new();
            let files = [file];
            let python = mentions_python(files[0].text(), settings);
            let mut d = analyse(&files, settings, &ExtraSources::default(), python, &mut errors);
            assert!(errors.is_empty(), "{errors:?}");
            d.sort_by_key(|d| (d.range.start, d.code));
            d
        }
        Err(err) => vec![load_error_diagnostic(&path, err).0],
    };
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(WORKER_STACK)
            .spawn_scoped(s, run)
            .expect("spawn")
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))
    })
}
