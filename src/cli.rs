//! The command line: one subcommand per file in `commands/`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands;

/// Exit codes shared by every subcommand.
pub mod exit {
    /// No findings, or the command did what it was asked.
    pub const OK: u8 = 0;
    /// Findings were reported (or, for `doctor`, something blocks building).
    pub const FINDINGS: u8 = 1;
    /// A usage or config error, or a file that could not be analysed.
    pub const ERROR: u8 = 2;
}

#[derive(Debug, Parser)]
#[command(
    name = "cpython-rs",
    version,
    about = "Scaffold and check Rust extension modules for CPython",
    long_about = "cpython-rs helps CPython core developers write modules in Rust: `new-module` scaffolds a crate \
                  wired into every place CPython's build needs it, and `check` finds the C-API mistakes the Rust \
                  compiler cannot see (reference counts, thread state, panics across extern \"C\", the error \
                  indicator, method tables, build wiring).",
    after_help = "Examples:\n  cpython-rs check Modules/_base64\n  cpython-rs new-module _fastjson\n  cpython-rs rule RC001\n  \
                  cpython-rs doctor\n  cpython-rs install-hook"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check Rust sources for C-API mistakes
    Check(commands::check::CheckArgs),
    /// List every rule
    Rules(commands::rules::RulesArgs),
    /// Show a rule's devguide page
    Rule(commands::rules::RuleArgs),
    /// Scaffold a new Rust module inside a CPython checkout (or out of tree)
    NewModule(commands::new_module::NewModuleArgs),
    /// Check that this machine and checkout can build Rust modules
    Doctor(commands::doctor::DoctorArgs),
    /// Install a git pre-commit hook that checks staged Rust files
    InstallHook(commands::install_hook::InstallHookArgs),
    /// Print shell completions or the man page
    Completions(commands::completions::CompletionsArgs),
}

pub fn main() -> ExitCode {
    quiet_worker_panics();
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Rules(args) => commands::rules::run_rules(args),
        Command::Rule(args) => commands::rules::run_rule(args),
        Command::NewModule(args) => commands::new_module::run(args),
        Command::Doctor(args) => commands::doctor::run(args),
        Command::InstallHook(args) => commands::install_hook::run(args),
        Command::Completions(args) => commands::completions::run(args),
    };
    ExitCode::from(code)
}

/// A bug in a rule panics on a worker thread; the engine catches it and
/// `check` reports it as an internal error with the file it was analysing.
/// Print only the panic's location there, not the default hook's backtrace;
/// panics anywhere else keep the default report.
fn quiet_worker_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let on_worker = std::thread::current().name().is_some_and(|n| n.starts_with("cpython-rs-worker"));
        if on_worker {
            if let Some(location) = info.location() {
                eprintln!("cpython-rs: a rule panicked at {location}");
            }
        } else {
            default(info);
        }
    }));
}
