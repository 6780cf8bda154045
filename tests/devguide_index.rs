//! The devguide agrees with the rule registry: docs/devguide/rules/index.md is
//! exactly the catalogue (regenerate with `CPYTHON_RS_BLESS=1 cargo test --test
//! devguide_index`), every rule page's References link the C-API documentation,
//! and every relative link of the devguide leads to a file.

use std::path::{Path, PathBuf};

use cpython_rs_lints::registry::{self, section, Family, Rule};

const INDEX: &str = "docs/devguide/rules/index.md";

/// Pages about matters outside the C API (reading files, suppression comments,
/// CPython's build files), which may cite other documentation.
fn exempt_from_c_api_links(rule: &Rule) -> bool {
    matches!(rule.code, "IO001" | "SY001" | "SUP001" | "SUP002") || rule.code.starts_with("BW")
}

/// The devguide guide that explains a family's C-API background, if one does.
fn guide(family: Family) -> Option<(&'static str, &'static str)> {
    match family {
        Family::Refcount => Some(("Reference counting from Rust", "../reference-counting.md")),
        Family::Gil => Some(("Thread states, the GIL and free-threading", "../thread-states.md")),
        Family::Panic | Family::Unwind => {
            Some(("Panics and unwinding at the C boundary", "../panics-and-unwinding.md"))
        }
        _ => None,
    }
}

/// A table cell: pipes escaped, on one line.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The index as the registry says it must be: families in catalogue order.
fn expected_index() -> String {
    let mut out = String::from(
        "# Rules\n\n\
         Every rule `cpython-rs check` knows, by family, in the order `cpython-rs rules` lists\n\
         them. Each code links its page: what the rule flags, why it matters, an example and\n\
         its fix, and the C-API documentation behind it (`cpython-rs rule CODE` prints the same\n\
         page). Select rules by code, name or family prefix (`--select RC,GT003`), and silence\n\
         one finding with `// cpython-rs: allow(CODE, reason = \"...\")`.\n\n\
         The Runs column says when a rule runs without a `select`: `on` always; `checkout`\n\
         inside a CPython checkout, where the fork's RUST_API.md makes it policy (select it\n\
         elsewhere with `--select policy`); `pedantic` only when selected (`--select pedantic`\n\
         or `extend-select = [\"pedantic\"]`): under 95% precision on real code.\n\n\
         <!-- Generated from the rule registry by tests/devguide_index.rs; after adding or\n\
         changing a rule, run `CPYTHON_RS_BLESS=1 cargo test --test devguide_index`. -->\n",
    );
    let mut family = None;
    for rule in registry::all() {
        if family != Some(rule.family) {
            family = Some(rule.family);
            out.push_str(&format!("\n## {}\n\n", rule.family.title()));
            if let Some((title, path)) = guide(rule.family) {
                out.push_str(&format!("Background: [{title}]({path}).\n\n"));
            }
            out.push_str("| Code | Name | Level | Runs | Summary |\n|---|---|---|---|---|\n");
        }
        out.push_str(&format!(
            "| [{code}]({code}.md) | `{name}` | {severity} | {runs} | {summary} |\n",
            code = rule.code,
            name = rule.name,
            severity = rule.severity.as_str(),
            runs = rule.default_on().as_str(),
            summary = cell(rule.summary),
        ));
    }
    out
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_rules_index_is_the_registry() {
    let path = repo().join(INDEX);
    let expected = expected_index();
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    if actual == expected {
        return;
    }
    if std::env::var_os("CPYTHON_RS_BLESS").is_some() {
        std::fs::write(&path, &expected).expect("rewrite the rules index");
        return;
    }
    let first = actual
        .lines()
        .zip(expected.lines())
        .position(|(a, e)| a != e)
        .unwrap_or(actual.lines().count().min(expected.lines().count()));
    panic!(
        "{INDEX} does not match the rule registry (first difference at line {}):\n  page:     {:?}\n  registry: {:?}\n\
         Regenerate it with `CPYTHON_RS_BLESS=1 cargo test --test devguide_index`.",
        first + 1,
        actual.lines().nth(first).unwrap_or("<end of file>"),
        expected.lines().nth(first).unwrap_or("<end of file>"),
    );
}

/// The line each rule page gives its default, right above `## What it does`.
fn default_line(rule: &Rule) -> String {
    format!("**Default:** {}\n\n", rule.default_sentence())
}

#[test]
fn every_rule_page_states_when_it_runs() {
    let mut wrong = Vec::new();
    for rule in registry::all() {
        let expected = default_line(rule);
        if rule.doc.contains(&expected) {
            continue;
        }
        let path = repo().join(format!("docs/devguide/rules/{}.md", rule.code));
        if std::env::var_os("CPYTHON_RS_BLESS").is_none() {
            wrong.push(rule.code);
            continue;
        }
        let page = std::fs::read_to_string(&path).expect("read the rule page");
        let without: String = page.split_inclusive('\n').filter(|l| !l.starts_with("**Default:**")).collect();
        let without = without.replace("\n\n\n## What it does", "\n\n## What it does");
        let at = without.find("## What it does").expect("every page has `## What it does`");
        std::fs::write(&path, format!("{}{expected}{}", &without[..at], &without[at..])).expect("rewrite the page");
    }
    assert!(
        wrong.is_empty(),
        "these rule pages do not say when the rule runs as the registry does: {wrong:?}\n\
         Regenerate them with `CPYTHON_RS_BLESS=1 cargo test --test devguide_index`."
    );
}

#[test]
fn every_rule_is_in_the_index_once() {
    let index = expected_index();
    for rule in registry::all() {
        assert_eq!(index.matches(&format!("[{0}]({0}.md)", rule.code)).count(), 1, "{}", rule.code);
    }
}

#[test]
fn every_rule_page_cites_the_c_api_documentation() {
    let mut missing = Vec::new();
    for rule in registry::all() {
        let refs = section(rule.doc, "References").unwrap_or("");
        let cites_c_api = refs.contains("https://docs.python.org/3/c-api/");
        if !cites_c_api && !exempt_from_c_api_links(rule) {
            missing.push(rule.code);
        }
        assert!(refs.contains("https://"), "{}: References must link the documentation it relies on", rule.code);
    }
    assert!(
        missing.is_empty(),
        "these rule pages' References do not link https://docs.python.org/3/c-api/...: {missing:?}"
    );
}

/// Relative links `](path)` and `](path#anchor)` of a markdown page.
fn relative_links(page: &str) -> Vec<String> {
    relative_links_with_anchors(page).into_iter().map(|(path, _)| path).collect()
}

/// Relative links with their `#anchor`, if any.
fn relative_links_with_anchors(page: &str) -> Vec<(String, Option<String>)> {
    page.match_indices("](")
        .filter_map(|(i, _)| {
            let rest = &page[i + 2..];
            let target = &rest[..rest.find(')')?];
            let (path, anchor) = match target.split_once('#') {
                Some((path, anchor)) => (path, Some(anchor.to_string())),
                None => (target, None),
            };
            (!path.is_empty() && !path.contains("://") && !path.starts_with("mailto:"))
                .then(|| (path.to_string(), anchor))
        })
        .collect()
}

/// The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as `-`.
fn heading_anchors(page: &str) -> Vec<String> {
    page.lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| {
            l.trim_start_matches('#')
                .trim()
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
                .map(|c| if c == ' ' { '-' } else { c })
                .collect()
        })
        .collect()
}

fn devguide_pages() -> Vec<PathBuf> {
    let mut pages = Vec::new();
    for dir in ["docs/devguide", "docs/devguide/rules"] {
        for entry in std::fs::read_dir(repo().join(dir)).expect("read the devguide") {
            let path = entry.expect("dir entry").path();
            if path.extension().is_some_and(|e| e == "md") {
                pages.push(path);
            }
        }
    }
    pages.sort();
    pages
}

#[test]
fn every_relative_devguide_link_leads_to_a_file() {
    let mut broken = Vec::new();
    for page in devguide_pages() {
        let text = std::fs::read_to_string(&page).expect("read page");
        for (link, anchor) in relative_links_with_anchors(&text) {
            let target = page.parent().expect("in a folder").join(&link);
            let shown = format!("{} -> {link}", page.strip_prefix(repo()).unwrap_or(&page).display());
            match (std::fs::read_to_string(&target), anchor) {
                (Err(_), _) if !target.exists() => broken.push(shown),
                (Ok(text), Some(anchor)) if !heading_anchors(&text).contains(&anchor) => {
                    broken.push(format!("{shown}#{anchor} (no such heading)"))
                }
                _ => {}
            }
        }
    }
    assert!(broken.is_empty(), "broken devguide links:\n{}", broken.join("\n"));
}

#[test]
fn the_front_page_links_the_tutorial_the_guides_and_the_index() {
    let readme = std::fs::read_to_string(repo().join("docs/devguide/README.md")).expect("docs/devguide/README.md");
    let links = relative_links(&readme);
    for page in devguide_pages() {
        let rel =
            page.strip_prefix(repo().join("docs/devguide")).expect("in the devguide").to_string_lossy().into_owned();
        let is_rule_page = rel.starts_with("rules/") && rel != "rules/index.md";
        if rel != "README.md" && !is_rule_page {
            assert!(links.contains(&rel), "docs/devguide/README.md does not link {rel}");
        }
    }
}

#[test]
fn links_and_anchors_are_found() {
    let page = "see [a](a.md), [b](../b.md#x), [c](https://docs.python.org/3/c-api/) and [d](#local)";
    assert_eq!(relative_links(page), ["a.md", "../b.md"]);
    assert_eq!(relative_links_with_anchors(page)[1].1.as_deref(), Some("x"));
    assert_eq!(heading_anchors("# Title\n## RAII: an owned wrapper\ntext"), ["title", "raii-an-owned-wrapper"]);
}
