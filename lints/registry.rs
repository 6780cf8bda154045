//! Every rule cpython-rs knows: code, name, family, default severity, summary
//! and its devguide page. Families declare their rules next to their code
//! (`refcount::RULES`, ...); this module only gathers them.

use crate::diagnostic::Severity;

/// A rule family: the two or three letters of its codes, and its file in `lints/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// IO, SY: files that could not be analysed.
    Input,
    /// SUP: the suppression comments themselves.
    Suppression,
    Refcount,
    ErrorIndicator,
    Gil,
    Panic,
    Unwind,
    Safety,
    Module,
    Wiring,
}

impl Family {
    pub fn title(self) -> &'static str {
        match self {
            Family::Input => "Input",
            Family::Suppression => "Suppressions",
            Family::Refcount => "Reference counting",
            Family::ErrorIndicator => "Error indicator",
            Family::Gil => "GIL and thread state",
            Family::Panic => "Panics across FFI",
            Family::Unwind => "Unwinding",
            Family::Safety => "Safety documentation",
            Family::Module => "Module definition",
            Family::Wiring => "Build wiring and stage policy",
        }
    }
}

/// A rule's declaration, in the manner of clippy's `declare_clippy_lint!`.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub summary: &'static str,
    /// The devguide page (`docs/devguide/rules/<CODE>.md`), embedded at compile time.
    pub doc: &'static str,
}

impl Rule {
    /// The code's letters (`RC` of `RC001`).
    pub fn prefix(&self) -> &'static str {
        self.code.trim_end_matches(|c: char| c.is_ascii_digit())
    }

    /// The page's first paragraph under "What it does", for SARIF's full description.
    pub fn description(&self) -> String {
        section(self.doc, "What it does").unwrap_or(self.summary).trim().replace('\n', " ")
    }

    /// Where the page lives online.
    pub fn url(&self) -> String {
        format!("{}/{}.md", DOCS_URL, self.code)
    }
}

/// The published devguide's rule folder.
pub const DOCS_URL: &str = "https://github.com/cpython-rs/cpython-rs/blob/main/docs/devguide/rules";

/// The text of a `## heading` section of a markdown page, up to the next `## `.
pub fn section<'a>(page: &'a str, heading: &str) -> Option<&'a str> {
    let marker = format!("## {heading}");
    let start = page.find(&marker)? + marker.len();
    let rest = &page[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(rest[..end].trim_matches('\n'))
}

/// Declare a rule; its page must exist or the crate does not compile.
#[macro_export]
macro_rules! declare_rule {
    ($code:literal, $name:literal, $family:ident, $severity:ident, $summary:literal $(,)?) => {
        $crate::registry::Rule {
            code: $code,
            name: $name,
            family: $crate::registry::Family::$family,
            severity: $crate::diagnostic::Severity::$severity,
            summary: $summary,
            doc: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/devguide/rules/", $code, ".md")),
        }
    };
}

/// Rules about the input itself; always on, never suppressible.
pub const INPUT_RULES: &[Rule] = &[
    declare_rule!("IO001", "unreadable-file", Input, Error, "A file could not be read or is not UTF-8"),
    declare_rule!("SY001", "syntax-error", Input, Error, "A file is not valid Rust or is nested too deeply to analyse"),
];

/// Every family's rule list, in catalogue order.
pub fn families() -> [&'static [Rule]; 10] {
    [
        INPUT_RULES,
        crate::suppress::RULES,
        crate::refcount::RULES,
        crate::errors::RULES,
        crate::gil::RULES,
        crate::panic::RULES,
        crate::unwind::RULES,
        crate::safety::RULES,
        crate::module::RULES,
        crate::wiring::RULES,
    ]
}

/// All rules, in catalogue order.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    families().into_iter().flatten()
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    all().find(|r| r.code == code)
}

/// The rule with this code or kebab name (case-insensitive for codes).
pub fn lookup(code_or_name: &str) -> Option<&'static Rule> {
    all().find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// Rules below 95% precision on the real-code ledger (true findings among
/// all findings, triaged by reading the code of real projects): off unless
/// selected, so the default output stays worth reading. A rule leaves this
/// list when its false alarms are fixed, not when its page is reworded.
const PEDANTIC: &[&str] = &["EI003", "GT002", "GT003", "GT004", "UW004", "MD003", "MD004"];

/// The Rust-for-CPython fork's policies (its RUST_API.md): a SAFETY comment
/// on every `unsafe`, no panicking construct in a callback, no panic escaping
/// a generated `extern "C"` trampoline.
const POLICY: &[&str] = &["SD001", "SD002", "PF001", "PF002", "UW005"];

/// Policies that find no bugs by themselves: a documentation style that code
/// outside CPython never signed up to (three of four crates on the ledger say
/// `#![allow(clippy::missing_safety_doc)]`), so on only inside a checkout.
const STYLE_POLICY: &[&str] = &["SD001", "SD002"];

/// A named set of rules a selector can name, like clippy's `pedantic` or
/// ruff's `preview`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Below 95% precision on real code: opt-in.
    Pedantic,
    /// The fork's policies: on by default inside a CPython checkout.
    Policy,
}

impl Group {
    pub const ALL: [Group; 2] = [Group::Pedantic, Group::Policy];

    pub fn name(self) -> &'static str {
        match self {
            Group::Pedantic => "pedantic",
            Group::Policy => "policy",
        }
    }

    /// The group a selector names, case-insensitively.
    pub fn named(selector: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.name().eq_ignore_ascii_case(selector))
    }

    pub fn contains(self, rule: &Rule) -> bool {
        match self {
            Group::Pedantic => PEDANTIC.contains(&rule.code),
            Group::Policy => POLICY.contains(&rule.code),
        }
    }
}

/// When a rule runs without a `select`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultOn {
    Everywhere,
    /// Inside a CPython checkout only: a policy that outside code never signed up to.
    InCheckout,
    /// Only when selected.
    Never,
}

impl DefaultOn {
    /// As the rules list and the pages show it.
    pub fn as_str(self) -> &'static str {
        match self {
            DefaultOn::Everywhere => "on",
            DefaultOn::InCheckout => "checkout",
            DefaultOn::Never => "pedantic",
        }
    }
}

impl Rule {
    /// The groups this rule belongs to.
    pub fn groups(&self) -> impl Iterator<Item = Group> + '_ {
        Group::ALL.into_iter().filter(|g| g.contains(self))
    }

    /// When the rule runs without a `select`. Inside a checkout the fork's
    /// policies win over `pedantic`: RUST_API.md requires them there.
    pub fn default_on(&self) -> DefaultOn {
        let policy = Group::Policy.contains(self);
        if policy && STYLE_POLICY.contains(&self.code) {
            DefaultOn::InCheckout
        } else if Group::Pedantic.contains(self) {
            if policy {
                DefaultOn::InCheckout
            } else {
                DefaultOn::Never
            }
        } else {
            DefaultOn::Everywhere
        }
    }

    /// When the rule runs, in one sentence, for its page.
    pub fn default_sentence(&self) -> &'static str {
        match (self.default_on(), Group::Policy.contains(self)) {
            (DefaultOn::Everywhere, false) => "on.",
            (DefaultOn::Everywhere, true) => "on, and part of the fork's `policy` (its RUST_API.md requires it).",
            (DefaultOn::InCheckout, _) => {
                "on inside a CPython checkout, where it is the fork's `policy` (its RUST_API.md requires it); \
                 elsewhere off until selected (`--select policy` or `extend-select = [\"policy\"]`)."
            }
            (DefaultOn::Never, _) => {
                "off: in the `pedantic` group (under 95% precision on real code); select it with \
                 `--select pedantic` or `extend-select = [\"pedantic\"]`."
            }
        }
    }

    /// Whether the rule runs without a `select`, inside a checkout or not.
    pub fn on_by_default(&self, in_checkout: bool) -> bool {
        match self.default_on() {
            DefaultOn::Everywhere => true,
            DefaultOn::InCheckout => in_checkout,
            DefaultOn::Never => false,
        }
    }
}

/// The rules a selector names: `ALL`, a group (`pedantic`, `policy`), a code,
/// a name, or a code prefix (`RC`, `RC00`).
pub fn expand_selector(selector: &str) -> Option<Vec<&'static Rule>> {
    let sel = selector.trim();
    if sel.eq_ignore_ascii_case("ALL") {
        return Some(all().collect());
    }
    if let Some(group) = Group::named(sel) {
        return Some(all().filter(|r| group.contains(r)).collect());
    }
    if let Some(rule) = lookup(sel) {
        return Some(vec![rule]);
    }
    let upper = sel.to_ascii_uppercase();
    let matched: Vec<_> = all().filter(|r| !upper.is_empty() && r.code.starts_with(&upper)).collect();
    (!matched.is_empty()).then_some(matched)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique() {
        let rules: Vec<_> = all().collect();
        for (i, a) in rules.iter().enumerate() {
            for b in &rules[i + 1..] {
                assert_ne!(a.code, b.code);
                assert_ne!(a.name, b.name);
            }
        }
    }

    #[test]
    fn selectors_expand() {
        assert_eq!(expand_selector("SY001").unwrap().len(), 1);
        assert_eq!(expand_selector("syntax-error").unwrap()[0].code, "SY001");
        assert!(expand_selector("ALL").unwrap().len() >= 2);
        assert!(expand_selector("NOPE").is_none());
    }
}
