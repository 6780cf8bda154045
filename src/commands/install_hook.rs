//! `cpython-rs install-hook`: a git pre-commit hook that runs
//! `cpython-rs check --staged`, so a commit with C-API mistakes in its staged
//! Rust files is refused.
//!
//! The hook goes where git looks for hooks (`git rev-parse --git-path hooks`,
//! which honours `core.hooksPath` and linked worktrees). An existing hook is
//! never overwritten: it is moved to `pre-commit.local` and run first. The
//! hook records what installing changed, so `--uninstall` can undo exactly that.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use clap::Args;

use crate::cli::exit;

/// The hook's file name.
const HOOK: &str = "pre-commit";
/// Where an existing hook is kept, and run from, while ours is installed.
const CHAINED: &str = "pre-commit.local";
/// First comment line of every hook this command writes.
const MARKER: &str = "# Installed by `cpython-rs install-hook`";
/// The comment that records what installing changed.
const STATE: &str = "# cpython-rs-hook-state:";

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cpython-rs install-hook\n  \
    cpython-rs install-hook --repo ~/src/cpython\n  \
    cpython-rs install-hook --uninstall")]
pub struct InstallHookArgs {
    /// Remove the hook and put back the one it replaced, if any
    #[arg(long)]
    pub uninstall: bool,
    /// Rewrite a cpython-rs hook that differs from what this version writes (edited, or from another install)
    #[arg(long, conflicts_with = "uninstall")]
    pub force: bool,
    /// The git repository [default: the one containing the current directory]
    #[arg(long, value_name = "DIR")]
    pub repo: Option<PathBuf>,
}

pub fn run(args: InstallHookArgs) -> u8 {
    let repo = args.repo.clone().unwrap_or_else(|| PathBuf::from("."));
    let outcome = hooks_dir(&repo).and_then(|hooks| {
        if args.uninstall {
            uninstall(&hooks)
        } else {
            let exe = std::env::current_exe().map_err(|e| format!("cannot tell where cpython-rs is installed: {e}"))?;
            install(&hooks, &exe, args.force)
        }
    });
    match outcome {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            exit::OK
        }
        Err(message) => {
            eprintln!("error: {message}");
            exit::ERROR
        }
    }
}

/// The hooks directory git uses for the working tree containing `repo`.
pub fn hooks_dir(repo: &Path) -> Result<PathBuf, String> {
    let top = git(repo, &["rev-parse", "--show-toplevel"])
        .map_err(|e| format!("`{}` is not inside a git working tree: {e}", repo.display()))?;
    let top = PathBuf::from(top);
    // Relative answers are relative to where git ran: run it at the top.
    let hooks = git(&top, &["rev-parse", "--git-path", "hooks"])?;
    Ok(top.join(hooks))
}

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git").args(args).current_dir(dir).output().map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim_end_matches(['\n', '\r']).to_owned())
}

/// What installing changed, recorded in the hook for `--uninstall`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct State {
    /// An existing hook was moved to `pre-commit.local`.
    chained: bool,
    /// The hooks directory did not exist (a fresh `core.hooksPath`).
    created_dir: bool,
}

impl State {
    fn parse(script: &str) -> Option<State> {
        let words = script.lines().find_map(|l| l.strip_prefix(STATE))?;
        let has = |word: &str| words.split_whitespace().any(|w| w == word);
        Some(State { chained: has("chained"), created_dir: has("created-dir") })
    }

    fn render(self) -> String {
        let mut words = Vec::new();
        if self.chained {
            words.push("chained");
        }
        if self.created_dir {
            words.push("created-dir");
        }
        if words.is_empty() {
            words.push("none");
        }
        format!("{STATE} {}", words.join(" "))
    }
}

/// The hook: the kept hook first (its failure stops the commit with its exit
/// code), then `check --staged` with this binary, or `cpython-rs` from PATH
/// if this binary has moved.
fn script(exe: &Path, state: State) -> String {
    let path = exe.to_string_lossy().replace('\\', "/");
    let (quoted, in_message) = (shell_quote(&path), double_quote_escape(&path));
    let chain = if state.chained {
        format!(
            "# Your previous hook, kept as {CHAINED}, runs first.\n\
             hooks_dir=$(dirname \"$0\")\n\
             if [ -x \"$hooks_dir/{CHAINED}\" ]; then\n    \"$hooks_dir/{CHAINED}\" \"$@\" || exit $?\nfi\n"
        )
    } else {
        String::new()
    };
    format!(
        "#!/bin/sh\n\
         {MARKER}: checks the staged Rust files for C-API mistakes.\n\
         # Undo with `cpython-rs install-hook --uninstall`; skip once with `git commit --no-verify`.\n\
         {state}\n\
         {chain}\
         cpython_rs={quoted}\n\
         if [ ! -x \"$cpython_rs\" ]; then\n    \
             cpython_rs=$(command -v cpython-rs) || {{\n        \
                 echo \"pre-commit: cpython-rs is not at {in_message} nor on PATH; reinstall it or run \\`cpython-rs install-hook --force\\`\" >&2\n        \
                 exit 1\n    \
             }}\n\
         fi\n\
         \"$cpython_rs\" check --staged\n\
         status=$?\n\
         if [ $status -ne 0 ]; then\n    \
             echo \"pre-commit: cpython-rs blocked this commit (exit $status); fix what it reports, or skip the check once with \\`git commit --no-verify\\`\" >&2\n\
         fi\n\
         exit $status\n",
        state = state.render(),
    )
}

/// `text` inside a double-quoted shell string.
fn double_quote_escape(text: &str) -> String {
    text.chars().fold(String::new(), |mut out, c| {
        if matches!(c, '"' | '$' | '`' | '\\') {
            out.push('\\');
        }
        out.push(c);
        out
    })
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// Install the hook in `hooks`; the lines to print, or why not.
pub fn install(hooks: &Path, exe: &Path, force: bool) -> Result<Vec<String>, String> {
    let hook = hooks.join(HOOK);
    let kept = hooks.join(CHAINED);
    match read_hook(&hook)? {
        None => {
            let created_dir = !hooks.is_dir();
            fs::create_dir_all(hooks).map_err(|e| io_error("create", hooks, e))?;
            write_hook(&hook, &script(exe, State { chained: false, created_dir }))?;
            Ok(vec![format!("installed the cpython-rs pre-commit hook: {}", hook.display())])
        }
        Some(Existing::Ours(text)) => {
            let state = State::parse(&text).unwrap_or_default();
            let expected = script(exe, state);
            if text == expected {
                return Ok(vec![format!("the cpython-rs pre-commit hook is already installed: {}", hook.display())]);
            }
            if !force {
                return Err(format!(
                    "{} was written by cpython-rs but differs from what this version writes (edited by hand, or \
                     installed by another cpython-rs); run `cpython-rs install-hook --force` to rewrite it",
                    hook.display()
                ));
            }
            write_hook(&hook, &expected)?;
            Ok(vec![format!("rewrote the cpython-rs pre-commit hook: {}", hook.display())])
        }
        Some(Existing::Foreign) => {
            if exists(&kept) {
                return Err(format!(
                    "{} already has a pre-commit hook, and {CHAINED} is taken too; refusing to overwrite either: \
                     merge them into one, then run `cpython-rs install-hook` again",
                    hooks.display()
                ));
            }
            fs::rename(&hook, &kept).map_err(|e| io_error("rename", &hook, e))?;
            let written = write_hook(&hook, &script(exe, State { chained: true, created_dir: false }));
            if let Err(err) = written {
                // Leave things as they were.
                let _ = fs::rename(&kept, &hook);
                return Err(err);
            }
            Ok(vec![
                format!("installed the cpython-rs pre-commit hook: {}", hook.display()),
                format!(
                    "kept the existing hook as {}: it runs first, and its failures still block commits",
                    kept.display()
                ),
            ])
        }
    }
}

/// Remove the hook and restore what installing changed.
pub fn uninstall(hooks: &Path) -> Result<Vec<String>, String> {
    let hook = hooks.join(HOOK);
    let kept = hooks.join(CHAINED);
    let text = match read_hook(&hook)? {
        None => return Ok(vec![format!("no pre-commit hook in {}: nothing to uninstall", hooks.display())]),
        Some(Existing::Foreign) => {
            return Ok(vec![format!("{} was not installed by cpython-rs: nothing to uninstall", hook.display())]);
        }
        Some(Existing::Ours(text)) => text,
    };
    let state = State::parse(&text).unwrap_or_default();
    let mut lines = vec![format!("removed the cpython-rs pre-commit hook: {}", hook.display())];
    if state.chained && exists(&kept) {
        fs::rename(&kept, &hook).map_err(|e| io_error("rename", &kept, e))?;
        lines.push(format!("restored the previous hook from {}", kept.display()));
    } else {
        fs::remove_file(&hook).map_err(|e| io_error("remove", &hook, e))?;
        if state.chained {
            lines.push(format!("{} is gone, so there was no previous hook to restore", kept.display()));
        }
    }
    if state.created_dir && fs::remove_dir(hooks).is_ok() {
        lines.push(format!("removed {}, which installing had created", hooks.display()));
    }
    Ok(lines)
}

enum Existing {
    /// Written by this command; its text.
    Ours(String),
    /// Anything else: another tool's hook, a symlink, a binary.
    Foreign,
}

fn read_hook(hook: &Path) -> Result<Option<Existing>, String> {
    match fs::symlink_metadata(hook) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error("read", hook, e)),
        Ok(meta) if !meta.file_type().is_file() => return Ok(Some(Existing::Foreign)),
        Ok(_) => {}
    }
    Ok(Some(match fs::read_to_string(hook) {
        Ok(text) if text.lines().nth(1).is_some_and(|l| l.starts_with(MARKER)) => Existing::Ours(text),
        _ => Existing::Foreign,
    }))
}

/// Whether anything (even a dangling symlink) is at `path`.
fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Write `text` to `hook` in one step, executable.
fn write_hook(hook: &Path, text: &str) -> Result<(), String> {
    let tmp = hook.with_file_name(format!("{HOOK}.cpython-rs-tmp"));
    fs::write(&tmp, text).map_err(|e| io_error("write", &tmp, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&tmp, fs::Permissions::from_mode(0o755)).map_err(|e| io_error("chmod", &tmp, e))?;
    }
    fs::rename(&tmp, hook).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io_error("write", hook, e)
    })
}

fn io_error(action: &str, path: &Path, err: io::Error) -> String {
    format!("cannot {action} {}: {err}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips() {
        for state in
            [State::default(), State { chained: true, created_dir: false }, State { chained: true, created_dir: true }]
        {
            assert_eq!(State::parse(&script(Path::new("/bin/cpython-rs"), state)), Some(state));
        }
    }

    #[test]
    fn paths_are_quoted_for_the_shell() {
        let text = script(Path::new("/opt/it's here/cpython-rs"), State::default());
        assert!(text.contains(r"cpython_rs='/opt/it'\''s here/cpython-rs'"), "{text}");
    }
}
