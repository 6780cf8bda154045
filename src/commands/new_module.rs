//! `cpython-rs new-module`: scaffold a Rust module inside a CPython checkout
//! (or a standalone crate with `--out-of-tree`), print every change and the
//! next steps.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;
use termcolor::{ColorChoice as TermColor, StandardStream, WriteColor};

use crate::cli::exit;
use crate::render::ColorChoice;
use crate::scaffold::news::Section;
use crate::scaffold::{self, report, ApiStyle, ExecuteOptions, Options};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  cpython-rs new-module _fastjson --dry-run\n  \
                  cpython-rs new-module _bisect_rs --replaces _bisect --gh-issue 12345\n  \
                  cpython-rs new-module _proto --out-of-tree ../proto")]
pub struct NewModuleArgs {
    /// The module's name, a Python identifier (`_fastjson`)
    pub name: String,
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
    /// When to colour the output
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

pub fn run(args: NewModuleArgs) -> u8 {
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        Err(e) => {
            eprintln!("error: cannot read the current directory: {e}");
            return exit::ERROR;
        }
    };
    let options = Options {
        name: args.name,
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
    let mut stdout = StandardStream::stdout(term_color(args.color, std::io::stdout().is_terminal()));
    let mut stderr = StandardStream::stderr(term_color(args.color, std::io::stderr().is_terminal()));
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
    match scaffold::execute(&prepared, &ExecuteOptions::default()) {
        Ok(outcome) => finish(report::write_outcome(&mut stdout, &prepared, &outcome), &mut stdout),
        Err(error) => {
            let problem = report::Problem::new(format!("could not write the module: {}", error.message));
            let problem = if error.rollback_errors.is_empty() {
                problem.note("every change was undone; the tree is as it was")
            } else {
                error.rollback_errors.iter().fold(problem, |p, e| p.note(format!("could not undo: {e}")))
            };
            let _ = report::write_refusal(&mut stderr, &problem.into());
            exit::ERROR
        }
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
