//! `cpython-rs check`: run the analyser and print its findings.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::Command;

use clap::Args;
use cpython_rs_lints::settings::SettingsResolver;
use cpython_rs_lints::{CheckRequest, CheckResult, Overrides, Severity};

use crate::cli::exit;
use crate::fixes;
use crate::render::{self, ColorChoice, OutputFormat};

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  cpython-rs check Modules/_base64\n  cpython-rs check --select RC,GT --output-format concise\n  \
                        cpython-rs check --ignore SD001 src/lib.rs\n  cpython-rs check --staged        (what a pre-commit hook runs)"
)]
pub struct CheckArgs {
    /// Files or folders to check [default: .]
    pub paths: Vec<PathBuf>,
    /// Rules to enable, replacing the config's selection: codes, names, family prefixes (RC, GT) or ALL
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Rules to enable in addition to the selection
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Rules to disable
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Use this config file instead of discovering one
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Override the configured Rust-for-CPython stage (1-4) for BW002
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub stage: Option<u8>,
    /// How to print findings
    #[arg(long, value_enum, default_value_t)]
    pub output_format: OutputFormat,
    /// When to colour the output
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
    /// Print the number of findings per rule instead of the findings
    #[arg(long)]
    pub statistics: bool,
    /// Print findings only, no summary
    #[arg(long, short)]
    pub quiet: bool,
    /// Exit 0 even when there are findings (still 2 on errors)
    #[arg(long)]
    pub exit_zero: bool,
    /// Print the settings that apply to the first path and exit
    #[arg(long)]
    pub show_settings: bool,
    /// Check the staged contents of staged `.rs` files (for git hooks)
    #[arg(long)]
    pub staged: bool,
    /// Apply the fixes that are certainly right, then report what remains
    #[arg(long, conflicts_with_all = ["diff", "staged"])]
    pub fix: bool,
    /// Print the fixes as a unified diff and write nothing (exit 1 if there are any)
    #[arg(long, conflicts_with = "staged")]
    pub diff: bool,
    /// With --fix or --diff, also apply fixes that may change behaviour beyond the finding
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Report only findings not recorded in this baseline file (overrides the config's `baseline`)
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every finding in this baseline file and exit 0
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "fix", "diff", "statistics"])]
    pub write_baseline: Option<PathBuf>,
    /// Also print what was not analysed and why (bodies given up for time)
    #[arg(long, short)]
    pub verbose: bool,
}

pub fn run(args: CheckArgs) -> u8 {
    let overrides = Overrides {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        config: args.config.clone(),
        stage: args.stage,
        baseline: args.baseline.clone(),
        no_baseline: args.write_baseline.is_some(),
    };
    if args.show_settings {
        return show_settings(&args, overrides);
    }
    let contents = if args.staged {
        match staged_contents(&args.paths) {
            Ok(contents) => Some(contents),
            Err(message) => {
                eprintln!("error: {message}");
                return exit::ERROR;
            }
        }
    } else {
        None
    };
    let request = CheckRequest { paths: args.paths.clone(), overrides, contents, ..Default::default() };
    let mut fixed = None;
    let result = if args.fix || args.diff {
        match cpython_rs_lints::fix::fix_all(&request, args.unsafe_fixes) {
            Ok(mut outcome) => {
                if args.diff {
                    return fixes::print_diff(&outcome);
                }
                let written = fixes::write_all(&outcome);
                let result = std::mem::take(&mut outcome.result);
                fixed = Some((outcome, written));
                result
            }
            Err(err) => {
                eprintln!("error: {err}");
                return exit::ERROR;
            }
        }
    } else {
        match cpython_rs_lints::check(&request) {
            Ok(result) => result,
            Err(err) => {
                eprintln!("error: {err}");
                return exit::ERROR;
            }
        }
    };
    if let Some(path) = &args.write_baseline {
        return write_baseline(path, &result);
    }
    let stdout = std::io::stdout();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let mut out = stdout.lock();
    let written = if args.statistics {
        write_statistics(&result, &mut out)
    } else {
        render::render(&result, args.output_format, color, &mut out).and_then(|()| {
            let human = matches!(args.output_format, OutputFormat::Full | OutputFormat::Concise);
            if let Some((outcome, _)) = &fixed {
                // Machine-readable formats keep stdout parseable: the report goes to stderr.
                if human && !args.quiet {
                    fixes::write_report(outcome, result.diagnostics.len(), &mut out)?;
                } else if !args.quiet {
                    fixes::write_report(outcome, result.diagnostics.len(), &mut std::io::stderr())?;
                }
            }
            if human && !args.quiet {
                write_summary(&result, args.unsafe_fixes, &mut out)
            } else {
                Ok(())
            }
        })
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write output: {e}");
            return exit::ERROR;
        }
    }
    if args.verbose {
        for note in &result.notes {
            eprintln!("note: {note}");
        }
    }
    for message in &result.internal_errors {
        eprintln!("error: {message} (please report this bug)");
    }
    let fix_failed = fixed.as_ref().is_some_and(|(outcome, written)| !outcome.rejected.is_empty() || !written);
    if result.files_failed > 0 || !result.internal_errors.is_empty() || fix_failed {
        exit::ERROR
    } else if result.diagnostics.is_empty() || args.exit_zero {
        exit::OK
    } else {
        exit::FINDINGS
    }
}

fn show_settings(args: &CheckArgs, overrides: Overrides) -> u8 {
    let path = args.paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
    let settings = SettingsResolver::new(overrides).and_then(|r| r.for_path(&path));
    match settings {
        Ok(settings) => {
            println!("settings for {}:", path.display());
            print!("{}", settings.describe());
            exit::OK
        }
        Err(err) => {
            eprintln!("error: {err}");
            exit::ERROR
        }
    }
}

/// `--write-baseline FILE`: record every finding; exit 0 unless a file could not be analysed.
fn write_baseline(path: &std::path::Path, result: &CheckResult) -> u8 {
    match cpython_rs_lints::baseline::write(path, &result.diagnostics, &result.sources) {
        Ok(n) => {
            let findings = if n == 1 { "1 finding".to_string() } else { format!("{n} findings") };
            println!("Recorded {findings} in {}.", path.display());
        }
        Err(e) => {
            eprintln!("error: cannot write `{}`: {e}", path.display());
            return exit::ERROR;
        }
    }
    for message in &result.internal_errors {
        eprintln!("error: {message} (please report this bug)");
    }
    if result.files_failed > 0 || !result.internal_errors.is_empty() {
        exit::ERROR
    } else {
        exit::OK
    }
}

fn write_summary(result: &CheckResult, unsafe_fixes: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let errors = result.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = result.diagnostics.len() - errors;
    let files = match result.files_checked {
        1 => "1 file".to_string(),
        n => format!("{n} files"),
    };
    if result.diagnostics.is_empty() {
        writeln!(out, "All checks passed ({files} checked).")?;
        write_baseline_summary(result, out)
    } else {
        let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
        let counts = match (errors, warnings) {
            (e, 0) => plural(e, "error"),
            (0, w) => plural(w, "warning"),
            (e, w) => format!("{} and {}", plural(e, "error"), plural(w, "warning")),
        };
        writeln!(out, "Found {counts} ({files} checked).")?;
        write_baseline_summary(result, out)?;
        fixes::write_fixable(result, unsafe_fixes, out)
    }
}

/// What the baseline hid, and entries that no longer match (the file wants refreshing).
fn write_baseline_summary(result: &CheckResult, out: &mut dyn Write) -> std::io::Result<()> {
    let Some(applied) = result.baseline else { return Ok(()) };
    if applied.baselined > 0 {
        let verb = if applied.baselined == 1 { "finding is" } else { "findings are" };
        writeln!(out, "{} {verb} in the baseline and not shown.", applied.baselined)?;
    }
    if applied.stale > 0 {
        let (entries, verb) = if applied.stale == 1 { ("entry", "matches") } else { ("entries", "match") };
        writeln!(
            out,
            "{} baseline {entries} no longer {verb} a finding (fixed or changed): refresh it with `--write-baseline`.",
            applied.stale
        )?;
    }
    Ok(())
}

fn write_statistics(result: &CheckResult, out: &mut dyn Write) -> std::io::Result<()> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &result.diagnostics {
        *counts.entry(d.code).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (code, count) in rows {
        let name = cpython_rs_lints::registry::rule(code).map_or("", |r| r.name);
        writeln!(out, "{count:>5}\t{code}\t{name}")?;
    }
    Ok(())
}

/// The staged `.rs` files under `paths` and their staged contents (`git show :path`).
fn staged_contents(paths: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, String> {
    let git = |args: &[&str]| -> Result<Vec<u8>, String> {
        let output = Command::new("git").args(args).output().map_err(|e| format!("cannot run git: {e}"))?;
        if !output.status.success() {
            return Err(format!("git {} failed: {}", args.join(" "), String::from_utf8_lossy(&output.stderr).trim()));
        }
        Ok(output.stdout)
    };
    let mut list_args = vec!["diff", "--cached", "--name-only", "--diff-filter=ACMR", "--relative", "-z", "--"];
    let path_args: Vec<String> = paths.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    list_args.extend(path_args.iter().map(String::as_str));
    let listed = git(&list_args)?;
    let mut contents = Vec::new();
    for name in listed.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        if !name.ends_with(".rs") {
            continue;
        }
        let blob = git(&["show", &format!(":./{name}")])?;
        match String::from_utf8(blob) {
            Ok(text) => contents.push((PathBuf::from(name), text)),
            Err(_) => return Err(format!("staged `{name}` is not valid UTF-8")),
        }
    }
    Ok(contents)
}
