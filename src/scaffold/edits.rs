//! The registration edits: each takes a file's text and returns it with the
//! new module added, changing as little as possible. Comments, order, line
//! endings and the style of neighbouring entries are kept; the new entry is
//! inserted in sorted position; an entry already there is never added again.

/// The result of one edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// The new text.
    Changed(String),
    /// The module is already registered here.
    Present,
    /// The file does not have the shape the edit needs; the reason says why.
    NoAnchor(String),
}

/// The file's lines, each with its own line ending.
struct Lines<'a> {
    lines: Vec<&'a str>,
    eol: &'static str,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
        Lines { lines: text.split_inclusive('\n').collect(), eol }
    }

    fn content(&self, i: usize) -> &'a str {
        self.lines[i].trim_end_matches(['\n', '\r'])
    }

    fn len(&self) -> usize {
        self.lines.len()
    }

    /// The text with `new` lines inserted before line `at` (`at == len` appends).
    fn insert(&self, at: usize, new: &[String]) -> String {
        let mut out = String::new();
        for (i, line) in self.lines.iter().enumerate() {
            if i == at {
                self.push_new(&mut out, new);
            }
            out.push_str(line);
        }
        if at >= self.lines.len() {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push_str(self.eol);
            }
            self.push_new(&mut out, new);
        }
        out
    }

    /// The text with line `i` replaced by `content` (keeping its ending).
    fn replace(&self, i: usize, content: &str) -> String {
        let mut out = String::new();
        for (j, line) in self.lines.iter().enumerate() {
            if j == i {
                out.push_str(content);
                out.push_str(&line[self.content(j).len()..]);
            } else {
                out.push_str(line);
            }
        }
        out
    }

    fn push_new(&self, out: &mut String, new: &[String]) {
        for line in new {
            out.push_str(line);
            out.push_str(self.eol);
        }
    }
}

/// Where a new entry goes among `entries` (line index, sort key, in file
/// order): directly after the last entry that sorts before it, so it joins
/// that entry's group (a comment above the next entry starts the next group);
/// before the first entry when it sorts first.
fn sorted_position(entries: &[(usize, String)], key: &str) -> usize {
    match entries.iter().position(|(_, k)| k.as_str() > key) {
        Some(0) => entries[0].0,
        Some(i) => entries[i - 1].0 + 1,
        None => entries.last().map_or(0, |(i, _)| i + 1),
    }
}

/// The leading whitespace of a line.
fn indent(line: &str) -> &str {
    &line[..line.len() - line.trim_start().len()]
}

// ---------------------------------------------------------------------------
// Root Cargo.toml: `[workspace] members`.

/// Add `member` (`Modules/<name>`) to the workspace's `members`.
pub fn workspace_member(text: &str, member: &str) -> Edit {
    let Ok(table) = text.parse::<toml::Table>() else {
        return Edit::NoAnchor("it is not valid TOML".into());
    };
    let Some(members) = table.get("workspace").and_then(|w| w.get("members")).and_then(|m| m.as_array()) else {
        return Edit::NoAnchor("it has no `[workspace] members` array".into());
    };
    if members.iter().filter_map(|m| m.as_str()).any(|m| glob_matches(m, member)) {
        return Edit::Present;
    }
    let lines = Lines::new(text);
    let Some(start) = members_line(&lines) else {
        return Edit::NoAnchor("its `members` array is not written where `[workspace]` starts".into());
    };
    let first = lines.content(start);
    let open = first.find('[').unwrap_or(0);
    let edited = if first[open..].contains(']') {
        single_line_member(&lines, start, member)
    } else {
        multi_line_member(&lines, start, member)
    };
    match edited {
        Some(new) if verify_member(&new, member) => Edit::Changed(new),
        _ => Edit::NoAnchor("its `members` array is written in a way this edit does not handle".into()),
    }
}

/// Whether a `members` entry (maybe a `dir/*` glob) covers `member`.
fn glob_matches(pattern: &str, member: &str) -> bool {
    let pattern = pattern.trim_end_matches('/');
    match pattern.strip_suffix("/*") {
        Some(prefix) => member.rsplit_once('/').is_some_and(|(dir, _)| dir == prefix),
        None => pattern == member,
    }
}

fn verify_member(text: &str, member: &str) -> bool {
    text.parse::<toml::Table>().ok().is_some_and(|t| {
        t.get("workspace")
            .and_then(|w| w.get("members"))
            .and_then(|m| m.as_array())
            .is_some_and(|m| m.iter().any(|v| v.as_str() == Some(member)))
    })
}

/// The line where `members = [` starts inside `[workspace]`.
fn members_line(lines: &Lines<'_>) -> Option<usize> {
    let mut in_workspace = false;
    for i in 0..lines.len() {
        let t = lines.content(i).trim();
        if t.starts_with('[') && !t.starts_with("[[") && t.contains(']') && !t.contains('=') {
            in_workspace = t.split('#').next().is_some_and(|h| h.trim() == "[workspace]");
        } else if in_workspace && t.split('=').next().is_some_and(|k| k.trim() == "members") && t.contains('[') {
            return Some(i);
        }
    }
    None
}

/// The string literals of a one-line array, with their byte ranges.
fn string_items(line: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut items = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => break,
            quote @ (b'"' | b'\'') => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    i += if bytes[i] == b'\\' && quote == b'"' { 2 } else { 1 };
                }
                // `i` is at the closing quote, or past the end of an unterminated string.
                let close = i.min(bytes.len());
                let end = (close + 1).min(bytes.len());
                items.push((start..end, line[start + 1..close].to_string()));
                i = end;
            }
            _ => i += 1,
        }
    }
    items
}

fn single_line_member(lines: &Lines<'_>, at: usize, member: &str) -> Option<String> {
    let line = lines.content(at);
    let items = string_items(line);
    let new = format!("\"{member}\"");
    let content = match items.iter().find(|(_, s)| s.as_str() > member) {
        Some((range, _)) => format!("{}{new}, {}", &line[..range.start], &line[range.start..]),
        None => match items.last() {
            Some((range, _)) => format!("{}, {new}{}", &line[..range.end], &line[range.end..]),
            None => {
                let open = line.find('[')? + 1;
                format!("{}{new}{}", &line[..open], &line[open..])
            }
        },
    };
    Some(lines.replace(at, &content))
}

fn multi_line_member(lines: &Lines<'_>, start: usize, member: &str) -> Option<String> {
    let mut entries = Vec::new();
    let mut end = None;
    for i in start + 1..lines.len() {
        let t = lines.content(i).trim();
        if t.starts_with(']') {
            end = Some(i);
            break;
        }
        if t.starts_with('"') || t.starts_with('\'') {
            let items = string_items(t);
            if items.len() != 1 || t.contains(']') {
                return None;
            }
            entries.push((i, items[0].1.clone()));
        } else if !t.is_empty() && !t.starts_with('#') {
            return None;
        }
    }
    let end = end?;
    let width = entries.first().map_or("    ", |(i, _)| indent(lines.content(*i)));
    let new_line = format!("{width}\"{member}\",");
    let at = if entries.is_empty() { end } else { sorted_position(&entries, member) };
    // The entry that ends up above the new one needs a trailing comma.
    if let Some(&(last, _)) = entries.last().filter(|(i, _)| *i < at) {
        let content = lines.content(last);
        let items = string_items(content);
        let after = &content[items.first()?.0.end..];
        if !after.trim_start().starts_with(',') {
            let end_of_item = items.first()?.0.end;
            let with_comma = format!("{},{}", &content[..end_of_item], &content[end_of_item..]);
            let text = lines.replace(last, &with_comma);
            return Some(Lines::new(&text).insert(at, &[new_line]));
        }
    }
    Some(lines.insert(at, &[new_line]))
}

// ---------------------------------------------------------------------------
// Modules/Setup.stdlib.in: the `# Rust modules` block.

/// `@MODULE_<NAME>_TRUE@<name> <name>/Cargo.toml <name>/src/lib.rs lib<name>.a`.
pub fn setup_line(name: &str) -> String {
    format!("@MODULE_{}_TRUE@{name} {name}/Cargo.toml {name}/src/lib.rs lib{name}.a", name.to_ascii_uppercase())
}

/// Add the module's line to the `# Rust modules` block, creating the block at the end if there is none.
pub fn setup_stdlib(text: &str, name: &str) -> Edit {
    let lines = Lines::new(text);
    if (0..lines.len()).any(|i| super::names::setup_module_name(lines.content(i)) == Some(name)) {
        return Edit::Present;
    }
    let new = setup_line(name);
    let header = (0..lines.len()).find(|&i| {
        let t = lines.content(i).trim();
        t.starts_with('#') && t.trim_start_matches('#').trim().to_ascii_lowercase().starts_with("rust modules")
    });
    let Some(header) = header else {
        let mut block = vec![String::new(), "#".repeat(76), "# Rust modules".into(), "#".into(), new];
        if text.is_empty() || text.ends_with("\n\n") || text.ends_with("\r\n\r\n") {
            block.remove(0);
        }
        return Edit::Changed(lines.insert(lines.len(), &block));
    };
    let mut entries = Vec::new();
    let mut last_comment = header;
    for i in header + 1..lines.len() {
        let t = lines.content(i).trim();
        if t.is_empty() || t.starts_with("####") {
            break;
        }
        match super::names::setup_module_name(t) {
            Some(module) => entries.push((i, module.to_string())),
            None if t.starts_with('#') && entries.is_empty() => last_comment = i,
            None => {}
        }
    }
    let at = if entries.is_empty() { last_comment + 1 } else { sorted_position(&entries, name) };
    Edit::Changed(lines.insert(at, &[new]))
}

// ---------------------------------------------------------------------------
// configure.ac: `PY_STDLIB_MOD`.

/// `PY_STDLIB_MOD([<name>], [test "$HAVE_CARGO" = yes], [test "$HAVE_CARGO" = yes], [], [])`.
pub fn configure_line(name: &str) -> String {
    format!("PY_STDLIB_MOD([{name}], [test \"$HAVE_CARGO\" = yes], [test \"$HAVE_CARGO\" = yes], [], [])")
}

fn configured_module(line: &str) -> Option<&str> {
    let rest = line.trim_start();
    let rest = rest.strip_prefix("PY_STDLIB_MOD_SIMPLE([").or_else(|| rest.strip_prefix("PY_STDLIB_MOD(["))?;
    rest.split_once(']').map(|(n, _)| n)
}

/// Add the module's check next to the other Rust modules' checks, or before
/// the `MODULE_BLOCK` substitution that must follow every check.
pub fn configure_ac(text: &str, name: &str) -> Edit {
    let lines = Lines::new(text);
    if (0..lines.len()).any(|i| configured_module(lines.content(i)) == Some(name)) {
        return Edit::Present;
    }
    let new = configure_line(name);
    let cargo: Vec<(usize, String)> = (0..lines.len())
        .filter(|&i| lines.content(i).contains("HAVE_CARGO"))
        .filter_map(|i| configured_module(lines.content(i)).map(|m| (i, m.to_string())))
        .collect();
    if let Some(&(first, _)) = cargo.first() {
        // The contiguous run of Rust checks that starts at the first one.
        let run: Vec<(usize, String)> =
            cargo.iter().enumerate().take_while(|(k, (i, _))| *i == first + k).map(|(_, e)| e.clone()).collect();
        let at = sorted_position(&run, name);
        return Edit::Changed(lines.insert(at, &[new]));
    }
    let anchor = (0..lines.len()).find(|&i| {
        let t = lines.content(i).trim();
        t.starts_with('#') && t.contains("after last PY_STDLIB_MOD")
    });
    let anchor = anchor.or_else(|| (0..lines.len()).find(|&i| lines.content(i).contains("AC_SUBST([MODULE_BLOCK])")));
    match anchor {
        Some(at) => Edit::Changed(lines.insert(at, &["dnl Rust modules".into(), new, String::new()])),
        None => Edit::NoAnchor("it has no Rust module checks and no `AC_SUBST([MODULE_BLOCK])`".into()),
    }
}

// ---------------------------------------------------------------------------
// Modules/cpython-rust-staticlib: Cargo.toml dependency and src/lib.rs re-export.

/// Add `<name> = { path = "../<name>" }` to `[dependencies]`.
pub fn staticlib_dependency(text: &str, name: &str) -> Edit {
    let Ok(table) = text.parse::<toml::Table>() else {
        return Edit::NoAnchor("it is not valid TOML".into());
    };
    if table.get("dependencies").and_then(|d| d.get(name)).is_some() {
        return Edit::Present;
    }
    let lines = Lines::new(text);
    let new = format!("{name} = {{ path = \"../{name}\" }}");
    let header = (0..lines.len()).find(|&i| lines.content(i).trim() == "[dependencies]");
    let Some(header) = header else {
        let mut block = vec![String::new(), "[dependencies]".into(), new];
        if text.ends_with("\n\n") || text.is_empty() {
            block.remove(0);
        }
        return Edit::Changed(lines.insert(lines.len(), &block));
    };
    let mut entries = Vec::new();
    for i in header + 1..lines.len() {
        let t = lines.content(i).trim();
        if t.starts_with('[') {
            break;
        }
        if let Some((key, _)) = t.split_once('=').filter(|_| !t.starts_with('#')) {
            entries.push((i, key.trim().trim_matches('"').to_string()));
        }
    }
    let at = if entries.is_empty() { header + 1 } else { sorted_position(&entries, name) };
    let edited = lines.insert(at, &[new]);
    let ok =
        edited.parse::<toml::Table>().ok().is_some_and(|t| t.get("dependencies").and_then(|d| d.get(name)).is_some());
    if ok {
        Edit::Changed(edited)
    } else {
        Edit::NoAnchor("its `[dependencies]` table is written in a way this edit does not handle".into())
    }
}

/// `pub use <name>::<entry> as <name>_<alias>;`: aliased, so entry points of
/// two modules can never collide in the static library crate.
pub fn staticlib_export_line(name: &str, entry: &str) -> String {
    let alias = if entry.starts_with("PyModExport") { "export" } else { "init" };
    format!("pub use {name}::{entry} as {name}_{alias};")
}

fn reexported_crate(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("pub use ")?.trim_start_matches("::");
    rest.split_once("::").map(|(krate, _)| krate)
}

/// Add the re-export of the module's entry point among the others.
pub fn staticlib_export(text: &str, name: &str, entry: &str) -> Edit {
    let lines = Lines::new(text);
    let entries: Vec<(usize, String)> =
        (0..lines.len()).filter_map(|i| reexported_crate(lines.content(i)).map(|k| (i, k.to_string()))).collect();
    if entries.iter().any(|(_, k)| k == name) {
        return Edit::Present;
    }
    let new = staticlib_export_line(name, entry);
    if entries.is_empty() {
        let blank = !text.is_empty() && !text.ends_with("\n\n");
        let block = if blank { vec![String::new(), new] } else { vec![new] };
        return Edit::Changed(lines.insert(lines.len(), &block));
    }
    Edit::Changed(lines.insert(sorted_position(&entries, name), &[new]))
}

// ---------------------------------------------------------------------------
// PCbuild/pcbuild.proj and PCbuild/readme.txt.

/// Add the module to the `<ExtensionModules Include="...">` list that holds
/// the other Rust modules (`rust_modules`).
pub fn pcbuild_proj(text: &str, name: &str, rust_modules: &[String]) -> Edit {
    let lines = Lines::new(text);
    let lists: Vec<(usize, std::ops::Range<usize>, Vec<&str>)> = (0..lines.len())
        .filter(|&i| lines.content(i).trim_start().starts_with("<ExtensionModules "))
        .filter_map(|i| {
            let line = lines.content(i);
            let start = line.find("Include=\"")? + "Include=\"".len();
            let end = start + line[start..].find('"')?;
            Some((i, start..end, line[start..end].split(';').filter(|s| !s.is_empty()).collect()))
        })
        .collect();
    if lists.iter().any(|(_, _, items)| items.contains(&name)) {
        return Edit::Present;
    }
    let Some((i, range, items)) =
        lists.iter().find(|(_, _, items)| items.iter().any(|m| rust_modules.iter().any(|r| r == m)))
    else {
        return Edit::NoAnchor("no `<ExtensionModules>` list names an existing Rust module".into());
    };
    let list = insert_item(items, name).join(";");
    let line = lines.content(*i);
    Edit::Changed(lines.replace(*i, &format!("{}{list}{}", &line[..range.start], &line[range.end..])))
}

/// Add the module to the readme's list of projects that holds the other Rust modules.
pub fn pcbuild_readme(text: &str, name: &str, rust_modules: &[String]) -> Edit {
    let lines = Lines::new(text);
    let is_item = |i: usize| {
        let t = lines.content(i);
        !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if (0..lines.len()).any(|i| lines.content(i) == name) {
        return Edit::Present;
    }
    let Some(anchor) = (0..lines.len()).find(|&i| rust_modules.iter().any(|m| m == lines.content(i))) else {
        return Edit::NoAnchor("it lists no existing Rust module".into());
    };
    let mut first = anchor;
    while first > 0 && is_item(first - 1) {
        first -= 1;
    }
    let mut last = anchor;
    while last + 1 < lines.len() && is_item(last + 1) {
        last += 1;
    }
    let items: Vec<&str> = (first..=last).map(|i| lines.content(i)).collect();
    let position = insert_item(&items, name).iter().position(|s| *s == name).unwrap_or(items.len());
    Edit::Changed(lines.insert(first + position, &[name.to_string()]))
}

/// `items` with `name` added: in sorted position when they are sorted, else at the end.
fn insert_item<'a>(items: &[&'a str], name: &'a str) -> Vec<&'a str> {
    let mut out = items.to_vec();
    let sorted = items.windows(2).all(|w| w[0] <= w[1]);
    let at = if sorted { items.iter().position(|m| *m > name).unwrap_or(items.len()) } else { items.len() };
    out.insert(at, name);
    out
}

// ---------------------------------------------------------------------------
// Lib/<module>.py: the guarded import with its fallback.

/// Add `block` (a pure-Python fallback and `try: from <name> import ...
/// except ImportError`) before the `if __name__ == '__main__':` block, or at the end.
pub fn guarded_import(text: &str, name: &str, block: &str) -> Edit {
    let lines = Lines::new(text);
    let imports = |i: usize| {
        let t = lines.content(i).trim_start();
        t.starts_with(&format!("from {name} import")) || t == format!("import {name}")
    };
    if (0..lines.len()).any(imports) {
        return Edit::Present;
    }
    let mut new: Vec<String> = block.lines().map(str::to_string).collect();
    match (0..lines.len()).find(|&i| lines.content(i).starts_with("if __name__ ==")) {
        Some(at) => {
            new.extend([String::new(), String::new()]);
            Edit::Changed(lines.insert(at, &new))
        }
        None => {
            let trailing_blank = text.ends_with("\n\n");
            let mut spaced = vec![String::new(); if trailing_blank { 1 } else { 2 }];
            spaced.extend(new);
            Edit::Changed(lines.insert(lines.len(), &spaced))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed(edit: Edit) -> String {
        match edit {
            Edit::Changed(text) => text,
            other => panic!("expected a change, got {other:?}"),
        }
    }

    #[test]
    fn members_insert_sorted_keeping_comments_with_their_entry() {
        let text = "[workspace]\nmembers = [\n    # Modules.\n    \"Modules/_base64\",\n    # Support.\n    \"Modules/cpython-sys\",\n]\n";
        let out = changed(workspace_member(text, "Modules/_fastjson"));
        assert_eq!(
            out,
            "[workspace]\nmembers = [\n    # Modules.\n    \"Modules/_base64\",\n    \"Modules/_fastjson\",\n    # Support.\n    \"Modules/cpython-sys\",\n]\n"
        );
        assert_eq!(workspace_member(&out, "Modules/_fastjson"), Edit::Present);
    }

    #[test]
    fn members_first_and_last_positions() {
        let text = "[workspace]\nmembers = [\n  \"Modules/b\",\n  \"Modules/d\"\n]\n";
        assert_eq!(
            changed(workspace_member(text, "Modules/a")),
            "[workspace]\nmembers = [\n  \"Modules/a\",\n  \"Modules/b\",\n  \"Modules/d\"\n]\n"
        );
        assert_eq!(
            changed(workspace_member(text, "Modules/e")),
            "[workspace]\nmembers = [\n  \"Modules/b\",\n  \"Modules/d\",\n  \"Modules/e\",\n]\n"
        );
    }

    #[test]
    fn members_on_one_line_stay_on_one_line() {
        let text = "[workspace]\nmembers = [\"Modules/a\", \"Modules/c\"] # all\n";
        assert_eq!(
            changed(workspace_member(text, "Modules/b")),
            "[workspace]\nmembers = [\"Modules/a\", \"Modules/b\", \"Modules/c\"] # all\n"
        );
        assert_eq!(
            changed(workspace_member(text, "Modules/d")),
            "[workspace]\nmembers = [\"Modules/a\", \"Modules/c\", \"Modules/d\"] # all\n"
        );
    }

    #[test]
    fn members_covered_by_a_glob_are_present() {
        let text = "[workspace]\nmembers = [\"Modules/*\"]\n";
        assert_eq!(workspace_member(text, "Modules/_x"), Edit::Present);
    }

    #[test]
    fn members_keep_crlf_line_endings() {
        let text = "[workspace]\r\nmembers = [\r\n    \"Modules/a\",\r\n]\r\n";
        assert_eq!(
            changed(workspace_member(text, "Modules/b")),
            "[workspace]\r\nmembers = [\r\n    \"Modules/a\",\r\n    \"Modules/b\",\r\n]\r\n"
        );
    }

    #[test]
    fn no_workspace_is_no_anchor() {
        assert!(matches!(workspace_member("[package]\nname = \"x\"\n", "Modules/a"), Edit::NoAnchor(_)));
    }

    #[test]
    fn setup_block_is_created_when_missing() {
        let out = changed(setup_stdlib("*shared*\n", "_x"));
        assert!(
            out.ends_with("\n# Rust modules\n#\n@MODULE__X_TRUE@_x _x/Cargo.toml _x/src/lib.rs lib_x.a\n"),
            "{out}"
        );
    }

    #[test]
    fn configure_inserts_before_module_block_without_rust_checks() {
        let text = "PY_STDLIB_MOD_SIMPLE([array])\n\n# substitute multiline block, must come after last PY_STDLIB_MOD()\nAC_SUBST([MODULE_BLOCK])\n";
        let out = changed(configure_ac(text, "_x"));
        assert!(out.contains("dnl Rust modules\nPY_STDLIB_MOD([_x], [test \"$HAVE_CARGO\" = yes], [test \"$HAVE_CARGO\" = yes], [], [])\n\n# substitute"), "{out}");
        assert_eq!(configure_ac(&out, "_x"), Edit::Present);
    }

    #[test]
    fn unsorted_lists_get_the_name_at_the_end() {
        assert_eq!(insert_item(&["b", "a"], "c"), ["b", "a", "c"]);
        assert_eq!(insert_item(&["a", "c"], "b"), ["a", "b", "c"]);
    }

    #[test]
    fn guarded_import_goes_before_the_main_block() {
        let text = "def f():\n    pass\n\n\nif __name__ == '__main__':\n    f()\n";
        let out = changed(guarded_import(text, "_x", "try:\n    from _x import f\nexcept ImportError:\n    pass\n"));
        assert_eq!(
            out,
            "def f():\n    pass\n\n\ntry:\n    from _x import f\nexcept ImportError:\n    pass\n\n\nif __name__ == '__main__':\n    f()\n"
        );
        assert_eq!(guarded_import(&out, "_x", ""), Edit::Present);
    }

    #[test]
    fn setup_lines_go_in_sorted_position_in_the_rust_block() {
        let text = "# C\n@MODULE_MATH_TRUE@math mathmodule.c\n\n# Rust modules\n#\n@MODULE__A_TRUE@_a _a/Cargo.toml _a/src/lib.rs lib_a.a\n@MODULE__C_TRUE@_c _c/Cargo.toml _c/src/lib.rs lib_c.a\n\n# Test\n";
        let out = changed(setup_stdlib(text, "_b"));
        assert!(
            out.contains("lib_a.a\n@MODULE__B_TRUE@_b _b/Cargo.toml _b/src/lib.rs lib_b.a\n@MODULE__C_TRUE@"),
            "{out}"
        );
        assert_eq!(setup_stdlib(&out, "_b"), Edit::Present);
        assert_eq!(setup_stdlib(text, "math"), Edit::Present);
    }

    #[test]
    fn configure_checks_insert_sorted_among_the_rust_ones() {
        let text =
            format!("dnl Rust modules\n{}\n{}\n\ndnl test modules\n", configure_line("_a"), configure_line("_c"));
        let out = changed(configure_ac(&text, "_b"));
        assert_eq!(
            out,
            format!(
                "dnl Rust modules\n{}\n{}\n{}\n\ndnl test modules\n",
                configure_line("_a"),
                configure_line("_b"),
                configure_line("_c")
            )
        );
    }

    #[test]
    fn staticlib_dependency_and_export_are_added_once() {
        let toml = "[package]\nname = \"s\"\n\n[dependencies]\n_b = { path = \"../_b\" }\n\n[features]\n";
        let out = changed(staticlib_dependency(toml, "_a"));
        assert_eq!(out, "[package]\nname = \"s\"\n\n[dependencies]\n_a = { path = \"../_a\" }\n_b = { path = \"../_b\" }\n\n[features]\n");
        assert_eq!(staticlib_dependency(&out, "_a"), Edit::Present);
        let no_table = changed(staticlib_dependency("[package]\nname = \"s\"\n", "_a"));
        assert_eq!(no_table, "[package]\nname = \"s\"\n\n[dependencies]\n_a = { path = \"../_a\" }\n");

        let lib = "//! Docs.\n\npub use _b::PyInit__b as _b_init;\n";
        let out = changed(staticlib_export(lib, "_c", "PyModExport__c"));
        assert_eq!(out, "//! Docs.\n\npub use _b::PyInit__b as _b_init;\npub use _c::PyModExport__c as _c_export;\n");
        assert_eq!(staticlib_export(&out, "_c", "PyModExport__c"), Edit::Present);
        assert_eq!(
            changed(staticlib_export("//! Docs.\n", "_a", "PyInit__a")),
            "//! Docs.\n\npub use _a::PyInit__a as _a_init;\n"
        );
    }

    #[test]
    fn pcbuild_lists_take_the_module_where_the_rust_modules_are() {
        let proj = "  <ExtensionModules Include=\"_c;_a\" />\n  <ExtensionModules Include=\"_base64;_zz\" />\n";
        let rust = vec!["_base64".to_string()];
        assert_eq!(
            changed(pcbuild_proj(proj, "_fast", &rust)),
            "  <ExtensionModules Include=\"_c;_a\" />\n  <ExtensionModules Include=\"_base64;_fast;_zz\" />\n"
        );
        assert_eq!(pcbuild_proj(proj, "_zz", &rust), Edit::Present);
        assert!(matches!(pcbuild_proj(proj, "_fast", &[]), Edit::NoAnchor(_)));

        let readme = "Rust:\n_base64\n_zz\n\nOther:\n_bz2\n";
        assert_eq!(changed(pcbuild_readme(readme, "_fast", &rust)), "Rust:\n_base64\n_fast\n_zz\n\nOther:\n_bz2\n");
        assert_eq!(pcbuild_readme(readme, "_bz2", &rust), Edit::Present);
        assert!(matches!(pcbuild_readme(readme, "_fast", &[]), Edit::NoAnchor(_)));
    }

    #[test]
    fn guarded_import_is_appended_without_a_main_block() {
        let out = changed(guarded_import("x = 1\n", "_x", "try:\n    import _x\nexcept ImportError:\n    pass\n"));
        assert_eq!(out, "x = 1\n\n\ntry:\n    import _x\nexcept ImportError:\n    pass\n");
    }
}
