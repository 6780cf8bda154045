//! Cargo's `--message-format=json` shape: one `compiler-message` line per
//! finding, each carrying rustc's diagnostic JSON, then `build-finished`.
//! rust-analyzer reads this from `rust-analyzer.check.overrideCommand` and
//! shows the findings inline, with a quick fix for every fix.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use cpython_rs_lints::{CheckResult, Diagnostic, Severity};
use serde_json::{json, Value};

use super::display_path;
use super::full::Files;

pub fn render(result: &CheckResult, out: &mut dyn Write) -> io::Result<()> {
    let files = Files::new(result);
    let mut packages = Packages::default();
    for d in &result.diagnostics {
        let package = packages.of(&d.path);
        let line = json!({
            "reason": "compiler-message",
            "package_id": package.id,
            "manifest_path": package.manifest_path,
            "target": package.target,
            "message": message(result, d, files.rendered(d)?),
        });
        serde_json::to_writer(&mut *out, &line)?;
        writeln!(out)?;
    }
    let errors = result.diagnostics.iter().any(|d| d.severity == Severity::Error);
    serde_json::to_writer(&mut *out, &json!({ "reason": "build-finished", "success": !errors }))?;
    writeln!(out)
}

/// rustc's diagnostic object for one finding.
fn message(result: &CheckResult, d: &Diagnostic, rendered: String) -> Value {
    let rule = cpython_rs_lints::registry::rule(d.code);
    let label = |text: &str| (!text.is_empty()).then(|| text.to_string());
    let mut spans = vec![span(result, &d.path, d.range.clone(), true, label(&d.primary_label), None)];
    for l in &d.labels {
        spans.push(span(result, &l.path, l.range.clone(), false, label(&l.message), None));
    }
    let mut children = Vec::new();
    if let Some(fix) = &d.fix {
        let applicability = fix.applicability.rustc_name();
        let edits = fix
            .edits
            .iter()
            .map(|e| span(result, &d.path, e.range.clone(), true, None, Some((e.content.as_str(), applicability))))
            .collect();
        children.push(child("help", &fix.message, edits));
    }
    if let Some(help) = &d.help {
        children.push(child("help", help, Vec::new()));
    }
    for note in &d.notes {
        children.push(child("note", note, Vec::new()));
    }
    json!({
        "$message_type": "diagnostic",
        "message": d.message,
        "code": { "code": d.code, "explanation": rule.map(|r| r.doc) },
        "level": d.severity.as_str(),
        "spans": spans,
        "children": children,
        "rendered": rendered,
    })
}

fn child(level: &str, message: &str, spans: Vec<Value>) -> Value {
    json!({
        "$message_type": "diagnostic",
        "message": message,
        "code": null,
        "level": level,
        "spans": spans,
        "children": [],
        "rendered": null,
    })
}

/// rustc's span: byte offsets, 1-based lines and character columns, the
/// source lines it covers, and for a suggestion the replacement text.
fn span(
    result: &CheckResult,
    path: &Path,
    range: std::ops::Range<usize>,
    is_primary: bool,
    label: Option<String>,
    suggestion: Option<(&str, &str)>,
) -> Value {
    let source = result.sources.get(path);
    let (line_start, column_start) = source.map_or((1, 1), |s| s.row_col(range.start));
    let (line_end, column_end) = source.map_or((1, 1), |s| s.row_col(range.end));
    let text: Vec<Value> = source
        .map(|s| {
            s.text
                .split_inclusive('\n')
                .skip(line_start - 1)
                .take(line_end + 1 - line_start)
                .enumerate()
                .map(|(i, line)| {
                    let line = line.trim_end_matches(['\n', '\r']);
                    let width = line.chars().count() + 1;
                    let start = if i == 0 { column_start } else { 1 };
                    let end = if line_start + i == line_end { column_end } else { width };
                    json!({ "text": line, "highlight_start": start, "highlight_end": end })
                })
                .collect()
        })
        .unwrap_or_default();
    json!({
        "file_name": display_path(path),
        "byte_start": range.start,
        "byte_end": range.end,
        "line_start": line_start,
        "line_end": line_end,
        "column_start": column_start,
        "column_end": column_end,
        "is_primary": is_primary,
        "text": text,
        "label": label,
        "suggested_replacement": suggestion.map(|(s, _)| s),
        "suggestion_applicability": suggestion.map(|(_, a)| a),
        "expansion": null,
    })
}

/// The cargo package a file belongs to, as cargo names it in its messages.
#[derive(Clone)]
struct Package {
    id: String,
    manifest_path: String,
    target: Value,
}

/// Packages found so far, by folder.
#[derive(Default)]
struct Packages {
    by_dir: HashMap<PathBuf, Package>,
}

impl Packages {
    fn of(&mut self, file: &Path) -> Package {
        let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let dir = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
        if let Some(found) = self.by_dir.get(&dir) {
            return found.clone();
        }
        let package = package_of(&dir, &absolute);
        self.by_dir.insert(dir, package.clone());
        package
    }
}

/// The nearest `Cargo.toml` with a `[package]` above `dir`; a file outside
/// any package gets a package named after its folder, so the line still parses.
fn package_of(dir: &Path, file: &Path) -> Package {
    for ancestor in dir.ancestors() {
        let manifest = ancestor.join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest) else { continue };
        let Ok(value) = toml::from_str::<toml::Table>(&text) else { continue };
        let Some(package) = value.get("package").and_then(|p| p.as_table()) else { continue };
        let field = |key: &str| package.get(key).and_then(|v| v.as_str());
        let name = field("name").unwrap_or("unknown");
        let version = field("version").unwrap_or("0.0.0");
        let edition = field("edition").unwrap_or("2021");
        let lib = value.get("lib").and_then(|l| l.as_table());
        let lib_name = lib.and_then(|l| l.get("name")).and_then(|v| v.as_str()).map(str::to_string);
        let lib_path = lib.and_then(|l| l.get("path")).and_then(|v| v.as_str()).unwrap_or("src/lib.rs");
        let src_path = ancestor.join(lib_path);
        let src_path = if src_path.is_file() { src_path } else { file.to_path_buf() };
        return Package {
            id: format!("path+{}#{name}@{version}", file_url(ancestor)),
            manifest_path: manifest.to_string_lossy().into_owned(),
            target: target(&lib_name.unwrap_or_else(|| name.replace('-', "_")), &src_path, edition),
        };
    }
    let name = dir.file_name().map_or("unknown".to_string(), |n| n.to_string_lossy().replace('-', "_"));
    Package {
        id: format!("path+{}#{name}@0.0.0", file_url(dir)),
        manifest_path: dir.join("Cargo.toml").to_string_lossy().into_owned(),
        target: target(&name, file, "2021"),
    }
}

fn target(name: &str, src_path: &Path, edition: &str) -> Value {
    json!({
        "kind": ["lib"],
        "crate_types": ["lib"],
        "name": name,
        "src_path": src_path.to_string_lossy(),
        "edition": edition,
        "doctest": true,
        "test": true,
        "doc": true,
    })
}

fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    if text.starts_with('/') {
        format!("file://{text}")
    } else {
        format!("file:///{text}")
    }
}
