//! `cpython-rs check` end to end: output formats, exit codes, selection,
//! config discovery, suppressions and bad input.

use std::path::{Path, PathBuf};
use std::process::Command;

use insta::assert_snapshot;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
}

/// Run the binary in `dir`; (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_cpython-rs"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("run cpython-rs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const UNDOCUMENTED: &str = "pub fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n";

#[test]
fn full_format() {
    let (code, out, _) = run(&fixture(), &["check", "src"]);
    assert_eq!(code, 1);
    assert_snapshot!(out);
}

#[test]
fn concise_format() {
    let (code, out, _) = run(&fixture(), &["check", "--output-format", "concise", "src"]);
    assert_eq!(code, 1);
    assert_snapshot!(out);
}

#[test]
fn json_format() {
    let (_, out, _) = run(&fixture(), &["check", "--output-format", "json", "src"]);
    let parsed: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let first = &parsed[0];
    for key in ["code", "name", "message", "severity", "filename", "location", "end_location", "help", "url"] {
        assert!(first.get(key).is_some(), "missing `{key}`");
    }
    assert_snapshot!(out);
}

#[test]
fn json_lines_format() {
    let (_, out, _) = run(&fixture(), &["check", "--output-format", "json-lines", "src"]);
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(v["code"].is_string());
    }
    assert_snapshot!(out);
}

#[test]
fn sarif_format() {
    let (_, out, _) = run(&fixture(), &["check", "--output-format", "sarif", "src"]);
    let log: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), cpython_rs_lints::registry::all().count());
    for rule in rules {
        for key in ["id", "name", "shortDescription", "fullDescription", "help"] {
            assert!(rule.get(key).is_some(), "rule lacks `{key}`");
        }
    }
    let result = &run["results"][0];
    for key in ["ruleId", "level", "message", "locations", "partialFingerprints"] {
        assert!(result.get(key).is_some(), "result lacks `{key}`");
    }
    assert!(result["locations"][0]["physicalLocation"]["region"]["startLine"].is_u64());
    // The rules list is long and changes with every new rule; snapshot the results only.
    assert_snapshot!(serde_json::to_string_pretty(&run["results"]).unwrap());
}

/// rust-analyzer reads `check.overrideCommand`'s output as cargo messages:
/// every line must parse as `cargo_metadata::Message`, the way it parses them.
#[test]
fn rustc_json_format_is_cargo_message_format_json() {
    use cargo_metadata::diagnostic::{Applicability, DiagnosticLevel};
    use cargo_metadata::Message;

    let (code, out, _) = run(&fixture(), &["check", "--output-format", "rustc-json", "src"]);
    assert_eq!(code, 1);
    let messages: Vec<Message> =
        out.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect();
    let (last, findings) = messages.split_last().unwrap();
    // As with cargo, warnings alone do not fail the build.
    let errors = out.contains(r#""level":"error""#);
    assert!(matches!(last, Message::BuildFinished(f) if f.success != errors), "{last:?}");
    assert_eq!(findings.len(), 4);
    let mut suggestions = 0;
    for m in findings {
        let Message::CompilerMessage(m) = m else { panic!("not a compiler message: {m:?}") };
        let d = &m.message;
        let code = d.code.as_ref().expect("a code");
        assert!(cpython_rs_lints::registry::rule(&code.code).is_some(), "{}", code.code);
        assert!(code.explanation.as_deref().is_some_and(|e| e.contains("## What it does")));
        assert!(matches!(d.level, DiagnosticLevel::Error | DiagnosticLevel::Warning));
        let primary = d.spans.iter().find(|s| s.is_primary).expect("a primary span");
        assert!(fixture().join(&primary.file_name).is_file(), "{}", primary.file_name);
        assert!(primary.line_start >= 1 && primary.column_start >= 1);
        let source = std::fs::read_to_string(fixture().join(&primary.file_name)).unwrap();
        let line = source.lines().nth(primary.line_start - 1).unwrap();
        assert_eq!(primary.text[0].text, line);
        assert!(d.rendered.as_deref().is_some_and(|r| r.contains(&format!("[{}]", code.code))));
        assert!(m.package_id.repr.starts_with("path+file://") && !m.target.name.is_empty());
        for child in &d.children {
            for span in child.spans.iter().filter(|s| s.suggested_replacement.is_some()) {
                assert_eq!(span.suggestion_applicability, Some(Applicability::MachineApplicable));
                assert!(matches!(child.level, DiagnosticLevel::Help));
                suggestions += 1;
            }
        }
    }
    assert_eq!(suggestions, 1, "the unused suppression's removal is a quick fix");
    // The paths are this machine's: keep them out of the snapshot.
    let mut first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    for pointer in ["/package_id", "/manifest_path", "/target/src_path"] {
        *first.pointer_mut(pointer).unwrap() = "[path]".into();
    }
    assert_snapshot!(serde_json::to_string_pretty(&first).unwrap());
}

#[test]
fn github_format() {
    let (_, out, _) = run(&fixture(), &["check", "--output-format", "github", "src"]);
    assert!(out.lines().all(|l| l.starts_with("::error file=") || l.starts_with("::warning file=")));
    assert_snapshot!(out);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let (_, plain, _) = run(&fixture(), &["check", "src"]);
    assert!(!plain.contains('\u{1b}'), "no colour when piped");
    let (_, coloured, _) = run(&fixture(), &["check", "--color", "always", "src"]);
    assert!(coloured.contains('\u{1b}'));
}

#[test]
fn statistics_quiet_and_exit_zero() {
    let (code, out, _) = run(&fixture(), &["check", "--statistics", "src"]);
    assert_eq!(code, 1);
    assert_snapshot!(out);
    let (_, quiet, _) = run(&fixture(), &["check", "--quiet", "--output-format", "concise", "src"]);
    assert!(!quiet.contains("Found"));
    let (code, _, _) = run(&fixture(), &["check", "--exit-zero", "src"]);
    assert_eq!(code, 0);
}

#[test]
fn output_order_is_deterministic() {
    let (_, a, _) = run(&fixture(), &["check", "--output-format", "concise", "."]);
    let (_, b, _) = run(&fixture(), &["check", "--output-format", "concise", "src/helpers.rs", "src/lib.rs"]);
    let rows: Vec<&str> = a.lines().filter(|l| l.starts_with("src/")).collect();
    let mut sorted = rows.clone();
    sorted.sort_by_key(|l| {
        let mut parts = l.splitn(4, ':');
        let file = parts.next().unwrap().to_string();
        let line: usize = parts.next().unwrap().parse().unwrap();
        let col: usize = parts.next().unwrap().parse().unwrap();
        (file, line, col)
    });
    assert_eq!(rows, sorted);
    assert!(!rows.is_empty());
    // Checking the files one by one reports their own findings the same way.
    assert!(b.lines().filter(|l| l.starts_with("src/")).all(|l| a.contains(l)));
}

#[test]
fn selection_by_code_name_prefix_and_all() {
    let dir = fixture();
    let concise = |args: &[&str]| {
        let mut full = vec!["check", "--output-format", "concise", "--quiet"];
        full.extend_from_slice(args);
        full.push("src");
        run(&dir, &full).1
    };
    let only_sd002 = concise(&["--select", "SD002"]);
    assert!(only_sd002.lines().all(|l| l.contains(" SD002 ")) && !only_sd002.is_empty());
    let by_name = concise(&["--select", "missing-safety-doc"]);
    assert_eq!(only_sd002, by_name);
    assert!(concise(&["--select", "ALL", "--ignore", "SD,SUP"]).is_empty());
    let extended = concise(&["--select", "SD002", "--extend-select", "SD001"]);
    assert!(extended.contains(" SD001 ") && extended.contains(" SD002 "));

    let (code, _, err) = run(&dir, &["check", "--select", "XX999", "src"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown rule selector `XX999`"), "{err}");
}

#[test]
fn rules_and_rule_pages() {
    let dir = fixture();
    let (code, out, _) = run(&dir, &["rules"]);
    assert_eq!(code, 0);
    for rule in cpython_rs_lints::registry::all() {
        assert!(out.contains(rule.code) && out.contains(rule.name), "{} missing from `rules`", rule.code);
    }
    let (_, json, _) = run(&dir, &["rules", "--output-format", "json"]);
    let parsed: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed.len(), cpython_rs_lints::registry::all().count());

    let (code, page, _) = run(&dir, &["rule", "SD001"]);
    assert_eq!(code, 0);
    assert!(page.starts_with("# SD001: undocumented-unsafe"));
    let (_, by_name, _) = run(&dir, &["rule", "undocumented-unsafe"]);
    assert_eq!(page, by_name);
    let (code, _, err) = run(&dir, &["rule", "SD01"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean: SD001"), "{err}");
}

#[test]
fn config_file_is_discovered_upward() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "cpython-rs.toml", "select = [\"SD\"]\nignore = [\"SD002\"]\n");
    write(tmp.path(), "pkg/src/lib.rs", &format!("{UNDOCUMENTED}pub unsafe fn g() {{}}\n"));
    let (code, out, _) = run(&tmp.path().join("pkg"), &["check", "--output-format", "concise", "src"]);
    assert_eq!((code, out.contains("SD001"), out.contains("SD002")), (1, true, false), "{out}");
}

#[test]
fn cargo_metadata_tables_are_config() {
    for table in ["package", "workspace"] {
        let tmp = tempfile::tempdir().unwrap();
        let manifest = format!(
            "[{table}]\n{}\n[{table}.metadata.cpython-rs]\nselect = [\"SD002\"]\n",
            if table == "package" { "name = \"m\"\nversion = \"0.1.0\"" } else { "members = []" }
        );
        write(tmp.path(), "Cargo.toml", &manifest);
        write(tmp.path(), "src/lib.rs", UNDOCUMENTED);
        let (code, out, _) = run(tmp.path(), &["check", "--output-format", "concise"]);
        assert_eq!(code, 0, "[{table}.metadata.cpython-rs] not applied: {out}");
    }
}

#[test]
fn unknown_keys_and_codes_in_config_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "cpython-rs.toml", "selct = [\"RC\"]\n");
    write(tmp.path(), "src/lib.rs", UNDOCUMENTED);
    let (code, _, err) = run(tmp.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("cpython-rs.toml") && err.contains("selct"), "{err}");

    write(tmp.path(), "cpython-rs.toml", "ignore = [\"RC999\"]\n");
    let (code, _, err) = run(tmp.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("cpython-rs.toml") && err.contains("RC999"), "{err}");
}

#[test]
fn per_file_ignores_exclude_and_severity() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "cpython-rs.toml",
        "extend-select = [\"policy\"]\nexclude = [\"generated/**\"]\n[per-file-ignores]\n\"src/legacy/*.rs\" = [\"SD001\"]\n[severity]\nSD001 = \"error\"\n",
    );
    write(tmp.path(), "src/lib.rs", UNDOCUMENTED);
    write(tmp.path(), "src/legacy/old.rs", UNDOCUMENTED);
    write(tmp.path(), "generated/gen.rs", UNDOCUMENTED);
    let (code, out, _) = run(tmp.path(), &["check", "--output-format", "concise"]);
    assert_eq!(code, 1);
    assert!(out.contains("src/lib.rs:2:5: SD001"), "{out}");
    assert!(!out.contains("legacy") && !out.contains("generated"), "{out}");
    let (_, json, _) = run(tmp.path(), &["check", "--output-format", "json"]);
    assert!(json.contains("\"severity\": \"error\""), "{json}");
}

#[test]
fn explicit_config_and_show_settings() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "other.toml", "select = [\"SD\"]\nstage = 3\n[panic]\noverflow = true\n");
    write(tmp.path(), "src/lib.rs", UNDOCUMENTED);
    let (code, out, _) = run(tmp.path(), &["check", "--config", "other.toml", "--show-settings", "src"]);
    assert_eq!(code, 0);
    assert!(out.contains("config: other.toml"), "{out}");
    assert!(out.contains("stage: 3") && out.contains("panic.overflow: true"), "{out}");
    assert!(out.contains("SD001 undocumented-unsafe (warning, policy)"), "{out}");
    let (code, _, err) = run(tmp.path(), &["check", "--config", "missing.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.toml"), "{err}");
}

#[test]
fn suppressions_cover_line_line_above_and_items() {
    let tmp = tempfile::tempdir().unwrap();
    let text = r#"pub fn trailing(p: *const u8) -> u8 {
    unsafe { *p } // cpython-rs: allow(SD001, reason = "p is valid")
}

pub fn above(p: *const u8) -> u8 {
    // cpython-rs: allow(undocumented-unsafe, reason = "p is valid")
    unsafe { *p }
}

// cpython-rs: allow(SD001, reason = "the whole fn reads valid pointers")
#[inline]
pub fn item(p: *const u8) -> u8 {
    let a = unsafe { *p };
    a + unsafe { *p }
}

pub fn not_covered(p: *const u8) -> u8 {
    unsafe { *p }
}

pub fn no_reason(p: *const u8) -> u8 {
    // cpython-rs: allow(SD001)
    unsafe { *p }
}

// cpython-rs: allow(SD002, reason = "nothing to suppress")
pub fn unused() {}

// cpython-rs: allow(XY123, reason = "typo")
pub fn unknown() {}
"#;
    write(tmp.path(), "lib.rs", text);
    let (_, out, _) =
        run(tmp.path(), &["check", "--extend-select", "policy", "--output-format", "concise", "--quiet", "lib.rs"]);
    assert_snapshot!(out);
}

#[test]
fn unreadable_and_invalid_files_are_reported_and_others_still_checked() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "src/good.rs", UNDOCUMENTED);
    std::fs::write(tmp.path().join("src/binary.rs"), [0x89, b'P', b'N', b'G', 0, 0xff, 0xfe]).unwrap();
    std::fs::write(tmp.path().join("src/latin1.rs"), b"// caf\xe9\nfn f() {}\n").unwrap();
    write(tmp.path(), "src/broken.rs", "fn broken( {\n");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("nowhere.rs", tmp.path().join("src/dangling.rs")).unwrap();
        std::os::unix::fs::symlink("loop_b.rs", tmp.path().join("src/loop_a.rs")).unwrap();
        std::os::unix::fs::symlink("loop_a.rs", tmp.path().join("src/loop_b.rs")).unwrap();
        // A folder link back to its parent: walking must not follow it forever.
        std::os::unix::fs::symlink("..", tmp.path().join("src/up")).unwrap();
    }
    let (code, out, err) =
        run(tmp.path(), &["check", "--extend-select", "policy", "--output-format", "concise", "--quiet", "src"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.contains("src/good.rs:2:5: SD001"), "other files are still checked: {out}");
    assert!(out.contains("src/binary.rs:1:1: IO001 file is not valid UTF-8"), "{out}");
    assert!(out.contains("src/latin1.rs:1:7: IO001 file is not valid UTF-8 (invalid byte at offset 6)"), "{out}");
    assert!(out.contains("src/broken.rs:1:12: SY001 syntax error"), "{out}");
    #[cfg(unix)]
    {
        assert!(out.contains("src/dangling.rs:1:1: IO001"), "{out}");
        assert!(out.contains("src/loop_a.rs:1:1: IO001"), "{out}");
    }
}

#[cfg(unix)]
#[test]
fn permission_denied_is_io001() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "locked.rs", "fn f() {}\n");
    let path = tmp.path().join("locked.rs");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = std::fs::read(&path).is_ok(); // root reads everything
    let (code, out, _) = run(tmp.path(), &["check", "--output-format", "concise", "locked.rs"]);
    if readable_anyway {
        assert_eq!(code, 0, "{out}");
    } else {
        assert_eq!(code, 2);
        assert!(out.contains("locked.rs:1:1: IO001 cannot read file"), "{out}");
    }
}

#[test]
fn deep_nesting_is_reported_not_a_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let depth = 20_000;
    write(tmp.path(), "parens.rs", &format!("fn f() -> i32 {{ {}1{} }}\n", "(".repeat(depth), ")".repeat(depth)));
    write(tmp.path(), "unary.rs", &format!("fn f() -> bool {{ {}true }}\n", "!".repeat(depth)));
    write(tmp.path(), "blocks.rs", &format!("fn f() {{ {}{} }}\n", "{".repeat(depth), "}".repeat(depth)));
    // `x + x + ..` nests left in syn's tree: 20,000 terms are too deep, 1,000 are analysed.
    let long = vec!["x"; depth].join(" + ");
    write(tmp.path(), "long.rs", &format!("pub fn f(x: i32) -> i32 {{\n    unsafe {{ {long} }}\n}}\n"));
    let chain = vec!["x"; 1000].join(" + ");
    write(tmp.path(), "chain.rs", &format!("pub fn f(x: i32) -> i32 {{\n    unsafe {{ {chain} }}\n}}\n"));
    let (code, out, err) =
        run(tmp.path(), &["check", "--extend-select", "policy", "--output-format", "concise", "--quiet", "."]);
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("overflow") && !err.contains("panicked"), "{err}");
    for name in ["parens.rs", "unary.rs", "blocks.rs", "long.rs"] {
        let line = out.lines().find(|l| l.starts_with(name)).unwrap_or_default();
        assert!(line.contains("SY001 nested too deeply to analyse: more than 4096 levels here"), "{out}");
    }
    assert!(out.contains("chain.rs:2:5: SD001"), "{out}");
}

#[test]
fn large_files_are_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!("pub fn f{i}(x: i32) -> i32 {{\n    x + {i}\n}}\n"));
    }
    text.push_str(UNDOCUMENTED);
    write(tmp.path(), "big.rs", &text);
    let (code, out, _) =
        run(tmp.path(), &["check", "--extend-select", "policy", "--output-format", "concise", "--quiet", "big.rs"]);
    assert_eq!(code, 1);
    assert_eq!(out.trim(), "big.rs:60002:5: SD001 `unsafe` block without a `// SAFETY:` comment");
}

#[test]
fn staged_contents_not_the_working_tree() {
    let tmp = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let status = Command::new("git").args(args).current_dir(tmp.path()).output().unwrap();
        assert!(status.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&status.stderr));
    };
    git(&["init", "-q"]);
    write(tmp.path(), "cpython-rs.toml", "extend-select = [\"policy\"]\n");
    write(tmp.path(), "src/lib.rs", UNDOCUMENTED);
    git(&["add", "src/lib.rs"]);
    // The working tree is fixed after staging: --staged still sees the staged bug.
    write(tmp.path(), "src/lib.rs", "pub fn f() {}\n");
    let (code, out, _) = run(tmp.path(), &["check", "--staged", "--output-format", "concise"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("src/lib.rs:2:5: SD001"), "{out}");
    let (code, _, _) = run(tmp.path(), &["check", "--output-format", "concise"]);
    assert_eq!(code, 0);
    // And the other way round.
    git(&["add", "src/lib.rs"]);
    write(tmp.path(), "src/lib.rs", UNDOCUMENTED);
    let (code, _, _) = run(tmp.path(), &["check", "--staged"]);
    assert_eq!(code, 0);
}

#[test]
fn a_family_given_to_rule_lists_its_rules() {
    let output = Command::new(env!("CARGO_BIN_EXE_cpython-rs")).args(["rule", "rc"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("error: `rc` is a family of "), "{stderr}");
    assert!(stderr.contains("  RC001   new-ref-leak\n"), "{stderr}");
    assert!(stderr.contains("`cpython-rs rule RC001` shows one"), "{stderr}");
}
