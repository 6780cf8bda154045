//! `check --fix` and `--diff`: write fixed files atomically, print diffs,
//! and say what was fixed and what remains.

use std::io::{self, Write};
use std::path::Path;

use cpython_rs_lints::fix::FixOutcome;
use cpython_rs_lints::{Applicability, CheckResult};

use crate::cli::exit;
use crate::render::display_path;

/// `--diff`: a unified diff per fixed file on stdout, a count on stderr;
/// nothing is written. Exit 1 when there is something to fix.
pub fn print_diff(outcome: &FixOutcome) -> u8 {
    let mut out = io::stdout().lock();
    let mut written = Ok(());
    for (path, file) in &outcome.files {
        let name = display_path(path);
        let diff = similar::TextDiff::from_lines(&*file.original, &file.fixed);
        let text = diff.unified_diff().context_radius(3).header(&format!("a/{name}"), &format!("b/{name}")).to_string();
        written = written.and_then(|()| out.write_all(text.as_bytes()));
    }
    if let Err(e) = written.and_then(|()| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write output: {e}");
            return exit::ERROR;
        }
    }
    report_rejected(outcome);
    let n = outcome.fixed_count();
    eprintln!("Would fix {} ({} remaining).", findings(n), outcome.result.diagnostics.len());
    if !outcome.rejected.is_empty() {
        exit::ERROR
    } else if n > 0 {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// Write every fixed file; false when one could not be written (each is reported).
pub fn write_all(outcome: &FixOutcome) -> bool {
    report_rejected(outcome);
    let mut ok = true;
    for (path, file) in &outcome.files {
        // The file changed on disk while we were fixing it: leave the user's edit alone.
        let current = std::fs::read_to_string(path);
        if current.as_deref().ok() != Some(&*file.original) {
            eprintln!("error: `{}` changed while it was being fixed; not written", display_path(path));
            ok = false;
            continue;
        }
        if let Err(e) = write_atomically(path, &file.fixed) {
            eprintln!("error: cannot write `{}`: {e}", display_path(path));
            ok = false;
        }
    }
    ok
}

fn report_rejected(outcome: &FixOutcome) {
    for path in &outcome.rejected {
        eprintln!(
            "error: the fixes for `{}` would leave it unparsable; it was not changed (please report this bug)",
            display_path(path)
        );
    }
}

/// Write `text` to a temporary file beside `path`, then rename it over
/// `path`: a reader (or a crash) sees the old file or the new one, never half.
pub fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or("file".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.cpython-rs-fix.{}", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&temp, meta.permissions())?;
        }
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// `Fixed 3 findings (RC006 2, SUP002 1); 4 remain.`
pub fn write_report(outcome: &FixOutcome, remaining: usize, out: &mut dyn Write) -> io::Result<()> {
    let n = outcome.fixed_count();
    if n == 0 {
        return writeln!(out, "No fixes applied ({remaining} remaining).");
    }
    let per_rule: Vec<String> = outcome.fixed.iter().map(|(code, count)| format!("{code} {count}")).collect();
    let files = match outcome.files.len() {
        1 => "1 file".to_string(),
        f => format!("{f} files"),
    };
    writeln!(out, "Fixed {} in {files} ({}); {remaining} remaining.", findings(n), per_rule.join(", "))
}

/// `[*] 2 fixable with `--fix` (1 more with `--unsafe-fixes`).`
pub fn write_fixable(result: &CheckResult, unsafe_fixes: bool, out: &mut dyn Write) -> io::Result<()> {
    let count = |level: Applicability| {
        result.diagnostics.iter().filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability == level)).count()
    };
    let (safe, unsafe_only) = (count(Applicability::Safe), count(Applicability::Unsafe));
    match (safe, unsafe_only) {
        (0, 0) => Ok(()),
        (s, u) if unsafe_fixes => writeln!(out, "[*] {} fixable with `--fix --unsafe-fixes`.", s + u),
        (0, u) => writeln!(out, "{} can be fixed with `--fix --unsafe-fixes`.", findings(u)),
        (s, 0) => writeln!(out, "[*] {s} fixable with `--fix`."),
        (s, u) => writeln!(out, "[*] {s} fixable with `--fix` ({u} more with `--unsafe-fixes`)."),
    }
}

fn findings(n: usize) -> String {
    if n == 1 {
        "1 finding".to_string()
    } else {
        format!("{n} findings")
    }
}
