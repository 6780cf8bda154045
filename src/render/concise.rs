//! One line per finding: `path:line:col: CODE message`.

use std::io::{self, Write};

use cpython_rs_lints::CheckResult;

use super::{display_path, position};

pub fn render(result: &CheckResult, out: &mut dyn Write) -> io::Result<()> {
    for d in &result.diagnostics {
        let (row, col) = position(result, d, d.range.start);
        writeln!(out, "{}:{row}:{col}: {} {}", display_path(&d.path), d.code, d.message)?;
    }
    Ok(())
}
