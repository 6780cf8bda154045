//! `Modules/Setup.stdlib.in` (and the other `Setup` files): one entry per
//! module, read as `Modules/makesetup` reads them. A line ending in `\`
//! continues on the next; `#` starts a comment; `*shared*`, `*static*` and
//! `*@MODULE_BUILDTYPE@*` switch the build type; `NAME=value` defines a
//! variable; anything else is `[@MODULE_<NAME>_TRUE@]name word...`.

use std::ops::Range;

/// One module line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupEntry {
    /// The module (`_base64`).
    pub name: String,
    /// The configure condition of `@MODULE__BASE64_TRUE@`, without the `@`s.
    pub var: Option<String>,
    /// The words after the name: sources, archives, flags.
    pub words: Vec<String>,
    /// The entry's text, from its first to its last physical line, trimmed.
    pub range: Range<usize>,
    /// The 0-based physical lines it spans.
    pub lines: Range<usize>,
}

impl SetupEntry {
    /// Built by cargo from a crate: one of its words is a `Cargo.toml`.
    pub fn is_rust(&self) -> bool {
        self.words.iter().any(|w| w.ends_with("/Cargo.toml"))
    }
}

/// `@MODULE_<NAME>_TRUE@<name> <name>/Cargo.toml <name>/src/lib.rs lib<name>.a`.
pub fn rust_entry(name: &str) -> String {
    format!("@MODULE_{}_TRUE@{name} {name}/Cargo.toml {name}/src/lib.rs lib{name}.a", name.to_ascii_uppercase())
}

/// Every module line of `text`, in file order.
pub fn entries(text: &str) -> Vec<SetupEntry> {
    let lines = super::line_ranges(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let first = i;
        let mut logical = String::new();
        loop {
            let line = &text[lines[i].clone()];
            let code = line.split('#').next().unwrap_or_default();
            match code.trim_end().strip_suffix('\\') {
                Some(rest) if !line.trim_start().starts_with('#') && i + 1 < lines.len() => {
                    logical.push_str(rest);
                    logical.push(' ');
                    i += 1;
                }
                _ => {
                    logical.push_str(code);
                    break;
                }
            }
        }
        let last = i;
        i += 1;
        if let Some((var, name, words)) = parse(&logical) {
            let start =
                lines[first].start + (text[lines[first].clone()].len() - text[lines[first].clone()].trim_start().len());
            let end = lines[last].start + text[lines[last].clone()].trim_end().len();
            found.push(SetupEntry { name, var, words, range: start..end.max(start), lines: first..last + 1 });
        }
    }
    found
}

/// The `# Rust modules` comment line that heads the Rust block, if any.
pub fn rust_block_header(text: &str) -> Option<usize> {
    super::line_ranges(text).iter().position(|r| {
        let t = text[r.clone()].trim();
        t.starts_with('#') && t.trim_start_matches('#').trim().to_ascii_lowercase().starts_with("rust modules")
    })
}

fn parse(logical: &str) -> Option<(Option<String>, String, Vec<String>)> {
    let t = logical.trim();
    if t.is_empty() || t.starts_with('*') {
        return None;
    }
    let (var, rest) = match t.strip_prefix('@').and_then(|r| r.split_once('@')) {
        Some((var, rest)) => (Some(var.to_string()), rest),
        None => (None, t),
    };
    let mut words = rest.split_whitespace();
    let name = words.next()?;
    let identifier = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !identifier {
        // `NAME=value` definitions and anything makesetup would not build.
        return None;
    }
    Some((var, name.to_string(), words.map(str::to_string).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Rust for CPython fork's `Modules/Setup.stdlib.in`, copied verbatim.
    const FORK: &str = include_str!("testdata/Setup.stdlib.in");

    #[test]
    fn reads_the_forks_file() {
        let entries = entries(FORK);
        let rust: Vec<&SetupEntry> = entries.iter().filter(|e| e.is_rust()).collect();
        assert_eq!(rust.len(), 1);
        assert_eq!(rust[0].name, "_base64");
        assert_eq!(rust[0].var.as_deref(), Some("MODULE__BASE64_TRUE"));
        assert_eq!(&FORK[rust[0].range.clone()], rust_entry("_base64"));
        let header = rust_block_header(FORK).expect("a Rust block");
        assert!(rust[0].lines.start > header);
        assert!(entries.iter().any(|e| e.name == "_testcapi" && e.words.len() > 10));
        assert!(!entries.iter().any(|e| e.name.starts_with('*') || e.name == "MODULE_BUILDTYPE"));
    }

    #[test]
    fn continuations_comments_and_definitions() {
        let text = "# _x x.c\nFOO=bar\n*shared*\n_a a.c \\\n   b.c # two files\n@MODULE_M_TRUE@m m.c\n";
        let entries = entries(text);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].name, "_a");
        assert_eq!(entries[0].words, ["a.c", "b.c"]);
        assert_eq!(entries[0].lines, 3..5);
        assert_eq!(&text[entries[0].range.clone()], "_a a.c \\\n   b.c # two files");
        assert_eq!(entries[1].var.as_deref(), Some("MODULE_M_TRUE"));
    }
}
