//! The plan for a module inside a CPython checkout: the crate, its test,
//! NEWS entry and docs, and every registration the build needs.

use std::path::Path;

use super::checkout::{self, Checkout};
use super::edits::{self, Edit};
use super::marker::{self, Comment, Provenance};
use super::names::{self, Clash, ClashKind};
use super::news::{self, Timestamp};
use super::plan::{ChangeKind, FileChange, Plan};
use super::report::{Problem, Refusal, Step};
use super::templates::{self, Vars};
use super::{ApiStyle, LockRefresh, Options, Prepared};

/// The module being replaced (`--replaces`), and the public module whose
/// `Lib/` file imports the new one with a fallback.
struct Replaced {
    module: String,
    /// The public module's name and file (`base64`, `Lib/base64.py`).
    public: Option<(String, String)>,
    /// The files searched for the public module, for the warning when none was found.
    looked_for: Vec<String>,
}

pub(super) fn prepare(options: &Options) -> Result<Prepared, Refusal> {
    let name = options.name.as_str();
    let checkout = checkout::locate(options.cpython.as_deref(), &options.cwd)?;
    let (style, style_reason) = choose_style(options.api, &checkout)?;
    if !checkout.root.join("Modules/cpython-build-helper").is_dir() {
        return Err(Problem::new("this checkout has no `Modules/cpython-build-helper/`")
            .note("every module's `build.rs` calls `cpython_build_helper::print_linker_args()`")
            .into());
    }
    let (replaced, warnings) = validate(options, &checkout.root)?;
    let vars = vars(options, &checkout, replaced.as_ref());
    let entry = match style {
        ApiStyle::Safe => format!("PyModExport_{name}"),
        ApiStyle::Sys => format!("PyInit_{name}"),
    };
    let mut builder = Builder {
        root: &checkout.root,
        force: options.force,
        plan: Plan::new(checkout.root.clone()),
        conflicts: Vec::new(),
    };
    builder.module_files(options, style, &entry, &vars, replaced.as_ref());
    let news_path = options.gh_issue.and_then(|issue| builder.news(options, issue, replaced.as_ref()));
    if !builder.conflicts.is_empty() {
        return Err(Refusal { errors: builder.conflicts, warnings: Vec::new() });
    }
    let mut registrations = Registrations {
        root: &checkout.root,
        plan: builder.plan,
        unchanged: Vec::new(),
        manual: Vec::new(),
        warnings: Vec::new(),
    };
    registrations.register(name, &entry, &checkout.rust_modules);
    if let Some((public, path)) = replaced.as_ref().and_then(|r| r.public.as_ref()) {
        let block = templates::FALLBACK.render(&vars);
        registrations.edit(
            path,
            &format!("imports `{name}` with a fallback"),
            |t| edits::guarded_import(t, name, &block),
            || format!("import `{name}` in `{public}` inside `try: ... except ImportError:`"),
        );
    }

    let mut warnings = warnings;
    warnings.extend(registrations.warnings);
    if let Some(r) = replaced.as_ref().filter(|r| r.public.is_none()) {
        warnings.push(
            Problem::new(format!("the fallback import of `{name}` was not wired: no Python module found for `{}`", r.module))
                .note(format!("looked for {}", r.looked_for.join(", ")))
                .help(format!(
                    "import `{name}` where `Lib/` imports `{}`, inside `try: ... except ImportError:`; the generated test covers only `{name}` until then",
                    r.module
                )),
        );
    }
    let mut steps = registrations.manual;
    if let Some(r) = replaced.as_ref().filter(|r| r.public.is_none()) {
        steps.push(Step::new(
            format!(
                "Import `{name}` where `Lib/` imports `{}`, inside `try: ... except ImportError:` with the existing code as the fallback (new-module found no Python module to edit)",
                r.module
            ),
            None,
        ));
    }
    steps.extend(next_steps(&checkout, options, replaced.as_ref(), news_path.as_deref()));
    if !registrations.plan.changes.is_empty() {
        steps.push(stage_step(&registrations.plan));
    }
    let style_name = match style {
        ApiStyle::Safe => "safe",
        ApiStyle::Sys => "sys",
    };
    let root = checkout.root.clone();
    Ok(Prepared {
        headline: format!("`{name}`, a Rust module in the {style_name} API style ({style_reason})"),
        root_label: format!("{}/", root.file_name().map_or_else(|| ".".into(), |f| f.to_string_lossy().into_owned())),
        plan: registrations.plan,
        unchanged: registrations.unchanged,
        warnings,
        steps,
        lock: root.join("Cargo.lock").is_file().then(|| LockRefresh { root, package: name.to_string() }),
    })
}

/// Whether the name is free (or, with `--force`, taken only by this tool's
/// own crate) and `--replaces` names a module; the warnings worth showing.
fn validate(options: &Options, root: &Path) -> Result<(Option<Replaced>, Vec<Problem>), Refusal> {
    let name = options.name.as_str();
    let mut warnings: Vec<Problem> = names::style_warning(name).into_iter().collect();
    let mut errors = Vec::new();
    let alternative = free_alternative(root, name);
    if !name.starts_with('_') {
        if let Some(path) = names::public_module_path(root, name) {
            let mut warning = Problem::new(format!(
                "`{name}` has no leading underscore, and `{path}` is the public module of that name"
            ));
            if let Some(alt) = &alternative {
                warning =
                    warning.help(format!("an accelerator is private: `cpython-rs new-module {alt} --replaces {name}`"));
            }
            warnings.push(warning);
        }
    }
    let manifest = root.join("Modules").join(name).join("Cargo.toml");
    let ours = read(&manifest).is_some_and(|t| marker::provenance(&t) != Provenance::Foreign);
    let clashes = names::clashes(root, name, ours);
    let blocking: Vec<&Clash> = clashes.iter().filter(|c| !(c.ours && options.force)).collect();
    if !blocking.is_empty() {
        // The warning above already suggests a name when there is one.
        let suggest = if warnings.is_empty() { Some(alternative.as_deref()) } else { None };
        errors.push(clash_problem(name, &blocking, ours, suggest));
    }
    let replaced = match options.replaces.as_deref().map(|m| resolve_replaced(root, name, m)) {
        Some(Ok(r)) => Some(r),
        Some(Err(problem)) => {
            errors.push(problem);
            None
        }
        None => None,
    };
    if !errors.is_empty() {
        return Err(Refusal { errors, warnings });
    }
    if options.replaces.is_none() && stage(root) <= 2 {
        warnings.push(
            Problem::new(format!("`{name}` replaces no existing module"))
                .note(
                    "at stages 1 and 2 of Rust for CPython a Rust module must replace a C or Python module, \
                     which stays as the fallback (BW002)",
                )
                .help("pass `--replaces MODULE` to wire the fallback import and test both implementations"),
        );
    }
    Ok((replaced, warnings))
}

/// The API style asked for, or the checkout's.
fn choose_style(asked: Option<ApiStyle>, checkout: &Checkout) -> Result<(ApiStyle, &'static str), Problem> {
    match asked {
        Some(ApiStyle::Safe) if !checkout.has_api => Err(Problem::new("`--api safe` needs `Modules/cpython-api/`")
            .note("this checkout has only the raw `cpython-sys` bindings")
            .help("use `--api sys`, or leave `--api` out")),
        Some(ApiStyle::Safe) => Ok((ApiStyle::Safe, "--api safe")),
        Some(ApiStyle::Sys) => Ok((ApiStyle::Sys, "--api sys")),
        None if checkout.has_api => Ok((ApiStyle::Safe, "Modules/cpython-api exists")),
        None => Ok((ApiStyle::Sys, "this checkout has no Modules/cpython-api")),
    }
}

/// The configured Rust-for-CPython stage (1 unless a config says otherwise).
fn stage(root: &Path) -> u8 {
    cpython_rs_lints::settings::find_config(root).ok().flatten().and_then(|(_, config)| config.stage).unwrap_or(1)
}

/// `suggest`: `None` to add no help, `Some(None)` when no free name was found.
fn clash_problem(name: &str, clashes: &[&Clash], ours: bool, suggest: Option<Option<&str>>) -> Problem {
    if ours && clashes.iter().all(|c| c.ours) {
        return Problem::new(format!("`{name}` already exists: cpython-rs created `Modules/{name}/` before"))
            .note("nothing was changed")
            .help("`--force` writes the generated files again (those not edited since); registrations already made stay as they are");
    }
    let mut problem = Problem::new(format!("the name `{name}` is taken"));
    for clash in clashes {
        problem = problem.note(clash.what.clone());
    }
    let rust_crate = clashes.iter().any(|c| c.kind == ClashKind::RustCrate);
    match suggest {
        None => problem,
        Some(Some(alt)) if !rust_crate => problem.help(format!(
            "a Rust module that replaces it needs a name of its own: `cpython-rs new-module {alt} --replaces {name}`"
        )),
        Some(_) => problem.help("choose another name"),
    }
}

/// A free name for a Rust module replacing `name`: `_name` for a public
/// module, else `name_rs` (as the fork names its ports).
fn free_alternative(root: &Path, name: &str) -> Option<String> {
    let candidates = if name.starts_with('_') {
        vec![format!("{name}_rs")]
    } else {
        vec![format!("_{name}"), format!("_{name}_rs")]
    };
    candidates.into_iter().find(|c| names::check_syntax(c).is_ok() && names::clashes(root, c, false).is_empty())
}

fn resolve_replaced(root: &Path, name: &str, module: &str) -> Result<Replaced, Problem> {
    if module == name {
        return Err(Problem::new(format!("`{name}` cannot replace itself")));
    }
    names::check_syntax(module)?;
    if let Some(path) = names::public_module_path(root, module) {
        return Ok(Replaced {
            module: module.to_string(),
            public: Some((module.to_string(), path)),
            looked_for: Vec::new(),
        });
    }
    let exists = names::clashes(root, module, false).iter().any(|c| c.kind != ClashKind::Python);
    if !exists {
        return Err(Problem::new(format!("`--replaces {module}`: this checkout has no module `{module}`"))
            .help("name the C or Python module the Rust one replaces (`--replaces base64`, `--replaces _json`)"));
    }
    let public =
        module.strip_prefix('_').and_then(|p| names::public_module_path(root, p).map(|path| (p.to_string(), path)));
    let mut looked_for = vec![format!("`Lib/{module}.py`"), format!("`Lib/{module}/__init__.py`")];
    if let Some(p) = module.strip_prefix('_') {
        looked_for.extend([format!("`Lib/{p}.py`"), format!("`Lib/{p}/__init__.py`")]);
    }
    Ok(Replaced { module: module.to_string(), public, looked_for })
}

/// The values the templates use.
fn vars(options: &Options, checkout: &Checkout, replaced: Option<&Replaced>) -> Vars {
    let name = options.name.as_str();
    let crate_path = format!("Modules/{name}");
    let (doc, doc_title) = match replaced {
        Some(r) => (
            format!("Rust accelerator for {}.", r.module),
            format!("`{name}`: the Rust accelerator for `{}`.", r.module),
        ),
        None => (format!("The {name} module, written in Rust."), format!("The `{name}` module, written in Rust.")),
    };
    let title = format!(":mod:`!{name}` --- {}", doc.trim_end_matches('.'));
    let mut vars = Vars::new();
    vars.set("name", name)
        .set("crate_path", crate_path)
        .set("rust_version", if checkout.workspace_rust_version { "rust-version.workspace = true" } else { "" })
        .set("lints", if checkout.workspace_lints { "\n[lints]\nworkspace = true" } else { "" })
        .set(
            "import",
            format!(
                "from test.support import import_helper\n\n\
                 # Skip these tests where CPython was built without Rust.\n\
                 {name} = import_helper.import_module('{name}')"
            ),
        )
        .set("title_underline", "=".repeat(title.chars().count()))
        .set("title", title)
        .set("doc", doc)
        .set("doc_title", doc_title);
    if let Some((public, path)) = replaced.and_then(|r| r.public.as_ref()) {
        vars.set("public", public.clone()).set("public_path", path.clone());
    }
    vars
}

/// Collects the files to write, refusing to overwrite what is not ours.
struct Builder<'a> {
    root: &'a Path,
    force: bool,
    plan: Plan,
    conflicts: Vec<Problem>,
}

impl Builder<'_> {
    /// The crate, its test, and for a public module the documentation stub.
    fn module_files(
        &mut self,
        options: &Options,
        style: ApiStyle,
        entry: &str,
        vars: &Vars,
        replaced: Option<&Replaced>,
    ) {
        let name = &options.name;
        let (cargo, build, lib) = match style {
            ApiStyle::Safe => (templates::SAFE_CARGO, templates::SAFE_BUILD, templates::SAFE_LIB),
            ApiStyle::Sys => (templates::SYS_CARGO, templates::SYS_BUILD, templates::SYS_LIB),
        };
        let crate_dir = format!("Modules/{name}");
        self.write(format!("{crate_dir}/Cargo.toml"), cargo.render(vars), "the crate");
        self.write(format!("{crate_dir}/build.rs"), build.render(vars), "links through cpython-build-helper");
        self.write(format!("{crate_dir}/src/lib.rs"), lib.render(vars), &format!("exports `{entry}`"));
        let test = match replaced.and_then(|r| r.public.as_ref()) {
            Some(_) => templates::TEST_REPLACES.render(vars),
            None => templates::TEST.render(vars),
        };
        self.write(format!("Lib/test/test_{name}.py"), test, "skipped where the module is not built");
        if !name.starts_with('_') {
            self.write(format!("Doc/library/{name}.rst"), templates::DOC.render(vars), "documentation stub");
        }
    }

    fn write(&mut self, path: String, body: String, summary: &str) {
        let contents = match Comment::for_path(&path) {
            Some(comment) => marker::stamp(&body, comment),
            None => body,
        };
        let current = read(&self.root.join(&path));
        let kind = match current.as_deref().map(marker::provenance) {
            None => ChangeKind::Create,
            Some(Provenance::Generated) if self.force => {
                if current.as_deref() == Some(contents.as_str()) {
                    return;
                }
                ChangeKind::Overwrite
            }
            Some(provenance) => {
                self.conflicts.push(conflict(&path, provenance, self.force));
                return;
            }
        };
        self.plan.changes.push(FileChange { path, kind, before: current, after: contents, summary: summary.into() });
    }

    /// The NEWS entry, unless an identical one (same issue, same body) is there already.
    fn news(&mut self, options: &Options, issue: u64, replaced: Option<&Replaced>) -> Option<String> {
        let name = &options.name;
        let module = if name.starts_with('_') { format!(":mod:`!{name}`") } else { format!(":mod:`{name}`") };
        let paragraph = match replaced {
            Some(r) => {
                let target = if r.module.starts_with('_') {
                    format!(":mod:`!{}`", r.module)
                } else {
                    format!(":mod:`{}`", r.module)
                };
                format!(
                    "Add {module}, a Rust accelerator for {target}. The existing implementation remains the \
                     fallback when CPython is built without Rust."
                )
            }
            None => format!("Add the {module} module, written in Rust."),
        };
        let when = options.now.unwrap_or_else(Timestamp::now);
        let entry = news::entry(options.section, when, issue, &paragraph);
        let dir = self.root.join("Misc/NEWS.d/next").join(options.section.dir);
        let suffix = news::entry_suffix(issue, &entry.body);
        let existing = std::fs::read_dir(&dir).ok().and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .find(|f| f.ends_with(&suffix))
        });
        if let Some(file) = existing {
            return Some(format!("Misc/NEWS.d/next/{}/{file}", options.section.dir));
        }
        self.plan.changes.push(FileChange {
            path: entry.path.clone(),
            kind: ChangeKind::Create,
            before: None,
            after: entry.body,
            summary: format!("NEWS entry for gh-{issue}"),
        });
        Some(entry.path)
    }
}

fn conflict(path: &str, provenance: Provenance, force: bool) -> Problem {
    match provenance {
        Provenance::Generated => Problem::new(format!("`{path}` already exists"))
            .note("cpython-rs generated it")
            .help("`--force` writes it again"),
        Provenance::Edited => Problem::new(format!("`{path}` was edited since cpython-rs generated it"))
            .note(if force { "`--force` only overwrites generated files nobody edited" } else { "nothing was changed" })
            .help("move it away first if you really want it generated again"),
        Provenance::Foreign => Problem::new(format!("`{path}` already exists and cpython-rs did not generate it"))
            .note("new-module never overwrites files it did not generate"),
    }
}

/// Collects the registration edits, and the steps left to the user.
struct Registrations<'a> {
    root: &'a Path,
    plan: Plan,
    unchanged: Vec<(String, String)>,
    manual: Vec<Step>,
    /// One per edit that could not be made: the file, why, and the text to add.
    warnings: Vec<Problem>,
}

impl Registrations<'_> {
    /// Every place the build needs the module: the workspace, `Setup.stdlib.in`,
    /// `configure.ac`, the static library crate and the Windows build.
    fn register(&mut self, name: &str, entry: &str, rust_modules: &[String]) {
        let crate_dir = format!("Modules/{name}");
        self.edit(
            "Cargo.toml",
            "workspace member",
            |t| edits::workspace_member(t, &crate_dir),
            || format!("add `\"{crate_dir}\",` to `[workspace] members`"),
        );
        self.edit(
            "Modules/Setup.stdlib.in",
            "Rust modules block",
            |t| edits::setup_stdlib(t, name),
            || format!("add `{}` to its `# Rust modules` block", edits::setup_line(name)),
        );
        self.edit(
            "configure.ac",
            "PY_STDLIB_MOD check",
            |t| edits::configure_ac(t, name),
            || format!("add `{}` next to the other module checks", edits::configure_line(name)),
        );
        self.edit(
            "Modules/cpython-rust-staticlib/Cargo.toml",
            "path dependency",
            |t| edits::staticlib_dependency(t, name),
            || format!("add `{name} = {{ path = \"../{name}\" }}` to `[dependencies]`"),
        );
        self.edit(
            "Modules/cpython-rust-staticlib/src/lib.rs",
            &format!("re-exports `{entry}`"),
            |t| edits::staticlib_export(t, name, entry),
            || format!("add `{}`", edits::staticlib_export_line(name, entry)),
        );
        self.edit(
            "PCbuild/pcbuild.proj",
            "ExtensionModules",
            |t| edits::pcbuild_proj(t, name, rust_modules),
            || format!("add `{name}` to the `<ExtensionModules Include=\"...\">` list of Rust modules"),
        );
        self.edit(
            "PCbuild/readme.txt",
            "project list",
            |t| edits::pcbuild_readme(t, name, rust_modules),
            || format!("add `{name}` to the list of Rust sub-projects"),
        );
    }

    fn edit(&mut self, path: &str, summary: &str, edit: impl FnOnce(&str) -> Edit, by_hand: impl FnOnce() -> String) {
        let Some(before) = read(&self.root.join(path)) else {
            let text = by_hand();
            self.warnings.push(
                Problem::new(format!("`{path}` was not edited: this checkout does not have it"))
                    .help(format!("if the build needs it, create it and {text}")),
            );
            self.manual.push(Step::new(
                format!("Register the module in `{path}`, which this checkout does not have: {text}"),
                None,
            ));
            return;
        };
        match edit(&before) {
            Edit::Changed(after) => self.plan.changes.push(FileChange {
                path: path.to_string(),
                kind: ChangeKind::Edit,
                before: Some(before),
                after,
                summary: summary.to_string(),
            }),
            Edit::Present => self.unchanged.push((path.to_string(), format!("{summary}: already there"))),
            Edit::NoAnchor(why) => {
                let text = by_hand();
                self.warnings
                    .push(Problem::new(format!("`{path}` was not edited: {why}")).help(format!("by hand: {text}")));
                self.manual.push(Step::new(format!("Register the module in `{path}` by hand ({why}): {text}"), None));
            }
        }
    }
}

fn next_steps(checkout: &Checkout, options: &Options, replaced: Option<&Replaced>, news: Option<&str>) -> Vec<Step> {
    let name = &options.name;
    let mut steps = vec![
        Step::new("Regenerate `configure` from `configure.ac`", Some("Tools/build/regen-configure.sh")),
        Step::new("Regenerate `Python/stdlib_module_names.h`", Some("make regen-stdlib-module-names")),
        Step::new("Configure and build CPython with the new module", Some("./configure && make -j")),
        match replaced.and_then(|r| r.public.as_ref()) {
            // The public module's own tests exercise the replacement too.
            Some((public, _)) => Step::new(
                format!("Run the module's tests and those of `{public}`, which now imports it"),
                Some(&format!("./python -m test test_{name} test_{public}")),
            ),
            None => Step::new("Run the module's tests", Some(&format!("./python -m test test_{name}"))),
        },
        Step::new("Check the Rust code for C-API mistakes", Some(&format!("cpython-rs check Modules/{name}"))),
    ];
    steps.push(match news {
        Some(path) => Step::new(format!("Review the NEWS entry `{path}`, or write your own"), Some("blurb add")),
        None => Step::new("Write the NEWS entry (or run again with `--gh-issue N`)", Some("blurb add")),
    });
    if !name.starts_with('_') {
        steps.push(Step::new(format!("Add `Doc/library/{name}.rst` to a toctree under `Doc/library/`"), None));
    }
    if let Some(model) =
        checkout.rust_modules.iter().find(|m| checkout.root.join(format!("PCbuild/{m}.vcxproj")).is_file())
    {
        steps.push(Step::new(
            format!(
                "Windows: add `PCbuild/{name}.vcxproj`, modelled on `PCbuild/{model}.vcxproj` (with a new ProjectGuid)"
            ),
            None,
        ));
    }
    steps
}

/// `git add` for everything the scaffold wrote or edited: committing only the
/// crate would leave its registrations out (BW001 in `check --staged`).
fn stage_step(plan: &Plan) -> Step {
    let mut paths: Vec<&str> = Vec::new();
    for change in &plan.changes {
        // The crate's folder once, then each other file.
        let path = match change.path.strip_prefix("Modules/").and_then(|rest| rest.split_once('/')) {
            Some((dir, _)) if change.kind != ChangeKind::Edit => &change.path[..("Modules/".len() + dir.len())],
            _ => change.path.as_str(),
        };
        if !paths.contains(&path) {
            paths.push(path);
        }
    }
    if plan.root.join("Cargo.lock").is_file() && !paths.contains(&"Cargo.lock") {
        paths.push("Cargo.lock");
    }
    Step::new("Stage the module with every registration for your commit", Some(&format!("git add {}", paths.join(" "))))
}

fn read(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}
