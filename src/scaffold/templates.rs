//! The files `new-module` writes, embedded from `templates/module/` at
//! compile time, and the `{{key}}` substitution that fills them in.

use std::collections::BTreeMap;

/// One embedded template.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// Its path under `templates/module/`.
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! template {
    ($name:literal) => {
        Template { name: $name, text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/module/", $name)) }
    };
}

pub const SYS_CARGO: Template = template!("sys/Cargo.toml.tmpl");
pub const SYS_BUILD: Template = template!("sys/build.rs.tmpl");
pub const SYS_LIB: Template = template!("sys/lib.rs.tmpl");
pub const SAFE_CARGO: Template = template!("safe/Cargo.toml.tmpl");
pub const SAFE_BUILD: Template = template!("safe/build.rs.tmpl");
pub const SAFE_LIB: Template = template!("safe/lib.rs.tmpl");
pub const OOT_CARGO: Template = template!("out-of-tree/Cargo.toml.tmpl");
pub const OOT_BUILD: Template = template!("out-of-tree/build.rs.tmpl");
pub const OOT_LIB: Template = template!("out-of-tree/lib.rs.tmpl");
pub const OOT_CARGO_CONFIG: Template = template!("out-of-tree/cargo-config.toml.tmpl");
pub const OOT_PYPROJECT: Template = template!("out-of-tree/pyproject.toml.tmpl");
pub const OOT_GITIGNORE: Template = template!("out-of-tree/gitignore.tmpl");
pub const OOT_README: Template = template!("out-of-tree/README.md.tmpl");
pub const TEST: Template = template!("common/test.py.tmpl");
pub const TEST_REPLACES: Template = template!("common/test_replaces.py.tmpl");
pub const FALLBACK: Template = template!("common/fallback.py.tmpl");
pub const DOC: Template = template!("common/doc.rst.tmpl");

/// Every template, for tests that render them all.
pub const ALL: &[Template] = &[
    SYS_CARGO,
    SYS_BUILD,
    SYS_LIB,
    SAFE_CARGO,
    SAFE_BUILD,
    SAFE_LIB,
    OOT_CARGO,
    OOT_BUILD,
    OOT_LIB,
    OOT_CARGO_CONFIG,
    OOT_PYPROJECT,
    OOT_GITIGNORE,
    OOT_README,
    TEST,
    TEST_REPLACES,
    FALLBACK,
    DOC,
];

/// The values substituted for `{{key}}`.
#[derive(Debug, Clone, Default)]
pub struct Vars(BTreeMap<&'static str, String>);

impl Vars {
    pub fn new() -> Vars {
        Vars::default()
    }

    pub fn set(&mut self, key: &'static str, value: impl Into<String>) -> &mut Vars {
        self.0.insert(key, value.into());
        self
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
}

impl Template {
    /// The template with every `{{key}}` replaced. A line that holds nothing
    /// but a placeholder whose value is empty disappears, so optional lines
    /// (`rust-version.workspace = true`) need no conditionals.
    pub fn render(&self, vars: &Vars) -> String {
        let mut out = String::with_capacity(self.text.len());
        for line in self.text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            if let Some(key) = content.trim().strip_prefix("{{").and_then(|k| k.strip_suffix("}}")) {
                if vars.get(key) == Some("") {
                    continue;
                }
            }
            out.push_str(&substitute(line, vars));
        }
        out
    }
}

/// `text` with each known `{{key}}` replaced; unknown ones are left as they are.
fn substitute(text: &str, vars: &Vars) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}").and_then(|end| vars.get(&after[..end]).map(|v| (end, v))) {
            Some((end, value)) => {
                out.push_str(value);
                rest = &after[end + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_replaced_and_empty_lines_dropped() {
        let t = Template { name: "t", text: "a = \"{{name}}\"\n{{optional}}\nb = {{missing}}\n" };
        let mut vars = Vars::new();
        vars.set("name", "_x").set("optional", "");
        assert_eq!(t.render(&vars), "a = \"_x\"\nb = {{missing}}\n");
    }
}
