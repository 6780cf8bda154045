//! What `new-module` tells its user: refusals and warnings in rustc's shape,
//! the change list in cargo's (a right-aligned verb, then the path), the
//! dry-run preview (a tree and unified diffs), and numbered next steps.

use std::io;

use termcolor::{Color, ColorSpec, WriteColor};

use super::lock::LockOutcome;
use super::plan::{self, ChangeKind};
use super::{Outcome, Prepared};

/// An error or a warning, with notes and a suggested fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub notes: Vec<String>,
    pub helps: Vec<String>,
}

impl Problem {
    pub fn new(message: impl Into<String>) -> Problem {
        Problem { message: message.into(), notes: Vec::new(), helps: Vec::new() }
    }

    pub fn note(mut self, note: impl Into<String>) -> Problem {
        self.notes.push(note.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Problem {
        self.helps.push(help.into());
        self
    }
}

/// Why nothing was done, with any warnings found on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refusal {
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl From<Problem> for Refusal {
    fn from(problem: Problem) -> Refusal {
        Refusal { errors: vec![problem], warnings: Vec::new() }
    }
}

/// One numbered next step: what to do and, when there is one, the command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub title: String,
    pub command: Option<String>,
}

impl Step {
    pub fn new(title: impl Into<String>, command: Option<&str>) -> Step {
        Step { title: title.into(), command: command.map(str::to_string) }
    }
}

#[derive(Clone, Copy)]
enum Level {
    Error,
    Warning,
}

fn spec(color: Color, bold: bool) -> ColorSpec {
    let mut spec = ColorSpec::new();
    spec.set_fg(Some(color)).set_bold(bold).set_intense(true);
    spec
}

fn bold() -> ColorSpec {
    let mut spec = ColorSpec::new();
    spec.set_bold(true);
    spec
}

fn write_problem(out: &mut dyn WriteColor, level: Level, problem: &Problem) -> io::Result<()> {
    let (label, color) = match level {
        Level::Error => ("error", Color::Red),
        Level::Warning => ("warning", Color::Yellow),
    };
    out.set_color(&spec(color, true))?;
    write!(out, "{label}")?;
    out.set_color(&bold())?;
    writeln!(out, ": {}", problem.message)?;
    out.reset()?;
    for (kind, lines) in [("note", &problem.notes), ("help", &problem.helps)] {
        for line in lines {
            out.set_color(&spec(Color::Blue, true))?;
            write!(out, "  = ")?;
            out.set_color(&bold())?;
            write!(out, "{kind}")?;
            out.reset()?;
            writeln!(out, ": {line}")?;
        }
    }
    Ok(())
}

/// The warnings, then the errors.
pub fn write_refusal(out: &mut dyn WriteColor, refusal: &Refusal) -> io::Result<()> {
    write_warnings(out, &refusal.warnings)?;
    for problem in &refusal.errors {
        write_problem(out, Level::Error, problem)?;
    }
    Ok(())
}

fn write_warnings(out: &mut dyn WriteColor, warnings: &[Problem]) -> io::Result<()> {
    for problem in warnings {
        write_problem(out, Level::Warning, problem)?;
    }
    Ok(())
}

/// A cargo-style status line: the verb right-aligned in twelve columns.
fn status(out: &mut dyn WriteColor, verb: &str, color: Color, text: &str) -> io::Result<()> {
    out.set_color(&spec(color, true))?;
    write!(out, "{verb:>12}")?;
    out.reset()?;
    writeln!(out, " {text}")
}

fn write_steps(out: &mut dyn WriteColor, steps: &[Step]) -> io::Result<()> {
    if steps.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    out.set_color(&bold())?;
    writeln!(out, "Next steps:")?;
    out.reset()?;
    for (i, step) in steps.iter().enumerate() {
        writeln!(out, "{:>3}. {}", i + 1, step.title)?;
        if let Some(command) = &step.command {
            out.set_color(&spec(Color::Cyan, false))?;
            writeln!(out, "       {command}")?;
            out.reset()?;
        }
    }
    Ok(())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `--dry-run`: the files that would be written, as a tree, and each edit as a unified diff.
pub fn write_dry_run(out: &mut dyn WriteColor, prepared: &Prepared) -> io::Result<()> {
    write_warnings(out, &prepared.warnings)?;
    status(out, "Planning", Color::Green, &prepared.headline)?;
    let plan = &prepared.plan;
    let written = plan.written().count();
    if written > 0 {
        writeln!(out)?;
        out.set_color(&bold())?;
        writeln!(out, "Would write {}:", plural(written, "file", "files"))?;
        out.reset()?;
        write!(out, "{}", plan.tree(&prepared.root_label))?;
    }
    let edited = plan.edited().count();
    if edited > 0 {
        writeln!(out)?;
        out.set_color(&bold())?;
        writeln!(out, "Would edit {}:", plural(edited, "file", "files"))?;
        out.reset()?;
        for change in plan.edited() {
            write_diff(out, &plan::unified_diff(change))?;
        }
    }
    for (path, why) in &prepared.unchanged {
        status(out, "Unchanged", Color::Cyan, &format!("{path} ({why})"))?;
    }
    if let Some(lock) = &prepared.lock {
        writeln!(out)?;
        writeln!(out, "Then `{}` would add `{}` to Cargo.lock.", super::lock::COMMAND, lock.package)?;
    }
    writeln!(out)?;
    out.set_color(&spec(Color::Yellow, true))?;
    write!(out, "Dry run:")?;
    out.reset()?;
    writeln!(out, " nothing was written.")?;
    write_steps(out, &prepared.steps)
}

fn write_diff(out: &mut dyn WriteColor, diff: &str) -> io::Result<()> {
    for line in diff.lines() {
        let color = if line.starts_with("+++") || line.starts_with("---") {
            Some(spec(Color::White, true))
        } else if line.starts_with('+') {
            Some(spec(Color::Green, false))
        } else if line.starts_with('-') {
            Some(spec(Color::Red, false))
        } else if line.starts_with("@@") {
            Some(spec(Color::Cyan, false))
        } else {
            None
        };
        if let Some(color) = &color {
            out.set_color(color)?;
        }
        write!(out, "{line}")?;
        if color.is_some() {
            out.reset()?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// After applying: every change made, then the next steps.
pub fn write_outcome(out: &mut dyn WriteColor, prepared: &Prepared, outcome: &Outcome) -> io::Result<()> {
    write_warnings(out, &prepared.warnings)?;
    status(out, "Creating", Color::Green, &prepared.headline)?;
    for change in &prepared.plan.changes {
        let verb = match change.kind {
            ChangeKind::Create => "Created",
            ChangeKind::Overwrite => "Regenerated",
            ChangeKind::Edit => "Edited",
        };
        let text = if change.summary.is_empty() {
            change.path.clone()
        } else {
            format!("{} ({})", change.path, change.summary)
        };
        status(out, verb, Color::Green, &text)?;
    }
    for (path, why) in &prepared.unchanged {
        status(out, "Unchanged", Color::Cyan, &format!("{path} ({why})"))?;
    }
    match &outcome.lock {
        Some(LockOutcome::Updated) => status(out, "Updated", Color::Green, "Cargo.lock")?,
        Some(LockOutcome::Failed { reason }) => {
            write_problem(
                out,
                Level::Warning,
                &Problem::new("Cargo.lock was not updated").note(reason.clone()).help("see the first next step"),
            )?;
        }
        Some(LockOutcome::Skipped(why)) => status(out, "Skipped", Color::Cyan, &format!("Cargo.lock ({why})"))?,
        None => {}
    }
    let written = prepared.plan.written().count();
    let edited = prepared.plan.edited().count();
    status(
        out,
        "Finished",
        Color::Green,
        &format!(
            "{} written and {} edited in {}",
            plural(written, "file", "files"),
            plural(edited, "file", "files"),
            prepared.plan.root.display()
        ),
    )?;
    write_steps(out, &outcome.steps)
}

/// `text` without colour, for tests.
pub fn plain(render: impl FnOnce(&mut dyn WriteColor) -> io::Result<()>) -> String {
    let mut out = termcolor::NoColor::new(Vec::new());
    render(&mut out).expect("writing to memory cannot fail");
    String::from_utf8(out.into_inner()).expect("output is UTF-8")
}
