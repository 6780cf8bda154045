//! Output formats for `check`, one file each.

pub mod concise;
pub mod full;
pub mod github;
pub mod json;
pub mod rustc_json;
pub mod sarif;

use std::io::{self, Write};

use clap::ValueEnum;
use cpython_rs_lints::{CheckResult, Diagnostic};

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// rustc-style diagnostics with source snippets
    #[default]
    Full,
    /// One line per finding: `path:line:col: CODE message`
    Concise,
    /// A JSON array, shaped like ruff's
    Json,
    /// One JSON object per line
    JsonLines,
    /// SARIF 2.1.0, for code-scanning dashboards
    Sarif,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// Cargo's `--message-format=json` lines, for rust-analyzer's `check.overrideCommand`
    RustcJson,
}

/// Whether to colour the full format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is unset
    #[default]
    Auto,
    Always,
    Never,
}

/// Write `result` in `format`.
pub fn render(result: &CheckResult, format: OutputFormat, color: bool, out: &mut dyn Write) -> io::Result<()> {
    match format {
        OutputFormat::Full => full::render(result, color, out),
        OutputFormat::Concise => concise::render(result, out),
        OutputFormat::Json => json::render(result, out),
        OutputFormat::JsonLines => json::render_lines(result, out),
        OutputFormat::Sarif => sarif::render(result, out),
        OutputFormat::Github => github::render(result, out),
        OutputFormat::RustcJson => rustc_json::render(result, out),
    }
}

/// 1-based (row, column) of a byte offset in the diagnostic's file.
pub fn position(result: &CheckResult, d: &Diagnostic, offset: usize) -> (usize, usize) {
    result.sources.get(&d.path).map_or((1, 1), |s| s.row_col(offset))
}

/// The path as it should be printed: relative to the working directory when
/// it lies below it (project-level rules find files from the checkout root,
/// as absolute paths), with forward slashes on every platform.
pub fn display_path(path: &std::path::Path) -> String {
    let relative = if path.is_absolute() {
        std::env::current_dir().ok().and_then(|cwd| path.strip_prefix(cwd).ok().map(std::path::Path::to_path_buf))
    } else {
        None
    };
    relative.as_deref().unwrap_or(path).to_string_lossy().replace('\\', "/")
}
