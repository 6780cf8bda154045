//! `cpython-rs new-module`: scaffold a Rust module inside a CPython checkout
//! (or a standalone crate with `--out-of-tree`), print every change and the
//! next steps.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use termcolor::{ColorChoice as TermColor, StandardStream, WriteColor};

use crate::cli::exit;
use crate::render::ColorChoice;
use crate::scaffold::journal::{self, Lock, LockError, Repaired};
use crate::scaffold::news::Section;
use crate::scaffold::{self, report, ApiStyle, ExecuteOptions, Options};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  cpython-rs new-module _fastjson --dry-run\n  \
                  cpython-rs new-module _bisect_rs --replaces _bisect --gh-issue 12345\n  \
                  cpython-rs new-module _proto --out-of-tree ../proto")]
pub struct NewModuleArgs {
    /// The module's name, a Python identifier (`_fastjson`)
    #[arg(required_unless_present = "repair")]
    pub name: Option<String>,
    /// The API style [default: safe when Modules/cpython-api exists, else sys]
    #[arg(long, value_enum)]
    pub api: Option<ApiStyle>,
    /// The CPython checkout [default: the one around the current directory]
    #[arg(long, value_name = "DIR", conflicts_with = "out_of_tree")]
    pub cpython: Option<PathBuf>,
    /// Create a standalone crate in DIR instead, building against the local Python with pyo3-ffi
    #[arg(long, value_name = "DIR")]
    pub out_of_tree: Option<PathBuf>,
    /// The C or Python module this one replaces: adds a guarded import with fallback and tests of both
    #[arg(long, value_name = "MODULE")]
    pub replaces: Option<String>,
    /// The NEWS section: Library, Core_and_Builtins, C_API, Build, Tests, Security, Windows, ...
    #[arg(long, default_value = "Library", value_parser = Section::parse)]
    pub section: Section,
    /// The GitHub issue: writes the NEWS entry (Misc/NEWS.d/next/<Section>/) as blurb names it
    #[arg(long, value_name = "N")]
    pub gh_issue: Option<u64>,
    /// Print the files to create and a diff of each edit; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Write again the files new-module generated before (never files it did not generate or that were edited)
    #[arg(long)]
    pub force: bool,
    /// Finish or undo a new-module run that was interrupted (killed, power loss), then stop
    #[arg(long, conflicts_with_all = ["name", "dry_run", "out_of_tree", "force"])]
    pub repair: bool,
    /// When to colour the output
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

/// How long a run waits for another one to finish with the checkout.
const LOCK_WAIT: Duration = Duration::from_secs(120);

pub fn run(args: NewModuleArgs) -> u8 {
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        Err(e) => {
            eprintln!("error: cannot read the current directory: {e}");
            return exit::ERROR;
        }
    };
    let mut stdout = StandardStream::stdout(term_color(args.color, std::io::stdout().is_terminal()));
    let mut stderr = StandardStream::stderr(term_color(args.color, std::io::stderr().is_terminal()));
    let refuse = |stderr: &mut StandardStream, problem: report::Problem| {
        let _ = report::write_refusal(stderr, &problem.into());
        exit::ERROR
    };
    // Every run that writes into a checkout holds its lock, and reads the files under it.
    let in_checkout = !args.dry_run && args.out_of_tree.is_none();
    let mut repaired = false;
    let guard = if in_checkout {
        let root = match scaffold::checkout::locate(args.cpython.as_deref(), &cwd) {
            Ok(checkout) => checkout.root,
            Err(problem) => return refuse(&mut stderr, problem),
        };
        let lock = Lock::acquire(&root, LOCK_WAIT, |pid| {
            let who = pid.map_or_else(|| "another run".to_string(), |pid| format!("another run (pid {pid})"));
            eprintln!("new-module: waiting for {who} to finish with this checkout...");
        });
        let lock = match lock {
            Ok(lock) => lock,
            Err(LockError::Busy { pid, path }) => {
                let who = pid.map_or_else(String::new, |pid| format!(" (pid {pid})"));
                return refuse(
                    &mut stderr,
                    report::Problem::new(format!("another new-module{who} is still changing this checkout"))
                        .note(format!("waited {} seconds for `{}`", LOCK_WAIT.as_secs(), path.display()))
                        .help("run again when it has finished"),
                );
            }
            Err(LockError::Io(message)) => return refuse(&mut stderr, report::Problem::new(message)),
        };
        journal::discard_unfinished_journal(&root);
        if let Some(path) = journal::pending(&root) {
            match journal::repair(&path) {
                Ok(done) => {
                    repaired = true;
                    eprintln!("new-module: {}", repaired_message(&done));
                }
                Err(errors) => {
                    let problem = errors
                        .iter()
                        .fold(report::Problem::new("an interrupted new-module run could not be repaired"), |p, e| {
                            p.note(e.clone())
                        });
                    return refuse(
                        &mut stderr,
                        problem.help("fix the cause, then run `cpython-rs new-module --repair`"),
                    );
                }
            }
        }
        Some(lock)
    } else {
        if let Some(dir) = args.out_of_tree.as_ref().filter(|_| !args.dry_run) {
            // A standalone crate has no checkout to lock; a run killed while writing it is undone here.
            let dir = cwd.join(dir);
            journal::discard_unfinished_journal(&dir);
            if let Some(path) = journal::pending(&dir) {
                match journal::repair(&path) {
                    Ok(done) => eprintln!("new-module: {}", repaired_message(&done)),
                    Err(errors) => {
                        let problem = errors.iter().fold(
                            report::Problem::new("an interrupted new-module run could not be repaired"),
                            |p, e| p.note(e.clone()),
                        );
                        return refuse(&mut stderr, problem);
                    }
                }
            }
        }
        None
    };
    let Some(name) = args.name.filter(|_| !args.repair) else {
        // `--repair`: done above.
        if !repaired {
            println!("new-module: nothing to repair");
        }
        return exit::OK;
    };
    let options = Options {
        name,
        api: args.api,
        cpython: args.cpython,
        out_of_tree: args.out_of_tree,
        replaces: args.replaces,
        section: args.section,
        gh_issue: args.gh_issue,
        force: args.force,
        cwd,
        now: None,
    };
    let prepared = match scaffold::prepare(&options) {
        Ok(prepared) => prepared,
        Err(refusal) => {
            let _ = report::write_refusal(&mut stderr, &refusal);
            return exit::ERROR;
        }
    };
    if args.dry_run {
        return finish(report::write_dry_run(&mut stdout, &prepared), &mut stdout);
    }
    let result = scaffold::execute(&prepared, &ExecuteOptions::default());
    drop(guard);
    match result {
        Ok(outcome) => {
            let code = finish(report::write_outcome(&mut stdout, &prepared, &outcome), &mut stdout);
            if outcome.leftovers.is_empty() {
                return code;
            }
            let problem = outcome
                .leftovers
                .iter()
                .fold(report::Problem::new("the module was written, but its clean-up failed"), |p, e| {
                    p.note(e.clone())
                });
            refuse(&mut stderr, problem.help("remove the files named above by hand"))
        }
        Err(error) => {
            let problem = report::Problem::new(format!("could not write the module: {}", error.message));
            let problem = if error.rollback_errors.is_empty() {
                problem.note("every change was undone; the tree is as it was")
            } else {
                error
                    .rollback_errors
                    .iter()
                    .fold(problem, |p, e| p.note(format!("could not undo: {e}")))
                    .help("fix the cause, then run `cpython-rs new-module --repair`")
            };
            refuse(&mut stderr, problem)
        }
    }
}

fn repaired_message(done: &Repaired) -> &'static str {
    match done {
        Repaired::Finished => "an interrupted run had written every file; its leftovers were removed",
        Repaired::RolledBack => "an interrupted run was rolled back: every file it had changed is as it was before",
    }
}

fn finish(written: std::io::Result<()>, out: &mut dyn WriteColor) -> u8 {
    match written.and_then(|()| out.flush()) {
        Ok(()) => exit::OK,
        // A closed pipe (`| head`) is not a failure of the command.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            eprintln!("error: cannot write the output: {e}");
            exit::ERROR
        }
    }
}

fn term_color(choice: ColorChoice, is_terminal: bool) -> TermColor {
    match choice {
        ColorChoice::Always => TermColor::Always,
        ColorChoice::Never => TermColor::Never,
        ColorChoice::Auto if is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) => {
            TermColor::Auto
        }
        ColorChoice::Auto => TermColor::Never,
    }
}
