//! Shell completions, man pages and `--help` examples, all generated from the
//! one clap definition: they render, mention every subcommand, and the
//! examples in `--help` are commands this CLI accepts.

use std::process::Command;

use clap::{CommandFactory, Parser};
use clap_complete::Shell;
use cpython_rs::cli::Cli;
use cpython_rs::commands::completions::{write_completions, write_man_page, write_man_pages};

const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish];

fn subcommands() -> Vec<String> {
    Cli::command().get_subcommands().filter(|s| !s.is_hide_set()).map(|s| s.get_name().to_owned()).collect()
}

fn completions(shell: Shell) -> String {
    let mut out = Vec::new();
    write_completions(shell, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn is_installed(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn every_shell_completes_every_subcommand() {
    let names = subcommands();
    assert!(names.len() >= 7, "{names:?}");
    for shell in SHELLS {
        let script = completions(shell);
        for name in &names {
            assert!(script.contains(name.as_str()), "{shell} completions lack `{name}`");
        }
        // Options of the subcommands, not only their names (fish spells them `-l output-format`).
        for option in ["output-format", "uninstall", "man-dir"] {
            assert!(script.contains(option), "{shell} completions lack `{option}`");
        }
    }
}

#[test]
fn scripts_parse_in_the_shells_that_are_installed() {
    for (shell, program, flag) in
        [(Shell::Bash, "bash", "-n"), (Shell::Zsh, "zsh", "-n"), (Shell::Fish, "fish", "--no-execute")]
    {
        if !is_installed(program) {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("completions");
        std::fs::write(&path, completions(shell)).unwrap();
        let out = Command::new(program).arg(flag).arg(&path).output().unwrap();
        assert!(out.status.success(), "{program}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

/// Complete `words` (the last one being typed) with the bash script, as bash's
/// programmable completion would call it.
fn complete_in_bash(words: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cpython-rs.bash");
    std::fs::write(&path, completions(Shell::Bash)).unwrap();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let prev = words[cword - 1];
    let script = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={cword}\n_cpython__rs cpython-rs '{}' '{prev}'\necho \"${{COMPREPLY[*]}}\"\n",
        path.display(),
        quoted.join(" "),
        words[cword],
    );
    let out = Command::new("bash").arg("-c").arg(script).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn bash_completes_subcommands_their_options_and_values() {
    if !is_installed("bash") {
        return;
    }
    let top = complete_in_bash(&["cpython-rs", ""]);
    for name in subcommands() {
        assert!(top.split(' ').any(|w| w == name), "`{name}` missing from {top:?}");
    }
    // A hyphenated binary name used to break everything below the top level.
    assert_eq!(complete_in_bash(&["cpython-rs", "doctor", "--"]), "--cpython --output-format --help");
    assert_eq!(complete_in_bash(&["cpython-rs", "doctor", "--output-format", ""]), "text json");
    assert_eq!(complete_in_bash(&["cpython-rs", "install-hook", "--u"]), "--uninstall");
    assert_eq!(complete_in_bash(&["cpython-rs", "completions", "z"]), "zsh");
}

#[test]
fn fish_completes_subcommand_options_when_installed() {
    if !is_installed("fish") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cpython-rs.fish");
    std::fs::write(&path, completions(Shell::Fish)).unwrap();
    let script = format!("source '{}'; complete -C 'cpython-rs doctor --'", path.display());
    let out = Command::new("fish").arg("-c").arg(script).output().unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    let options: Vec<&str> = listed.lines().filter_map(|l| l.split('\t').next()).collect();
    assert_eq!(options, ["--cpython", "--help", "--output-format"], "{listed}");
}

#[test]
fn man_page_lists_every_subcommand() {
    let mut out = Vec::new();
    write_man_page(&mut out).unwrap();
    let page = String::from_utf8(out).unwrap();
    assert!(page.contains(".TH cpython-rs 1"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    for name in subcommands() {
        // roff escapes hyphens.
        let reference = format!("cpython\\-rs\\-{}(1)", name.replace('-', "\\-"));
        assert!(page.contains(&reference), "the man page lacks {reference}");
    }
}

#[test]
fn man_dir_gets_one_page_per_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let pages = write_man_pages(&dir.path().join("man1")).unwrap();
    let mut names: Vec<String> = pages.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    names.sort();
    let mut expected: Vec<String> = subcommands().iter().map(|s| format!("cpython-rs-{s}.1")).collect();
    expected.push("cpython-rs.1".to_owned());
    expected.sort();
    assert_eq!(names, expected);
    let doctor = std::fs::read_to_string(dir.path().join("man1/cpython-rs-doctor.1")).unwrap();
    assert!(doctor.contains("\\-\\-output\\-format"), "{doctor}");
    assert!(doctor.contains(".SH EXTRA") || doctor.contains("Examples:"), "{doctor}");
}

#[test]
fn the_binary_prints_completions_and_the_man_page() {
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_cpython-rs")).args(args).output().unwrap();
    let bash = run(&["completions", "bash"]);
    assert_eq!(bash.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&bash.stdout).contains("complete -F _cpython__rs"));
    let man = run(&["completions", "--man"]);
    assert_eq!(man.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH cpython-rs 1"));
    // One of SHELL, --man, --man-dir is required.
    assert_eq!(run(&["completions"]).status.code(), Some(2));
    assert_eq!(run(&["completions", "bash", "--man"]).status.code(), Some(2));
}

/// The lines under `Examples:` in a subcommand's `--help`.
fn examples(sub: &mut clap::Command) -> Vec<String> {
    let help = sub.render_long_help().to_string();
    let Some((_, tail)) = help.split_once("Examples:\n") else { return Vec::new() };
    tail.lines().map(str::trim).take_while(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// An example must be a command this CLI accepts, running `subcommand` when given.
fn assert_example_parses(line: &str, subcommand: Option<&str>) {
    // The command itself, without a redirection, a pipe or a comment in parentheses.
    let command = line.split(['|', '>', '(']).next().unwrap();
    let words: Vec<&str> = command.split_whitespace().collect();
    assert_eq!(words.first(), Some(&"cpython-rs"), "example does not run cpython-rs: {line}");
    if let Some(name) = subcommand {
        assert_eq!(words.get(1), Some(&name), "`{name}` example runs another subcommand: {line}");
    }
    if let Err(err) = Cli::try_parse_from(&words) {
        panic!("example does not parse: {line}\n{err}");
    }
}

#[test]
fn every_subcommand_help_has_examples_that_parse() {
    let mut cli = Cli::command();
    cli.build();
    let top = examples(&mut cli);
    assert!(top.len() >= 3, "{top:?}");
    for line in &top {
        assert_example_parses(line, None);
    }
    let mut missing = Vec::new();
    // `help` is clap's own.
    for sub in cli.get_subcommands_mut().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        let name = sub.get_name().to_owned();
        let lines = examples(sub);
        for line in &lines {
            assert_example_parses(line, Some(&name));
        }
        if lines.is_empty() {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "no `Examples:` in the --help of: {}", missing.join(", "));
}
