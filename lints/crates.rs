//! Grouping files into crates, before parsing, from their `mod` declarations.
//!
//! A crate is the set of files reachable from a crate root (`lib.rs`,
//! `main.rs`, or a file no other checked file declares as a module) through
//! `mod` declarations. Crate-wide facts never cross crates.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A `mod name;` declaration found in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModDecl {
    pub name: String,
    /// The value of a `#[path = "..."]` attribute on it.
    pub path_attr: Option<String>,
}

/// Scan source text for out-of-line module declarations (`mod foo;`).
/// Comments and strings are skipped; inline `mod foo { .. }` are not declarations of files.
pub fn scan_mod_decls(text: &str) -> Vec<ModDecl> {
    scan_mod_decls_lexed(text, &crate::source::lex(text))
}

/// [`scan_mod_decls`] with the lexer pass already done.
pub fn scan_mod_decls_lexed(text: &str, lexed: &crate::source::Lexed) -> Vec<ModDecl> {
    if !text.contains("mod") {
        return Vec::new();
    }
    let code = lexed.code_only(text);
    let mut decls = Vec::new();
    let mut pending_path: Option<String> = None;
    let mut start = 0;
    for (end, terminator) in code.match_indices([';', '{', '}']) {
        let stmt_code = &code[start..end];
        let stmt_text = &text[start..end];
        start = end + 1;
        // `code_only` blanks string contents; read the attribute's value from the text.
        if let Some(at) = stmt_code.find("#[path") {
            pending_path = path_attribute(&stmt_text[at..]);
        }
        if terminator != ";" {
            pending_path = None;
            continue;
        }
        // Drop attributes and visibility: `#[cfg(x)] pub(crate) mod foo`.
        let stripped = strip_attributes(stmt_code);
        let words: Vec<&str> = stripped.split_whitespace().collect();
        let is_decl = words.len() >= 2
            && words[words.len() - 2] == "mod"
            && words[..words.len() - 2].iter().all(|w| w.starts_with("pub") || w.starts_with('(') || w.ends_with(')'));
        if is_decl {
            let name = words[words.len() - 1].trim_start_matches("r#");
            if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                decls.push(ModDecl { name: name.to_string(), path_attr: pending_path.take() });
                continue;
            }
        }
        pending_path = None;
    }
    decls
}

fn strip_attributes(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Outer `#[..]` and inner `#![..]` attributes: `#![allow(..)]\nmod a;` declares `a`.
        if depth == 0 && bytes[i] == b'#' && bytes.get(i + 1) == Some(&b'[') {
            depth = 1;
            i += 2;
            continue;
        }
        if depth == 0 && bytes[i] == b'#' && bytes.get(i + 1) == Some(&b'!') && bytes.get(i + 2) == Some(&b'[') {
            depth = 1;
            i += 3;
            continue;
        }
        if depth > 0 {
            match bytes[i] {
                b'[' => depth += 1,
                b']' => depth -= 1,
                _ => {}
            }
            i += 1;
            continue;
        }
        out.push(bytes[i] as char);
        i += 1;
    }
    out
}

/// The string value of a `#[path = "..."]` attribute at the start of `attr`.
fn path_attribute(attr: &str) -> Option<String> {
    let open = attr.find('"')?;
    let close = attr[open + 1..].find('"')? + open + 1;
    Some(attr[open + 1..close].to_string())
}

/// The files `decl` in `file` may refer to, in the order rustc tries them.
pub fn mod_candidates(file: &Path, decl: &ModDecl) -> Vec<PathBuf> {
    let dir = file.parent().unwrap_or(Path::new(""));
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let owns_dir = matches!(stem, "lib" | "main" | "mod" | "build");
    if let Some(path) = &decl.path_attr {
        return vec![dir.join(path)];
    }
    let base = if owns_dir { dir.to_path_buf() } else { dir.join(stem) };
    vec![base.join(format!("{}.rs", decl.name)), base.join(&decl.name).join("mod.rs")]
}

/// Group `files` (each with its `mod` declarations, from [`scan_mod_decls`])
/// into crates: each crate lists indexes into `files`, its root first.
/// Deterministic for a given input order.
pub fn group_into_crates(files: &[(PathBuf, Vec<ModDecl>)]) -> Vec<Vec<usize>> {
    let index: HashMap<PathBuf, usize> =
        files.iter().enumerate().map(|(i, (p, _))| (crate::settings::absolute(p), i)).collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); files.len()];
    let mut has_parent = vec![false; files.len()];
    for (i, (path, decls)) in files.iter().enumerate() {
        let abs = crate::settings::absolute(path);
        for decl in decls {
            if let Some(&child) =
                mod_candidates(&abs, decl).iter().find_map(|c| index.get(&crate::settings::absolute(c)))
            {
                if child != i {
                    children[i].push(child);
                    has_parent[child] = true;
                }
            }
        }
    }
    let is_named_root = |i: usize| files[i].0.file_name().is_some_and(|n| n == "lib.rs" || n == "main.rs");
    let mut roots: Vec<usize> = (0..files.len()).filter(|&i| is_named_root(i)).collect();
    roots.extend((0..files.len()).filter(|&i| !is_named_root(i) && !has_parent[i]));
    let mut assigned = vec![false; files.len()];
    let mut crates = Vec::new();
    let visit = |root: usize, assigned: &mut Vec<bool>| {
        let mut members = Vec::new();
        let mut stack = vec![root];
        let mut seen = HashSet::new();
        while let Some(f) = stack.pop() {
            if assigned[f] || !seen.insert(f) {
                continue;
            }
            assigned[f] = true;
            members.push(f);
            stack.extend(children[f].iter().rev());
        }
        members
    };
    for root in roots {
        if !assigned[root] {
            crates.push(visit(root, &mut assigned));
        }
    }
    // Files only reachable through a cycle: each its own crate.
    for i in 0..files.len() {
        if !assigned[i] {
            crates.push(visit(i, &mut assigned));
        }
    }
    crates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_out_of_line_modules_only() {
        let decls = scan_mod_decls(
            "#![allow(clippy::all)]\n// mod fake;\nmod a;\npub(crate) mod b;\n#[cfg(test)]\nmod tests { mod inner; }\n#[path = \"x/y.rs\"]\nmod c;\nlet s = \"mod no;\";",
        );
        let names: Vec<_> = decls.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "inner", "c"]);
        assert_eq!(decls[3].path_attr.as_deref(), Some("x/y.rs"));
    }

    #[test]
    fn groups_by_reachability() {
        let files: Vec<_> =
            [("/p/src/lib.rs", "mod a;"), ("/p/src/a.rs", "mod b;"), ("/p/src/a/b.rs", ""), ("/p/tests/t.rs", "")]
                .into_iter()
                .map(|(p, text)| (PathBuf::from(p), scan_mod_decls(text)))
                .collect();
        assert_eq!(group_into_crates(&files), vec![vec![0, 1, 2], vec![3]]);
    }
}
