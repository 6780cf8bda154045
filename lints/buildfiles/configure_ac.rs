//! `configure.ac`: the stdlib module checks, `PY_STDLIB_MOD([name], ...)` and
//! `PY_STDLIB_MOD_SIMPLE([name], ...)`, read as m4 reads them.
//!
//! CPython writes these calls over several lines, with `dnl` comment lines
//! between arguments (`_testcapi`), leading spaces (` PY_STDLIB_MOD([readline],`)
//! and the same words in comments and macro definitions (`dnl PY_STDLIB_MOD([NAME], ...)`,
//! `AC_DEFUN([PY_STDLIB_MOD], [...])`, `PY_STDLIB_MOD([$2], ...)`). The scan
//! follows m4's rules: `[`/`]` quote, `#` outside quotes and `dnl` start a
//! comment that runs to the end of the line, a macro's arguments follow its
//! name with no space and are split at commas outside quotes and nested
//! parentheses. A call whose first argument is not a literal module name is
//! a definition or a template, not a module.

use std::ops::Range;

/// One `PY_STDLIB_MOD(...)` or `PY_STDLIB_MOD_SIMPLE(...)` call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StdlibMod {
    /// The module (`_base64`).
    pub name: String,
    /// `PY_STDLIB_MOD_SIMPLE`: always enabled, no tests.
    pub simple: bool,
    /// Each argument with surrounding space and one level of `[...]` removed,
    /// comments dropped.
    pub args: Vec<String>,
    /// From the macro's first letter to the closing parenthesis.
    pub range: Range<usize>,
}

impl StdlibMod {
    /// Whether the call is conditional on cargo, as Rust modules are.
    pub fn needs_cargo(&self) -> bool {
        self.args.iter().any(|a| a.contains("HAVE_CARGO"))
    }

    /// Whether the call spans more than one line of `text`.
    pub fn is_multiline(&self, text: &str) -> bool {
        text[self.range.clone()].contains('\n')
    }
}

/// `PY_STDLIB_MOD([name], [test "$HAVE_CARGO" = yes], [test "$HAVE_CARGO" = yes], [], [])`
/// laid out as CPython lays out such calls: over three lines, or on one.
pub fn rust_module_call(name: &str, multiline: bool) -> String {
    let test = "[test \"$HAVE_CARGO\" = yes]";
    if multiline {
        format!("PY_STDLIB_MOD([{name}],\n  {test}, {test},\n  [], [])")
    } else {
        format!("PY_STDLIB_MOD([{name}], {test}, {test}, [], [])")
    }
}

/// Every stdlib module check in `text`, in file order.
pub fn stdlib_mods(text: &str) -> Vec<StdlibMod> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut quote = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'[' => {
                quote += 1;
                i += 1;
            }
            b']' => {
                quote = quote.saturating_sub(1);
                i += 1;
            }
            b'#' if quote == 0 => i = end_of_line(bytes, i),
            _ if is_word_start(b) && (i == 0 || !is_word_byte(bytes[i - 1])) => {
                let end = word_end(bytes, i);
                let word = &text[i..end];
                if quote == 0 && word == "dnl" {
                    i = end_of_line(bytes, i);
                    continue;
                }
                let simple = match word {
                    "PY_STDLIB_MOD" => Some(false),
                    "PY_STDLIB_MOD_SIMPLE" => Some(true),
                    _ => None,
                };
                match simple.filter(|_| bytes.get(end) == Some(&b'(')) {
                    Some(simple) => match arguments(text, end, quote) {
                        Some((args, close)) => {
                            let name = args.first().cloned().unwrap_or_default();
                            if is_module_name(&name) {
                                found.push(StdlibMod { name, simple, args, range: i..close + 1 });
                            }
                            i = close + 1;
                        }
                        None => i = end,
                    },
                    None => i = end,
                }
            }
            _ => i += 1,
        }
    }
    found
}

/// The arguments of a call whose `(` is at `open`, and the index of its `)`.
/// `base` is the quote depth the call sits at (inside a quoted macro body, say).
fn arguments(text: &str, open: usize, base: usize) -> Option<(Vec<String>, usize)> {
    let bytes = text.as_bytes();
    let mut args = Vec::new();
    let mut current = String::new();
    let (mut quote, mut parens) = (base, 0usize);
    let mut i = open + 1;
    while i < bytes.len() {
        let b = bytes[i];
        if quote == base {
            match b {
                b'#' => {
                    i = end_of_line(bytes, i);
                    continue;
                }
                b'd' if is_dnl(bytes, i) => {
                    i = end_of_line(bytes, i);
                    continue;
                }
                b'(' => parens += 1,
                b')' if parens == 0 => {
                    args.push(unquote(&current));
                    return Some((args, i));
                }
                b')' => parens -= 1,
                b',' if parens == 0 => {
                    args.push(unquote(&current));
                    current.clear();
                    i += 1;
                    continue;
                }
                _ => {}
            }
        }
        match b {
            b'[' => quote += 1,
            b']' if quote > base => quote -= 1,
            _ => {}
        }
        let ch_end = next_char(text, i);
        current.push_str(&text[i..ch_end]);
        i = ch_end;
    }
    None
}

/// An argument without its surrounding space and one level of quotes.
fn unquote(arg: &str) -> String {
    let t = arg.trim();
    match t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        Some(inner) => inner.trim().to_string(),
        None => t.to_string(),
    }
}

/// Whether the word `dnl` starts at `i`.
fn is_dnl(bytes: &[u8], i: usize) -> bool {
    bytes[i..].starts_with(b"dnl")
        && (i == 0 || !is_word_byte(bytes[i - 1]))
        && !bytes.get(i + 3).copied().is_some_and(is_word_byte)
}

fn is_module_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn word_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len() && is_word_byte(bytes[end]) {
        end += 1;
    }
    end
}

/// The index just past the newline ending the line at `i` (or the end).
fn end_of_line(bytes: &[u8], i: usize) -> usize {
    bytes[i..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |p| i + p + 1)
}

fn next_char(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(i + 1, |c| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regions of the Rust for CPython fork's `configure.ac`, copied verbatim.
    const FORK: &str = include_str!("testdata/configure.ac");

    fn names(text: &str) -> Vec<String> {
        stdlib_mods(text).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn reads_every_call_of_the_forks_file_and_nothing_else() {
        let mods = stdlib_mods(FORK);
        let base64 = mods.iter().find(|m| m.name == "_base64").expect("_base64");
        assert!(base64.needs_cargo() && !base64.simple && base64.is_multiline(FORK));
        assert_eq!(base64.args, ["_base64", "test \"$HAVE_CARGO\" = yes", "test \"$HAVE_CARGO\" = yes", "", ""]);
        // Comments, the macro's own definition and templates are not modules.
        let all = names(FORK);
        assert!(!all.iter().any(|n| n == "NAME" || n.starts_with('$')), "{all:?}");
        // A `dnl` line between two arguments is not part of either.
        let testcapi = mods.iter().find(|m| m.name == "_testcapi").expect("_testcapi");
        assert_eq!(testcapi.args, ["_testcapi", "test \"$TEST_MODULES\" = yes", "", "", "$LIBATOMIC"]);
        // A leading space does not hide a call.
        assert!(all.iter().any(|n| n == "readline"));
        assert_eq!(mods.iter().filter(|m| m.needs_cargo()).count(), 1);
    }

    #[test]
    fn simple_calls_and_nested_parentheses() {
        let text = "PY_STDLIB_MOD_SIMPLE([math], [], [$LIBM])\nPY_STDLIB_MOD([_socket],\n  [], m4_flatten([test a\n    -a b]), [], [$SOCKET_LIBS])\n";
        let mods = stdlib_mods(text);
        assert_eq!(names(text), ["math", "_socket"]);
        assert!(mods[0].simple);
        assert_eq!(mods[1].args[2], "m4_flatten([test a\n    -a b])");
    }

    #[test]
    fn comments_hide_calls() {
        let text = "dnl PY_STDLIB_MOD([a], [])\n# PY_STDLIB_MOD([b], [])\nfoo # PY_STDLIB_MOD([c])\n[quoted # PY_STDLIB_MOD([d])]\n";
        assert_eq!(names(text), ["d"]);
    }

    #[test]
    fn a_call_left_open_is_no_call() {
        assert!(stdlib_mods("PY_STDLIB_MOD([_x],\n  [test yes]").is_empty());
        assert!(stdlib_mods("PY_STDLIB_MOD ([_x])").is_empty());
    }

    #[test]
    fn the_rust_module_call_reads_back() {
        for multiline in [true, false] {
            let call = rust_module_call("_x", multiline);
            let mods = stdlib_mods(&call);
            assert_eq!(mods.len(), 1);
            assert!(mods[0].needs_cargo());
            assert_eq!(mods[0].is_multiline(&call), multiline);
        }
    }
}
