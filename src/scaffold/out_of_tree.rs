//! The plan for `--out-of-tree DIR`: a standalone crate with the same module
//! shape, built against the local Python through pyo3-ffi from crates.io,
//! with a pyproject.toml for maturin.

use cpython_rs_lints::settings::absolute;

use super::marker::{self, Comment, Provenance};
use super::plan::{ChangeKind, FileChange, Plan};
use super::report::{Problem, Refusal, Step};
use super::templates::{self, Vars};
use super::{ApiStyle, Options, Prepared};

pub(super) fn prepare(options: &Options) -> Result<Prepared, Refusal> {
    let name = options.name.as_str();
    let dir = absolute(&options.cwd.join(options.out_of_tree.as_deref().unwrap_or(".".as_ref())));
    if options.api == Some(ApiStyle::Safe) {
        return Err(Problem::new("`--api safe` is not available out of tree")
            .note("`cpython-api` lives inside the Rust for CPython fork and is not on crates.io")
            .help("leave `--api` out: the prototype uses pyo3-ffi in the raw (sys) style")
            .into());
    }
    if options.replaces.is_some() || options.gh_issue.is_some() {
        return Err(Problem::new("`--replaces` and `--gh-issue` only apply inside a CPython checkout")
            .help("run `new-module` in the checkout when the prototype is ready to move there")
            .into());
    }
    if dir.is_file() {
        return Err(Problem::new(format!("`{}` is a file", dir.display()))
            .help("`--out-of-tree` takes a directory")
            .into());
    }

    let mut vars = Vars::new();
    vars.set("name", name)
        .set("doc", format!("The {name} module, written in Rust."))
        .set("project", project_name(name))
        .set("crate_path", "src/lib.rs")
        .set("import", format!("\nimport {name}"));
    let files = [
        ("Cargo.toml", templates::OOT_CARGO, "the crate, over pyo3-ffi"),
        ("build.rs", templates::OOT_BUILD, "Python version cfgs"),
        ("src/lib.rs", templates::OOT_LIB, "multi-phase init (PEP 489)"),
        (".cargo/config.toml", templates::OOT_CARGO_CONFIG, "builds an extension module"),
        ("pyproject.toml", templates::OOT_PYPROJECT, "for maturin"),
        (".gitignore", templates::OOT_GITIGNORE, ""),
        ("README.md", templates::OOT_README, "how to build, test and move it into CPython"),
    ];
    let mut plan = Plan::new(dir.clone());
    let mut conflicts = Vec::new();
    let mut regenerable = 0;
    let test_path = format!("tests/test_{name}.py");
    let test = (test_path.as_str(), templates::TEST.render(&vars), "plain unittest");
    for (path, body, summary) in files.iter().map(|(p, t, s)| (*p, t.render(&vars), *s)).chain(std::iter::once(test)) {
        let contents = match Comment::for_path(path) {
            Some(comment) => marker::stamp(&body, comment),
            None => body,
        };
        let current = std::fs::read_to_string(dir.join(path)).ok();
        let kind = match current.as_deref().map(marker::provenance) {
            None => ChangeKind::Create,
            Some(Provenance::Generated) if options.force => {
                if current.as_deref() == Some(contents.as_str()) {
                    continue;
                }
                ChangeKind::Overwrite
            }
            Some(Provenance::Generated) => {
                regenerable += 1;
                conflicts.push(
                    Problem::new(format!("`{path}` already exists in `{}`", dir.display()))
                        .help("`--force` writes it again"),
                );
                continue;
            }
            Some(Provenance::Edited) => {
                conflicts.push(
                    Problem::new(format!("`{path}` was edited since cpython-rs generated it"))
                        .note("nothing was changed"),
                );
                continue;
            }
            Some(Provenance::Foreign) => {
                conflicts.push(
                    Problem::new(format!("`{path}` already exists in `{}`", dir.display()))
                        .note("new-module never overwrites files it did not generate"),
                );
                continue;
            }
        };
        plan.changes.push(FileChange {
            path: path.into(),
            kind,
            before: current,
            after: contents,
            summary: summary.into(),
        });
    }
    if !conflicts.is_empty() {
        if regenerable == conflicts.len() {
            // Every file is one this tool generated: one message says it all.
            conflicts = vec![Problem::new(format!("`{}` already holds the crate cpython-rs generated", dir.display()))
                .note("nothing was changed")
                .help("`--force` writes the generated files again (those not edited since)")];
        }
        return Err(Refusal { errors: conflicts, warnings: Vec::new() });
    }
    let shown = options.out_of_tree.as_deref().map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
    let steps = vec![
        Step::new("Go to the crate", Some(&format!("cd {shown}"))),
        Step::new("Build it into the active virtual environment with maturin", Some("maturin develop")),
        Step::new("Run its tests", Some("python -m unittest discover -s tests")),
        Step::new("Check the Rust code for C-API mistakes", Some("cpython-rs check src")),
        Step::new(
            "When it is ready for CPython, scaffold it in a checkout and bring `src/lib.rs` over (pyo3_ffi -> cpython_sys)",
            Some(&format!("cpython-rs new-module {name} --api sys")),
        ),
    ];
    Ok(Prepared {
        headline: format!("`{name}`, a standalone crate over pyo3-ffi to prototype a CPython module"),
        root_label: format!("{}/", dir.file_name().map_or_else(|| ".".into(), |f| f.to_string_lossy().into_owned())),
        plan,
        unchanged: Vec::new(),
        warnings: super::names::style_warning(&options.name).into_iter().collect(),
        steps,
        lock: None,
    })
}

/// A valid Python distribution name: the module name without leading
/// underscores (project names must start with a letter or digit).
fn project_name(name: &str) -> String {
    let trimmed = name.trim_start_matches('_').replace('_', "-");
    format!("{trimmed}-prototype")
}
