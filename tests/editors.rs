//! docs/devguide/editors.md: each editor's setting, read the way that editor
//! reads it, names the command, and that command's output is what
//! rust-analyzer parses (cargo messages, through `cargo_metadata`).

use std::path::Path;
use std::process::Command;

const PAGE: &str = include_str!("../docs/devguide/editors.md");
const EDITORS: &[&str] = &["VS Code", "Neovim", "Helix", "Zed", "Emacs"];
const COMMAND: &[&str] = &["cpython-rs", "check", "--output-format", "rustc-json", "--exit-zero"];

/// The (language, body) of every fenced block in `text`.
fn code_blocks(text: &str) -> Vec<(&str, String)> {
    let mut blocks = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if let Some(lang) = line.strip_prefix("```") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| !l.starts_with("```")).collect();
            blocks.push((lang, body.join("\n")));
        }
    }
    blocks
}

/// The text of the `### name` section.
fn section<'p>(page: &'p str, name: &str) -> &'p str {
    let start = page.find(&format!("\n### {name}\n")).unwrap_or_else(|| panic!("no section for {name}"));
    let rest = &page[start + 1..];
    let end = rest[4..].find("\n#").map_or(rest.len(), |i| i + 4);
    &rest[..end]
}

/// The value of the first key named `overrideCommand` (or ending with it) in a JSON value.
fn json_override(value: &serde_json::Value) -> Option<Vec<String>> {
    match value {
        serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
            if k.ends_with("overrideCommand") {
                v.as_array().map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
            } else {
                json_override(v)
            }
        }),
        _ => None,
    }
}

/// The quoted strings of the list after `overrideCommand` in Lua or Emacs Lisp.
fn quoted_override(text: &str) -> Vec<String> {
    let after = &text[text.find("overrideCommand").expect("overrideCommand") + "overrideCommand".len()..];
    let list = &after[..after.find(['}', ']']).expect("end of the list")];
    list.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

/// The command each editor's block gives rust-analyzer.
fn editor_command(editor: &str) -> Vec<String> {
    let blocks = code_blocks(section(PAGE, editor));
    assert_eq!(blocks.len(), 1, "{editor}: one setting");
    let (lang, body) = &blocks[0];
    match *lang {
        "json" => json_override(&serde_json::from_str(body).expect("valid JSON")).expect("overrideCommand"),
        "toml" => {
            let value: toml::Table = toml::from_str(body).expect("valid TOML");
            let check = &value["language-server"]["rust-analyzer"]["config"]["check"];
            check["overrideCommand"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
        }
        "lua" | "elisp" => quoted_override(body),
        other => panic!("{editor}: unexpected block language `{other}`"),
    }
}

#[test]
fn every_editor_has_one_setting_with_the_command() {
    for editor in EDITORS {
        assert_eq!(editor_command(editor), COMMAND, "{editor}");
    }
}

#[test]
fn the_documented_command_prints_what_rust_analyzer_parses() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check");
    let output =
        Command::new(env!("CARGO_BIN_EXE_cpython-rs")).args(&COMMAND[1..]).current_dir(&fixture).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "--exit-zero: a run with findings is not a failed check");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut findings = 0;
    for line in stdout.lines() {
        match serde_json::from_str::<cargo_metadata::Message>(line).expect("a cargo message") {
            cargo_metadata::Message::CompilerMessage(m) => {
                findings += 1;
                let primary = m.message.spans.iter().find(|s| s.is_primary).unwrap();
                assert!(fixture.join(&primary.file_name).is_file(), "relative to where it runs: {}", primary.file_name);
            }
            cargo_metadata::Message::BuildFinished(_) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(findings > 0);
}

#[test]
fn clippy_and_cpython_rs_run_together() {
    let start = PAGE.find("## Clippy and cpython-rs together").unwrap();
    let blocks = code_blocks(&PAGE[start..]);
    let (lang, body) = &blocks[0];
    assert_eq!(*lang, "json");
    let command = json_override(&serde_json::from_str(body).unwrap()).unwrap();
    assert_eq!(command[..2], ["sh", "-c"]);
    let script = &command[2];
    let (clippy, ours) = script.split_once("; ").expect("one after the other, whatever the first exits with");
    assert!(clippy.starts_with("cargo clippy") && clippy.contains("--message-format=json"), "{clippy}");
    assert_eq!(ours.split(' ').collect::<Vec<_>>(), COMMAND);
}
