//! SARIF 2.1.0: rules in `tool.driver.rules`, one result per finding.

use std::collections::BTreeSet;
use std::io::{self, Write};

use cpython_rs_lints::{registry, CheckResult, Severity};
use serde_json::{json, Value};

use super::{display_path, position};

pub fn render(result: &CheckResult, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = registry::all()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.description() },
                "help": { "text": registry::section(r.doc, "Use instead").map_or(r.summary.to_string(), |s| s.to_string()), "markdown": r.doc },
                "helpUri": r.url(),
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "tags": [r.family.title()] },
            })
        })
        .collect();
    let index_of = |code: &str| registry::all().position(|r| r.code == code);
    let mut artifacts = BTreeSet::new();
    let results: Vec<Value> = result
        .diagnostics
        .iter()
        .map(|d| {
            let (start_line, start_column) = position(result, d, d.range.start);
            let (end_line, end_column) = position(result, d, d.range.end);
            let uri = display_path(&d.path);
            artifacts.insert(uri.clone());
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str(&format!("\nhelp: {help}"));
            }
            let related: Vec<Value> = d
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let (line, column) = result.sources.get(&l.path).map_or((1, 1), |s| s.row_col(l.range.start));
                    json!({
                        "id": i,
                        "message": { "text": l.message },
                        "physicalLocation": {
                            "artifactLocation": { "uri": display_path(&l.path) },
                            "region": { "startLine": line, "startColumn": column },
                        },
                    })
                })
                .collect();
            let fixes: Vec<Value> = d
                .fix
                .iter()
                .map(|fix| {
                    let replacements: Vec<Value> = fix
                        .edits
                        .iter()
                        .map(|e| {
                            let (start_line, start_column) = position(result, d, e.range.start);
                            let (end_line, end_column) = position(result, d, e.range.end);
                            json!({
                                "deletedRegion": {
                                    "startLine": start_line,
                                    "startColumn": start_column,
                                    "endLine": end_line,
                                    "endColumn": end_column,
                                },
                                "insertedContent": { "text": e.content },
                            })
                        })
                        .collect();
                    json!({
                        "description": { "text": fix.message },
                        "artifactChanges": [{ "artifactLocation": { "uri": &uri }, "replacements": replacements }],
                        "properties": { "applicability": fix.applicability.as_str() },
                    })
                })
                .collect();
            json!({
                "ruleId": d.code,
                "ruleIndex": index_of(d.code),
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": {
                            "startLine": start_line,
                            "startColumn": start_column,
                            "endLine": end_line,
                            "endColumn": end_column,
                        },
                    },
                }],
                "relatedLocations": related,
                "partialFingerprints": { "primaryLocationLineHash": fingerprint(result, d) },
                "fixes": fixes,
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "cpython-rs",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/cpython-rs/cpython-rs",
                    "rules": rules,
                },
            },
            "artifacts": artifacts.iter().map(|uri| json!({ "location": { "uri": uri } })).collect::<Vec<_>>(),
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A fingerprint that survives unrelated edits: the rule, the file and the
/// primary line's text (not its number), hashed with FNV-1a.
fn fingerprint(result: &CheckResult, d: &cpython_rs_lints::Diagnostic) -> String {
    let line_text = result
        .sources
        .get(&d.path)
        .map(|s| {
            let (row, _) = s.row_col(d.range.start);
            s.text.lines().nth(row - 1).unwrap_or("").trim().to_string()
        })
        .unwrap_or_default();
    let mut hash: u64 = 0xcbf29ce484222325;
    for byte in d.code.bytes().chain(display_path(&d.path).bytes()).chain(line_text.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x100000001b3);
    }
    format!("{hash:016x}")
}
