//! A small, indentation-aware scan of Python source: which top-level modules
//! a file imports, and whether each import sits in the body of a `try:`
//! whose handlers catch `ImportError`.
//!
//! Not a parser: strings and comments are blanked, bracketed and
//! backslash-continued lines are joined into logical lines, and blocks are
//! found by indentation, which is all an import guard needs.

use std::ops::Range;

/// One logical line: its indentation, its code (strings blanked) and where it is.
#[derive(Debug, Clone)]
struct Line {
    indent: usize,
    code: String,
    range: Range<usize>,
}

/// An `import x` / `from x import y` statement of a module in the set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    pub module: String,
    /// The statement's range in the file (its first physical line).
    pub range: Range<usize>,
    /// Inside the body of a `try:` that catches `ImportError`.
    pub guarded: bool,
}

/// The imports of any module in `modules`, with whether each is guarded.
pub fn imports_of(text: &str, modules: &[&str]) -> Vec<Import> {
    let lines = logical_lines(text);
    let mut found = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        for module in imported_modules(&line.code) {
            if modules.contains(&module.as_str()) {
                found.push(Import { module, range: line.range.clone(), guarded: guarded(&lines, index) });
            }
        }
    }
    found
}

/// The top-level module names a statement imports (`import a.b, c` -> a, c; `from a.b import c` -> a).
fn imported_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for statement in code.split(';') {
        let s = statement.trim();
        if let Some(rest) = s.strip_prefix("import ") {
            for part in rest.split(',') {
                let first = part.trim().split(|c: char| c == '.' || c.is_whitespace()).next().unwrap_or_default();
                if is_identifier(first) {
                    out.push(first.to_string());
                }
            }
        } else if let Some(rest) = s.strip_prefix("from ") {
            let module = rest.trim_start();
            if module.starts_with('.') {
                continue;
            }
            let Some((path, _)) = module.split_once(" import") else { continue };
            let first = path.trim().split('.').next().unwrap_or_default();
            if is_identifier(first) {
                out.push(first.to_string());
            }
        }
    }
    out
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty() && !s.starts_with(|c: char| c.is_ascii_digit()) && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// The first word of a logical line (`try`, `except`, `def`, ...).
fn keyword(code: &str) -> &str {
    let t = code.trim_start();
    let end = t.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(t.len());
    &t[..end]
}

/// Whether the import on line `index` is guarded: walk out through the
/// blocks that enclose it; a `def` body runs later, so it stops the walk.
fn guarded(lines: &[Line], index: usize) -> bool {
    let mut threshold = lines[index].indent;
    let mut i = index;
    while i > 0 && threshold > 0 {
        i -= 1;
        let line = &lines[i];
        if line.indent >= threshold {
            continue;
        }
        threshold = line.indent;
        match keyword(&line.code) {
            "def" | "lambda" => return false,
            "async" if line.code.trim_start()[5..].trim_start().starts_with("def") => return false,
            "try" if handlers_catch_import_error(lines, i) => return true,
            _ => {}
        }
    }
    false
}

/// Whether the `try:` on line `at` has a handler that catches `ImportError`.
fn handlers_catch_import_error(lines: &[Line], at: usize) -> bool {
    let indent = lines[at].indent;
    for line in &lines[at + 1..] {
        if line.indent > indent {
            continue;
        }
        if line.indent < indent {
            return false;
        }
        match keyword(&line.code) {
            "except" => {
                if catches_import_error(&line.code) {
                    return true;
                }
            }
            "else" | "finally" => {}
            _ => return false,
        }
    }
    false
}

/// `except:`, `except ImportError:`, `except (OSError, ImportError) as e:`, `except* Exception:`.
fn catches_import_error(code: &str) -> bool {
    let rest = code.trim_start().trim_start_matches("except").trim_start_matches('*');
    let clause = rest.split(':').next().unwrap_or_default();
    let clause = clause.split(" as ").next().unwrap_or_default();
    if clause.trim().is_empty() {
        return true;
    }
    clause
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .map(|name| name.rsplit('.').next().unwrap_or(name))
        .any(|name| matches!(name, "ImportError" | "ModuleNotFoundError" | "Exception" | "BaseException"))
}

/// Split source into logical lines. A compound statement with its body on the
/// same line (`try: import x`) becomes a header and a body one level deeper.
fn logical_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut code = String::new();
    let mut start: Option<usize> = None;
    let mut first_line_end = 0;
    let mut indent = 0;
    let mut depth = 0usize;
    let mut at_line_start = true;
    let mut column = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if at_line_start {
            match b {
                b' ' => {
                    column += 1;
                    i += 1;
                    continue;
                }
                b'\t' => {
                    column = (column / 8 + 1) * 8;
                    i += 1;
                    continue;
                }
                b'\r' | b'\x0c' => {
                    i += 1;
                    continue;
                }
                _ => at_line_start = false,
            }
        }
        match b {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\\' if bytes.get(i + 1) == Some(&b'\n') => {
                code.push(' ');
                i += 2;
                continue;
            }
            b'\n' => {
                if start.is_some() && first_line_end == 0 {
                    first_line_end = i;
                }
                if depth == 0 {
                    if let Some(s) = start.take() {
                        push_line(&mut lines, indent, std::mem::take(&mut code), s..first_line_end);
                    }
                    first_line_end = 0;
                    at_line_start = true;
                    column = 0;
                } else {
                    code.push(' ');
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        if start.is_none() {
            start = Some(i);
            indent = column;
        }
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'\'' | b'"' => {
                let end = skip_string(bytes, i);
                if first_line_end == 0 {
                    if let Some(nl) = text[i..end].find('\n') {
                        first_line_end = i + nl;
                    }
                }
                code.push_str("\"\"");
                i = end;
                continue;
            }
            _ => {}
        }
        code.push(b as char);
        i += 1;
    }
    if let Some(s) = start {
        let end = if first_line_end == 0 { text.len() } else { first_line_end };
        push_line(&mut lines, indent, code, s..end);
    }
    lines
}

fn push_line(lines: &mut Vec<Line>, indent: usize, code: String, range: Range<usize>) {
    const COMPOUND: &[&str] =
        &["try", "except", "else", "finally", "if", "elif", "for", "while", "with", "class", "def", "async"];
    if COMPOUND.contains(&keyword(&code)) {
        if let Some(colon) = header_colon(&code) {
            let body = code[colon + 1..].trim();
            if !body.is_empty() {
                let body = body.to_string();
                let head = code[..=colon].to_string();
                lines.push(Line { indent, code: head, range: range.clone() });
                lines.push(Line { indent: indent + 1, code: body, range });
                return;
            }
        }
    }
    lines.push(Line { indent, code, range });
}

/// The colon that ends a compound statement's header, outside brackets.
fn header_colon(code: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in code.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            ':' if depth == 0 => {
                // `lambda x: ...` inside a header is rare enough to ignore.
                return Some(i);
            }
            _ => {}
        }
    }
    None
}

/// The end of the string literal starting with the quote at `at`.
fn skip_string(bytes: &[u8], at: usize) -> usize {
    let quote = bytes[at];
    let triple = bytes.get(at + 1) == Some(&quote) && bytes.get(at + 2) == Some(&quote);
    let mut i = at + if triple { 3 } else { 1 };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\\' {
            i += 2;
            continue;
        }
        if b == quote {
            if !triple {
                return i + 1;
            }
            if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                return i + 3;
            }
        } else if b == b'\n' && !triple {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<(String, bool)> {
        imports_of(text, &["_base64", "_x"]).into_iter().map(|i| (i.module, i.guarded)).collect()
    }

    #[test]
    fn guarded_and_unguarded() {
        let text = "\
\"\"\"Doc.

import _base64
\"\"\"
import os, _x
try:
    from _base64 import b64encode
except ImportError:
    b64encode = None

try:
    if True:
        import _x
except (OSError, ModuleNotFoundError) as e:
    pass

try:
    import _base64
except ValueError:
    pass

def f():
    try:
        import _x
    except Exception:
        pass
    import _base64

try:
    def g():
        import _x
except ImportError:
    pass
try: import _base64
except: pass
from . import _x
s = 'import _x'
";
        assert_eq!(
            scan(text),
            vec![
                ("_x".into(), false),
                ("_base64".into(), true),
                ("_x".into(), true),
                ("_base64".into(), false),
                ("_x".into(), true),
                ("_base64".into(), false),
                ("_x".into(), false),
                ("_base64".into(), true),
            ]
        );
    }

    #[test]
    fn bracketed_imports_and_continuations() {
        let text = "from _base64 import (\n    a,\n    b,\n)\nimport os, \\\n    _x\n";
        let found = imports_of(text, &["_base64", "_x"]);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].range.clone()], "from _base64 import (");
        assert!(!found[1].guarded);
    }

    #[test]
    fn import_in_except_body_is_not_guarded_by_its_try() {
        let text = "try:\n    import fast\nexcept ImportError:\n    import _x\n";
        assert_eq!(scan(text), vec![("_x".into(), false)]);
    }
}
