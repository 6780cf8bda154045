//! GitHub Actions workflow commands: each finding becomes an annotation.

use std::io::{self, Write};

use cpython_rs_lints::{CheckResult, Severity};

use super::{display_path, position};

/// Escape a message (data) as GitHub requires.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property value (file, title): data escapes plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(result: &CheckResult, out: &mut dyn Write) -> io::Result<()> {
    for d in &result.diagnostics {
        let (line, col) = position(result, d, d.range.start);
        let (end_line, end_col) = position(result, d, d.range.end);
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let name = cpython_rs_lints::registry::rule(d.code).map_or("", |r| r.name);
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        writeln!(
            out,
            "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
            escape_property(&display_path(&d.path)),
            escape_property(&format!("{} ({name})", d.code)),
            escape_data(&message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_requires() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
