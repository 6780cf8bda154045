//! The registration edits: each takes a file's text and returns it with the
//! new module added, changing as little as possible. Comments, order, line
//! endings and the style of neighbouring entries are kept; the new entry is
//! inserted in sorted position; an entry already there is never added again.

use cpython_rs_lints::buildfiles::{self, configure_ac, pcbuild, setup};

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

// ---------------------------------------------------------------------------
// Root Cargo.toml: `[workspace] members`.

/// Add `member` (`Modules/<name>`) to the workspace's `members`, with
/// `toml_edit` (what `cargo add` uses): any valid array is understood, and
/// everything else in the file is kept byte for byte.
pub fn workspace_member(text: &str, member: &str) -> Edit {
    let Ok(mut doc) = text.parse::<toml_edit::DocumentMut>() else {
        return Edit::NoAnchor("it is not valid TOML".into());
    };
    let Some(members) = doc.get_mut("workspace").and_then(|w| w.get_mut("members")).and_then(|m| m.as_array_mut())
    else {
        return Edit::NoAnchor("it has no `[workspace] members` array".into());
    };
    if members.iter().filter_map(|m| m.as_str()).any(|m| glob_matches(m, member)) {
        return Edit::Present;
    }
    let multiline =
        members.iter().any(|v| v.decor().prefix().and_then(|p| p.as_str()).is_some_and(|p| p.contains('\n')));
    let at = members.iter().position(|v| v.as_str().is_some_and(|s| s > member)).unwrap_or(members.len());
    // The new item takes the indentation of its neighbours; a comment above
    // the item it goes before stays there, unless it heads the whole list.
    let neighbour = members.get(at).or_else(|| members.get(at.wrapping_sub(1)));
    let indent = neighbour.and_then(|v| v.decor().prefix()).and_then(|p| p.as_str()).map_or_else(
        || if multiline { "\n    ".to_string() } else { String::new() },
        |p| match p.rfind('\n') {
            Some(nl) => p[nl..].to_string(),
            None => " ".to_string(),
        },
    );
    if multiline && at == members.len() && !members.trailing_comma() {
        // `"last"\n]`: the line break is the last item's suffix; move it past the comma to come.
        if let Some(last) = members.iter_mut().last() {
            let suffix = last.decor().suffix().and_then(|s| s.as_str()).unwrap_or_default().to_string();
            last.decor_mut().set_suffix("");
            let trailing = members.trailing().as_str().unwrap_or_default().to_string();
            members.set_trailing(format!("{suffix}{trailing}"));
        }
        members.set_trailing_comma(true);
    }
    let mut value = toml_edit::Value::from(member);
    if at == 0 && !members.is_empty() {
        let first = members.get_mut(0).expect("not empty");
        let prefix = first.decor().prefix().and_then(|p| p.as_str()).unwrap_or_default().to_string();
        first.decor_mut().set_prefix(if multiline { indent.clone() } else { " ".to_string() });
        value.decor_mut().set_prefix(prefix);
    } else {
        value.decor_mut().set_prefix(if members.is_empty() && !multiline { String::new() } else { indent });
    }
    value.decor_mut().set_suffix("");
    members.insert_formatted(at, value);
    let edited = keep_line_endings(text, doc.to_string());
    if verify_member(&edited, member) {
        Edit::Changed(edited)
    } else {
        Edit::NoAnchor("its `members` array is written in a way this edit does not handle".into())
    }
}

/// `edited` with the line endings of `original` (toml_edit writes `\n`).
fn keep_line_endings(original: &str, edited: String) -> String {
    if original.contains("\r\n") {
        edited.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        edited
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

// ---------------------------------------------------------------------------
// Modules/Setup.stdlib.in: the `# Rust modules` block.

/// `@MODULE_<NAME>_TRUE@<name> <name>/Cargo.toml <name>/src/lib.rs lib<name>.a`.
pub fn setup_line(name: &str) -> String {
    setup::rust_entry(name)
}

/// Add the module's line to the `# Rust modules` block, creating the block at the end if there is none.
pub fn setup_stdlib(text: &str, name: &str) -> Edit {
    let entries = setup::entries(text);
    if entries.iter().any(|e| e.name == name) {
        return Edit::Present;
    }
    let lines = Lines::new(text);
    let new = setup_line(name);
    let rust: Vec<(usize, String)> =
        entries.iter().filter(|e| e.is_rust()).map(|e| (e.lines.start, e.name.clone())).collect();
    if !rust.is_empty() {
        // After the last Rust entry that sorts before it (past its continuation lines), else before the first.
        let at = match entries.iter().rfind(|e| e.is_rust() && e.name.as_str() < name) {
            Some(before) => before.lines.end,
            None => rust[0].0,
        };
        return Edit::Changed(lines.insert(at, &[new]));
    }
    let Some(header) = setup::rust_block_header(text) else {
        let mut block = vec![String::new(), "#".repeat(76), "# Rust modules".into(), "#".into(), new];
        if text.is_empty() || text.ends_with("\n\n") || text.ends_with("\r\n\r\n") {
            block.remove(0);
        }
        return Edit::Changed(lines.insert(lines.len(), &block));
    };
    // Below the header and the comment lines that follow it.
    let mut at = header + 1;
    while at < lines.len() && lines.content(at).trim_start().starts_with('#') && !lines.content(at).contains("####") {
        at += 1;
    }
    Edit::Changed(lines.insert(at, &[new]))
}

// ---------------------------------------------------------------------------
// configure.ac: `PY_STDLIB_MOD`.

/// The check for a Rust module, on one line (for a message).
pub fn configure_line(name: &str) -> String {
    configure_ac::rust_module_call(name, false)
}

/// Add the module's check next to the other Rust modules' checks, laid out as
/// they are, or before the `MODULE_BLOCK` substitution that must follow every check.
pub fn configure_ac(text: &str, name: &str) -> Edit {
    let mods = configure_ac::stdlib_mods(text);
    if mods.iter().any(|m| m.name == name) {
        return Edit::Present;
    }
    let lines = Lines::new(text);
    let rust: Vec<&configure_ac::StdlibMod> = mods.iter().filter(|m| m.needs_cargo()).collect();
    if let Some(first) = rust.first() {
        let call = configure_ac::rust_module_call(name, first.is_multiline(text));
        let new: Vec<String> = call.lines().map(str::to_string).collect();
        let at = match rust.iter().rfind(|m| m.name.as_str() < name) {
            Some(before) => {
                let end = before.range.end;
                let rest = text[end..].split('\n').next().unwrap_or_default().trim();
                if !(rest.is_empty() || rest.starts_with("dnl") || rest.starts_with('#')) {
                    return Edit::NoAnchor(format!(
                        "the check for `{}` is followed by more code on its line",
                        before.name
                    ));
                }
                buildfiles::line_of(text, end) + 1
            }
            None => {
                let start = first.range.start;
                let line = buildfiles::line_of(text, start);
                if !text[..start].rsplit('\n').next().unwrap_or_default().trim().is_empty() {
                    return Edit::NoAnchor(format!("the check for `{}` does not start its line", first.name));
                }
                line
            }
        };
        return Edit::Changed(lines.insert(at, &new));
    }
    let anchor = (0..lines.len()).find(|&i| {
        let t = lines.content(i).trim();
        t.starts_with('#') && t.contains("after last PY_STDLIB_MOD")
    });
    let anchor = anchor.or_else(|| (0..lines.len()).find(|&i| lines.content(i).contains("AC_SUBST([MODULE_BLOCK])")));
    match anchor {
        Some(at) => {
            let mut new = vec!["dnl Rust modules".to_string()];
            new.extend(configure_ac::rust_module_call(name, true).lines().map(str::to_string));
            new.push(String::new());
            Edit::Changed(lines.insert(at, &new))
        }
        None => Edit::NoAnchor("it has no Rust module checks and no `AC_SUBST([MODULE_BLOCK])`".into()),
    }
}

// ---------------------------------------------------------------------------
// Modules/cpython-rust-staticlib: Cargo.toml dependency and src/lib.rs re-export.

/// Add `<name> = { path = "../<name>" }` to `[dependencies]` in sorted
/// position, with `toml_edit`: comments and the other entries are kept as written.
pub fn staticlib_dependency(text: &str, name: &str) -> Edit {
    let Ok(mut doc) = text.parse::<toml_edit::DocumentMut>() else {
        return Edit::NoAnchor("it is not valid TOML".into());
    };
    if !doc.contains_key("dependencies") {
        let mut table = toml_edit::Table::new();
        table.insert(name, path_dependency(name));
        doc.insert("dependencies", toml_edit::Item::Table(table));
        return Edit::Changed(keep_line_endings(text, doc.to_string()));
    }
    let Some(deps) = doc.get_mut("dependencies").and_then(|d| d.as_table_mut()) else {
        return Edit::NoAnchor("its `dependencies` is not a `[dependencies]` table".into());
    };
    let present =
        deps.iter().any(|(key, value)| key == name || value.get("package").and_then(|p| p.as_str()) == Some(name));
    if present {
        return Edit::Present;
    }
    // Rebuild the table in order, the new entry in sorted position; each key keeps its decor.
    let keys: Vec<String> = deps.iter().map(|(k, _)| k.to_string()).collect();
    let mut entries: Vec<(toml_edit::Key, toml_edit::Item)> =
        keys.iter().filter_map(|k| deps.get_key_value(k).map(|(key, item)| (key.clone(), item.clone()))).collect();
    let at = keys.iter().position(|k| k.as_str() > name).unwrap_or(keys.len());
    let mut key = toml_edit::Key::new(name);
    if at == 0 {
        // A comment heading the table stays on top.
        if let Some((first, _)) = entries.first_mut() {
            let prefix = first.leaf_decor().prefix().and_then(|p| p.as_str()).unwrap_or_default().to_string();
            key.leaf_decor_mut().set_prefix(prefix);
            first.leaf_decor_mut().set_prefix("");
        }
    }
    entries.insert(at, (key, path_dependency(name)));
    deps.clear();
    for (key, item) in entries {
        deps.insert_formatted(&key, item);
    }
    Edit::Changed(keep_line_endings(text, doc.to_string()))
}

/// `{ path = "../<name>" }`.
fn path_dependency(name: &str) -> toml_edit::Item {
    let mut table = toml_edit::InlineTable::new();
    table.insert("path", format!("../{name}").into());
    toml_edit::value(table)
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
    let lists = pcbuild::extension_modules(text);
    if lists.iter().any(|l| l.items.iter().any(|m| m == name)) {
        return Edit::Present;
    }
    let Some(list) = lists.iter().find(|l| l.items.iter().any(|m| rust_modules.contains(m))) else {
        return Edit::NoAnchor("no `<ExtensionModules>` list names an existing Rust module".into());
    };
    let items: Vec<&str> = list.items.iter().map(String::as_str).collect();
    let value = insert_item(&items, name).join(";");
    Edit::Changed(format!("{}{value}{}", &text[..list.value.start], &text[list.value.end..]))
}

/// Add the module to the readme's list of projects that holds the other Rust
/// modules, written as its items are (` * name` or a bare name).
pub fn pcbuild_readme(text: &str, name: &str, rust_modules: &[String]) -> Edit {
    let lists = pcbuild::project_lists(text);
    if lists.iter().any(|l| l.items.iter().any(|(_, m)| m == name)) {
        return Edit::Present;
    }
    let Some(list) = lists.iter().find(|l| l.items.iter().any(|(_, m)| rust_modules.contains(m))) else {
        return Edit::NoAnchor("none of its project lists names an existing Rust module".into());
    };
    let items: Vec<&str> = list.items.iter().map(|(_, m)| m.as_str()).collect();
    let position = insert_item(&items, name).iter().position(|s| *s == name).unwrap_or(items.len());
    let at = list.items.get(position).map_or_else(|| list.items[items.len() - 1].0 + 1, |(line, _)| *line);
    Edit::Changed(Lines::new(text).insert(at, &[format!("{}{name}", list.bullet)]))
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
        assert!(out.contains("dnl Rust modules\nPY_STDLIB_MOD([_x],\n  [test \"$HAVE_CARGO\" = yes], [test \"$HAVE_CARGO\" = yes],\n  [], [])\n\n# substitute"), "{out}");
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

    /// The Rust for CPython fork's files, copied verbatim (see their README).
    const FORK_CONFIGURE: &str = include_str!("../../lints/buildfiles/testdata/configure.ac");
    const FORK_SETUP: &str = include_str!("../../lints/buildfiles/testdata/Setup.stdlib.in");
    const FORK_README: &str = include_str!("../../lints/buildfiles/testdata/readme.txt");

    #[test]
    fn the_forks_configure_ac_gets_a_multiline_check_beside_base64() {
        let out = changed(configure_ac(FORK_CONFIGURE, "_bisect_rs"));
        let base64 =
            "PY_STDLIB_MOD([_base64],\n  [test \"$HAVE_CARGO\" = yes], [test \"$HAVE_CARGO\" = yes],\n  [], [])\n";
        let bisect = base64.replace("_base64", "_bisect_rs");
        assert!(out.contains(&format!("{base64}{bisect}\ndnl compression libs")), "{out}");
        assert_eq!(configure_ac(&out, "_bisect_rs"), Edit::Present);
        // A name that sorts first goes above the first Rust check.
        let out = changed(configure_ac(FORK_CONFIGURE, "_aa"));
        assert!(out.contains(&format!("{}{base64}", base64.replace("_base64", "_aa"))), "{out}");
        // A C module of the name is already checked.
        assert_eq!(configure_ac(FORK_CONFIGURE, "_testcapi"), Edit::Present);
    }

    #[test]
    fn the_forks_setup_and_readme_take_the_module_beside_base64() {
        let out = changed(setup_stdlib(FORK_SETUP, "_bisect_rs"));
        assert!(
            out.contains("lib_base64.a\n@MODULE__BISECT_RS_TRUE@_bisect_rs _bisect_rs/Cargo.toml _bisect_rs/src/lib.rs lib_bisect_rs.a\n\n####"),
            "{out}"
        );
        assert_eq!(setup_stdlib(FORK_SETUP, "_bisect"), Edit::Present);
        let rust = vec!["_base64".to_string()];
        let out = changed(pcbuild_readme(FORK_README, "_bisect_rs", &rust));
        assert!(out.contains(" * _base64\n * _bisect_rs\n * _ctypes\n"), "{out}");
        assert_eq!(pcbuild_readme(&out, "_bisect_rs", &rust), Edit::Present);
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
