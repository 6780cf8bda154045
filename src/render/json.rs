//! JSON output shaped like ruff's: one object per finding.

use std::io::{self, Write};

use cpython_rs_lints::{CheckResult, Diagnostic};
use serde_json::{json, Value};

use super::{display_path, position};

/// The JSON object for one finding.
pub fn diagnostic_json(result: &CheckResult, d: &Diagnostic) -> Value {
    let rule = cpython_rs_lints::registry::rule(d.code);
    let (row, column) = position(result, d, d.range.start);
    let (end_row, end_column) = position(result, d, d.range.end);
    let labels: Vec<Value> = d
        .labels
        .iter()
        .map(|l| {
            let (row, column) = result.sources.get(&l.path).map_or((1, 1), |s| s.row_col(l.range.start));
            json!({
                "filename": display_path(&l.path),
                "location": { "row": row, "column": column },
                "message": l.message,
            })
        })
        .collect();
    json!({
        "code": d.code,
        "name": rule.map(|r| r.name),
        "message": d.message,
        "severity": d.severity.as_str(),
        "filename": display_path(&d.path),
        "location": { "row": row, "column": column },
        "end_location": { "row": end_row, "column": end_column },
        "help": d.help,
        "notes": d.notes,
        "labels": labels,
        "url": rule.map(|r| r.url()),
        "fix": fix_json(result, d),
    })
}

/// The fix in ruff's shape: applicability, message and edits with their
/// start and end positions; `null` when there is none.
fn fix_json(result: &CheckResult, d: &Diagnostic) -> Value {
    let Some(fix) = &d.fix else { return Value::Null };
    let edits: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| {
            let (row, column) = position(result, d, e.range.start);
            let (end_row, end_column) = position(result, d, e.range.end);
            json!({
                "content": e.content,
                "location": { "row": row, "column": column },
                "end_location": { "row": end_row, "column": end_column },
            })
        })
        .collect();
    json!({ "applicability": fix.applicability.as_str(), "message": fix.message, "edits": edits })
}

pub fn render(result: &CheckResult, out: &mut dyn Write) -> io::Result<()> {
    let all: Vec<Value> = result.diagnostics.iter().map(|d| diagnostic_json(result, d)).collect();
    serde_json::to_writer_pretty(&mut *out, &all)?;
    writeln!(out)
}

pub fn render_lines(result: &CheckResult, out: &mut dyn Write) -> io::Result<()> {
    for d in &result.diagnostics {
        serde_json::to_writer(&mut *out, &diagnostic_json(result, d))?;
        writeln!(out)?;
    }
    Ok(())
}
