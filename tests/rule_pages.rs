//! Every registered rule has a devguide page with the standard sections, every
//! page has a rule, and each page's examples behave as the page says.

use std::path::Path;

use cpython_rs::testing::{check_snippet, codes};
use cpython_rs_lints::registry::{self, section};

const SECTIONS: &[&str] =
    &["What it does", "Why is this bad?", "Example", "Use instead", "C-API background", "References"];

/// The body of the first ```rust block in a section, if it has one.
fn rust_block(text: &str) -> Option<String> {
    let start = text.find("```rust\n")? + "```rust\n".len();
    let end = text[start..].find("```")? + start;
    Some(text[start..end].to_string())
}

#[test]
fn every_rule_has_a_complete_page() {
    for rule in registry::all() {
        let title = format!("# {}: {}", rule.code, rule.name);
        assert!(rule.doc.starts_with(&title), "{}: page must start with `{title}`", rule.code);
        for heading in SECTIONS {
            let body = section(rule.doc, heading).unwrap_or_else(|| panic!("{}: no `## {heading}` section", rule.code));
            assert!(!body.trim().is_empty(), "{}: `## {heading}` is empty", rule.code);
        }
        let refs = section(rule.doc, "References").unwrap();
        assert!(refs.contains("https://"), "{}: References must link the docs it relies on", rule.code);
    }
}

#[test]
fn every_page_has_a_rule() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/devguide/rules");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.extension().is_some_and(|e| e == "md") && stem != "index" {
            assert!(registry::rule(&stem).is_some(), "{} documents no registered rule", path.display());
        }
    }
}

#[test]
fn examples_trigger_exactly_their_rule_and_fixes_are_clean() {
    let mut checked = 0;
    for rule in registry::all() {
        if let Some(example) = section(rule.doc, "Example").and_then(rust_block) {
            let found = check_snippet("example.rs", &example, &["ALL"]);
            let found = codes(&found);
            assert!(found.contains(&rule.code), "{}: the Example does not trigger it (found {found:?})", rule.code);
            assert!(found.iter().all(|c| *c == rule.code), "{}: the Example also triggers {found:?}", rule.code);
            checked += 1;
        }
        if let Some(fixed) = section(rule.doc, "Use instead").and_then(rust_block) {
            let found = check_snippet("use_instead.rs", &fixed, &["ALL"]);
            assert!(found.is_empty(), "{}: the Use instead block is not clean: {:?}", rule.code, codes(&found));
        }
    }
    assert!(checked >= 4, "only {checked} pages have executable examples");
}
