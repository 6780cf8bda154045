//! A small rustc-like renderer for snapshot tests of one family.

use cpython_rs_lints::Diagnostic;

/// Render diagnostics against the texts they point into.
pub fn render(diagnostics: &[Diagnostic], text_of: &dyn Fn(&std::path::Path) -> Option<String>) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let text = text_of(&d.path).unwrap_or_default();
        let (row, col) = row_col(&text, d.range.start);
        out.push_str(&format!("{}[{}]: {}\n", d.severity.as_str(), d.code, d.message));
        out.push_str(&format!("  --> {}:{row}:{col}\n", d.path.display()));
        snippet(&mut out, &text, d.range.clone(), &d.primary_label, '^');
        for label in &d.labels {
            let text = text_of(&label.path).unwrap_or_default();
            let (row, col) = row_col(&text, label.range.start);
            out.push_str(&format!("  ::: {}:{row}:{col}\n", label.path.display()));
            snippet(&mut out, &text, label.range.clone(), &label.message, '-');
        }
        for note in &d.notes {
            out.push_str(&format!("   = note: {note}\n"));
        }
        if let Some(help) = &d.help {
            out.push_str(&format!("   = help: {help}\n"));
        }
        out.push('\n');
    }
    out
}

fn row_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let row = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (row, col)
}

fn snippet(out: &mut String, text: &str, range: std::ops::Range<usize>, label: &str, mark: char) {
    let (row, col) = row_col(text, range.start);
    let line = text.lines().nth(row - 1).unwrap_or("");
    let line_len = line.chars().count();
    let width = text.get(range.clone()).map_or(1, |s| s.split('\n').next().unwrap_or("").chars().count()).max(1);
    let width = width.min(line_len.saturating_sub(col - 1).max(1));
    out.push_str("   |\n");
    out.push_str(&format!("{row:>3}| {line}\n"));
    out.push_str(&format!(
        "   | {}{} {label}\n",
        " ".repeat(col - 1),
        mark.to_string().repeat(width)
    ));
}
