//! The real pre-commit framework runs this repository's `.pre-commit-hooks.yaml`.
//!
//! Slow by nature, and kept as cheap as it can be: pre-commit is pip-installed
//! into a virtualenv in the test's temporary directory, then builds cpython-rs
//! itself (`language: rust` means `cargo install --path .` on a clone of the
//! hook repository). That build goes to a target directory kept under
//! `target/tmp/` between runs and uses the lighter profile below, so it costs
//! minutes the first time on two cores and seconds afterwards. Because of that,
//! and because it needs PyPI, it is `#[ignore]`d: `.ci/run` runs it explicitly,
//! and `cargo test --workspace -- --include-ignored` runs it with the rest.
//!
//! The hook repository is a snapshot of this working tree (tracked and
//! untracked-but-not-ignored files), committed in a temporary repository, so
//! the hook under test is the one being edited, committed or not.

#![cfg(unix)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// An undocumented `unsafe` block: SD001.
const BAD: &str = "pub fn first(values: &[u8]) -> u8 {\n    let p = values.as_ptr();\n    unsafe { *p }\n}\n";
const GOOD: &str = "pub fn first(values: &[u8]) -> u8 {\n    values[0]\n}\n";

/// Generous: a cold `cargo install` on a busy two-core machine.
const TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// Everything the test starts runs with this environment.
struct Env {
    tmp: PathBuf,
}

impl Env {
    fn command(&self, program: impl AsRef<std::ffi::OsStr>, dir: &Path) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(dir)
            .stdin(Stdio::null())
            .env("PRE_COMMIT_HOME", self.tmp.join("pre-commit-home"))
            .env("PRE_COMMIT_COLOR", "never")
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
            .env("PIP_NO_INPUT", "1")
            // Reused between runs; the profile trades speed of the tool for speed of the build.
            .env("CARGO_TARGET_DIR", Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-hook-target"))
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
            .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
            .env("CARGO_PROFILE_RELEASE_INCREMENTAL", "true")
            .env("CARGO_TERM_PROGRESS_WHEN", "never")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE");
        command
    }

    fn venv(&self, program: &str) -> PathBuf {
        self.tmp.join("venv/bin").join(program)
    }

    /// Run to completion (or fail the test after [`TIMEOUT`]).
    fn run(&self, program: impl AsRef<std::ffi::OsStr>, args: &[&str], dir: &Path) -> Output {
        let mut command = self.command(program, dir);
        command.args(args);
        run_with_timeout(command)
    }

    fn run_ok(&self, program: impl AsRef<std::ffi::OsStr>, args: &[&str], dir: &Path) -> String {
        let description = format!("{} {args:?}", program.as_ref().to_string_lossy());
        let out = self.run(program, args, dir);
        assert!(out.status.success(), "{description} failed:\n{}", printed(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

fn printed(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn run_with_timeout(mut command: Command) -> Output {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("the program runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).map(|_| bytes).unwrap_or_default()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} did not finish in {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    Output { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}

/// A repository whose one commit is this working tree; its commit id.
fn snapshot_of_this_repository(env: &Env, dest: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listing = env.run_ok("git", &["ls-files", "-z", "--cached", "--others", "--exclude-standard"], root);
    std::fs::create_dir_all(dest).unwrap();
    for name in listing.split('\0').filter(|n| !n.is_empty()) {
        let from = root.join(name);
        // Deleted but not yet staged as such.
        if !from.is_file() {
            continue;
        }
        let to = dest.join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&from, &to).unwrap();
    }
    env.run_ok("git", &["init", "--quiet"], dest);
    env.run_ok("git", &["add", "--all"], dest);
    env.run_ok("git", &["commit", "--quiet", "--no-verify", "-m", "snapshot"], dest);
    env.run_ok("git", &["rev-parse", "HEAD"], dest).trim().to_owned()
}

/// `git commit` through the installed hook; whether it committed, and what was printed.
fn commit(env: &Env, project: &Path, message: &str) -> (bool, String) {
    let out = env.run("git", &["commit", "-m", message], project);
    (out.status.success(), printed(&out))
}

#[test]
#[ignore = "slow: pip-installs pre-commit from PyPI and builds cpython-rs with cargo install (minutes when cold)"]
fn slow_pre_commit_runs_the_hook_and_blocks_bad_commits() {
    let tmp = tempfile::tempdir().unwrap();
    let env = Env { tmp: tmp.path().to_path_buf() };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));

    // The real framework, from PyPI.
    env.run_ok("python3", &["-m", "venv", "venv"], tmp.path());
    env.run_ok(env.venv("python"), &["-m", "pip", "install", "--quiet", "pre-commit>=3,<5"], tmp.path());

    // The manifest is valid for pre-commit and says what it should.
    let manifest = root.join(".pre-commit-hooks.yaml");
    env.run_ok(env.venv("pre-commit"), &["validate-manifest", manifest.to_str().unwrap()], tmp.path());
    let script = "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))";
    let hooks: serde_json::Value =
        serde_json::from_str(&env.run_ok(env.venv("python"), &["-c", script, manifest.to_str().unwrap()], tmp.path()))
            .unwrap();
    let hook = &hooks[0];
    assert_eq!(hooks.as_array().unwrap().len(), 1, "{hooks}");
    assert_eq!(hook["id"], "cpython-rs-check");
    assert_eq!(hook["entry"], "cpython-rs check");
    assert_eq!(hook["language"], "rust");
    assert_eq!(hook["types"], serde_json::json!(["rust"]));
    assert_eq!(hook["pass_filenames"], true);
    assert_eq!(hook["require_serial"], false);

    // A project that uses the hook from (a snapshot of) this repository.
    let rev = snapshot_of_this_repository(&env, &tmp.path().join("hook-repo"));
    let project = tmp.path().join("project");
    std::fs::create_dir_all(project.join("src")).unwrap();
    env.run_ok("git", &["init", "--quiet"], &project);
    let config = format!(
        "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: cpython-rs-check\n",
        tmp.path().join("hook-repo").display()
    );
    std::fs::write(project.join(".pre-commit-config.yaml"), config).unwrap();
    // SAFETY comments are the fork's policy, on by default only in a CPython checkout.
    std::fs::write(project.join("cpython-rs.toml"), "extend-select = [\"policy\"]\n").unwrap();
    env.run_ok(env.venv("pre-commit"), &["install"], &project);

    // Bad: blocked, with the diagnostic.
    std::fs::write(project.join("src/lib.rs"), BAD).unwrap();
    env.run_ok("git", &["add", "--all"], &project);
    let (committed, printed) = commit(&env, &project, "bad");
    assert!(!committed, "{printed}");
    assert!(printed.contains("cpython-rs check"), "{printed}");
    assert!(printed.contains("Failed"), "{printed}");
    assert!(printed.contains("- hook id: cpython-rs-check"), "{printed}");
    assert!(printed.contains("SD001"), "{printed}");
    assert!(printed.contains("src/lib.rs"), "{printed}");

    // Good: passes.
    std::fs::write(project.join("src/lib.rs"), GOOD).unwrap();
    env.run_ok("git", &["add", "--all"], &project);
    let (committed, printed) = commit(&env, &project, "good");
    assert!(committed, "{printed}");
    assert!(printed.contains("cpython-rs check") && printed.contains("Passed"), "{printed}");
}
