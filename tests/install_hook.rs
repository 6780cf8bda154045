//! `cpython-rs install-hook` in temporary git repositories: real `git commit`s
//! go through the installed hook, which runs `cpython-rs check --staged`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, MutexGuard};

use tempfile::TempDir;

/// An undocumented `unsafe` block: SD001.
const BAD: &str = "pub fn first(values: &[u8]) -> u8 {\n    let p = values.as_ptr();\n    unsafe { *p }\n}\n";
const GOOD: &str = "pub fn first(values: &[u8]) -> u8 {\n    values[0]\n}\n";

/// One test at a time: a script written by one test while another forks a
/// child can make exec fail (ETXTBSY), and the tests are quick anyway.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// A temporary git repository with a first commit, isolated from the user's git config.
struct Repo {
    dir: TempDir,
}

impl Repo {
    fn new() -> Self {
        let repo = Repo { dir: tempfile::tempdir().unwrap() };
        repo.git_ok(&["init", "--quiet", "--initial-branch=main"]);
        repo.write("README.md", "a test repository\n");
        // SAFETY comments are the fork's policy, on by default only in a CPython checkout.
        repo.write("cpython-rs.toml", "extend-select = [\"policy\"]\n");
        repo.git_ok(&["add", "README.md", "cpython-rs.toml"]);
        repo.git_ok(&["commit", "--quiet", "-m", "first"]);
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn command(&self, program: impl AsRef<std::ffi::OsStr>, dir: &Path) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(dir)
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

    fn git_in(&self, dir: &Path, args: &[&str]) -> Output {
        self.command("git", dir).args(args).output().unwrap()
    }

    fn git(&self, args: &[&str]) -> Output {
        self.git_in(self.path(), args)
    }

    fn git_ok(&self, args: &[&str]) -> String {
        let out = self.git(args);
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    fn cpython_rs_in(&self, dir: &Path, args: &[&str]) -> Output {
        self.command(env!("CARGO_BIN_EXE_cpython-rs"), dir).args(args).output().unwrap()
    }

    fn cpython_rs(&self, args: &[&str]) -> Output {
        self.cpython_rs_in(self.path(), args)
    }

    fn install(&self, args: &[&str]) -> String {
        let out = self.cpython_rs(&[&["install-hook"], args].concat());
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        self.redact(&out.stdout)
    }

    fn write(&self, path: &str, text: &str) -> PathBuf {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    fn executable(&self, path: &str, text: &str) -> PathBuf {
        let path = self.write(path, text);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        path
    }

    fn head(&self) -> String {
        self.git_ok(&["rev-parse", "HEAD"])
    }

    /// `git commit`; whether a commit was made, and everything printed.
    fn commit(&self, message: &str) -> (bool, String) {
        let before = self.head();
        let out = self.git(&["commit", "--quiet", "-m", message]);
        let printed = format!("{}{}", self.redact(&out.stdout), self.redact(&out.stderr));
        let committed = self.head() != before;
        assert_eq!(committed, out.status.success(), "{printed}");
        (committed, printed)
    }

    fn redact(&self, bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).replace(&self.path().display().to_string(), "[REPO]")
    }
}

/// Every file under `dir`: relative path -> (executable, contents).
fn snapshot_dir(dir: &Path) -> BTreeMap<String, (bool, Vec<u8>)> {
    let mut files = BTreeMap::new();
    if !dir.exists() {
        return files;
    }
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.unwrap();
        let meta = std::fs::symlink_metadata(entry.path()).unwrap();
        #[cfg(unix)]
        let executable = std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o111 != 0;
        #[cfg(not(unix))]
        let executable = false;
        let contents = if meta.is_file() { std::fs::read(entry.path()).unwrap() } else { Vec::new() };
        let name = entry.path().strip_prefix(dir).unwrap().display().to_string();
        files.insert(name, (executable, contents));
    }
    files
}

#[test]
fn checks_the_staged_contents_not_the_working_tree() {
    let _serial = serial();
    let repo = Repo::new();
    insta::assert_snapshot!(repo.install(&[]), @"installed the cpython-rs pre-commit hook: [REPO]/.git/hooks/pre-commit");

    // Bad staged, fixed only in the working tree: blocked.
    repo.write("src/lib.rs", BAD);
    repo.git_ok(&["add", "src/lib.rs"]);
    repo.write("src/lib.rs", GOOD);
    let (committed, printed) = repo.commit("bad staged");
    assert!(!committed, "{printed}");
    assert!(printed.contains("SD001"), "{printed}");
    assert!(printed.contains("pre-commit: cpython-rs blocked this commit (exit 1)"), "{printed}");
    assert!(printed.contains("`git commit --no-verify`"), "{printed}");

    // Good staged, broken only in the working tree: passes.
    repo.git_ok(&["add", "src/lib.rs"]);
    repo.write("src/lib.rs", BAD);
    let (committed, printed) = repo.commit("good staged");
    assert!(committed, "{printed}");
    assert!(!printed.contains("SD001"), "{printed}");
}

#[test]
fn commit_all_and_commit_paths_check_what_they_commit() {
    let _serial = serial();
    let repo = Repo::new();
    repo.install(&[]);
    repo.write("src/lib.rs", GOOD);
    repo.git_ok(&["add", "src/lib.rs"]);
    assert!(repo.commit("good").0);

    // `git commit -a` and `git commit <path>` commit from a temporary index (GIT_INDEX_FILE).
    repo.write("src/lib.rs", BAD);
    let out = repo.git(&["commit", "-a", "-m", "all"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("SD001"));
    let out = repo.git(&["commit", "src/lib.rs", "-m", "path"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("SD001"));
}

#[test]
fn commits_without_rust_files_pass() {
    let _serial = serial();
    let repo = Repo::new();
    repo.install(&[]);
    repo.write("notes.txt", "unsafe { }\n");
    repo.git_ok(&["add", "notes.txt"]);
    let (committed, printed) = repo.commit("notes");
    assert!(committed, "{printed}");
}

#[test]
fn an_existing_hook_is_kept_and_runs_first() {
    let _serial = serial();
    let repo = Repo::new();
    let legacy = "#!/bin/sh\necho \"legacy hook ran\" >&2\nexit 3\n";
    repo.executable(".git/hooks/pre-commit", legacy);

    let printed = repo.install(&[]);
    assert_eq!(
        printed,
        "installed the cpython-rs pre-commit hook: [REPO]/.git/hooks/pre-commit\n\
         kept the existing hook as [REPO]/.git/hooks/pre-commit.local: it runs first, and its failures still block commits\n"
    );
    let kept = repo.path().join(".git/hooks/pre-commit.local");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), legacy);

    // The kept hook's failure blocks the commit, with its own exit code.
    repo.write("src/lib.rs", GOOD);
    repo.git_ok(&["add", "src/lib.rs"]);
    let (committed, printed) = repo.commit("blocked by the legacy hook");
    assert!(!committed);
    assert!(printed.contains("legacy hook ran"), "{printed}");
    let direct = repo.command(repo.path().join(".git/hooks/pre-commit"), repo.path()).output().unwrap();
    assert_eq!(direct.status.code(), Some(3));

    // When it passes, cpython-rs runs after it.
    repo.executable(".git/hooks/pre-commit.local", "#!/bin/sh\necho \"legacy hook ran\" >&2\n");
    let (committed, printed) = repo.commit("good");
    assert!(committed, "{printed}");
    assert!(printed.contains("legacy hook ran"), "{printed}");
    repo.write("src/lib.rs", BAD);
    repo.git_ok(&["add", "src/lib.rs"]);
    let (committed, printed) = repo.commit("bad");
    assert!(!committed);
    assert!(printed.contains("legacy hook ran") && printed.contains("SD001"), "{printed}");
}

#[test]
fn installing_twice_changes_nothing() {
    let _serial = serial();
    let repo = Repo::new();
    repo.executable(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n");
    repo.install(&[]);
    let hooks = repo.path().join(".git/hooks");
    let once = snapshot_dir(&hooks);
    insta::assert_snapshot!(
        repo.install(&[]),
        @"the cpython-rs pre-commit hook is already installed: [REPO]/.git/hooks/pre-commit"
    );
    assert_eq!(snapshot_dir(&hooks), once);
    assert!(!hooks.join("pre-commit.local.local").exists());
}

#[test]
fn uninstall_restores_the_previous_state_exactly() {
    let _serial = serial();
    for previous in [None, Some("#!/bin/sh\necho mine\n")] {
        let repo = Repo::new();
        let hooks = repo.path().join(".git/hooks");
        if let Some(text) = previous {
            repo.executable(".git/hooks/pre-commit", text);
        }
        let before = snapshot_dir(&hooks);
        repo.install(&[]);
        assert_ne!(snapshot_dir(&hooks), before);
        let printed = repo.install(&["--uninstall"]);
        assert!(printed.starts_with("removed the cpython-rs pre-commit hook: [REPO]/.git/hooks/pre-commit\n"));
        assert_eq!(snapshot_dir(&hooks), before, "previous hook: {previous:?}");
        // Nothing left to undo.
        let again = repo.install(&["--uninstall"]);
        let expected = match previous {
            None => "no pre-commit hook in [REPO]/.git/hooks: nothing to uninstall\n",
            Some(_) => "[REPO]/.git/hooks/pre-commit was not installed by cpython-rs: nothing to uninstall\n",
        };
        assert_eq!(again, expected);
        assert_eq!(snapshot_dir(&hooks), before);
    }
}

#[test]
fn never_overwrites_what_it_did_not_write() {
    let _serial = serial();
    let repo = Repo::new();
    let hooks = repo.path().join(".git/hooks");
    repo.executable(".git/hooks/pre-commit", "#!/bin/sh\necho one\n");
    repo.executable(".git/hooks/pre-commit.local", "#!/bin/sh\necho two\n");
    let before = snapshot_dir(&hooks);

    let out = repo.cpython_rs(&["install-hook"]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(repo.redact(&out.stderr), @"error: [REPO]/.git/hooks already has a pre-commit hook, and pre-commit.local is taken too; refusing to overwrite either: merge them into one, then run `cpython-rs install-hook` again");
    repo.install(&["--uninstall"]);
    assert_eq!(snapshot_dir(&hooks), before);
}

#[test]
fn an_edited_hook_is_rewritten_only_with_force() {
    let _serial = serial();
    let repo = Repo::new();
    repo.install(&[]);
    let hook = repo.path().join(".git/hooks/pre-commit");
    let original = std::fs::read_to_string(&hook).unwrap();
    let edited = original.replace("check --staged", "check --staged --select SD");
    std::fs::write(&hook, &edited).unwrap();

    let out = repo.cpython_rs(&["install-hook"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(repo.redact(&out.stderr).starts_with(
        "error: [REPO]/.git/hooks/pre-commit was written by cpython-rs but differs from what this version writes"
    ));
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), edited);

    insta::assert_snapshot!(repo.install(&["--force"]), @"rewrote the cpython-rs pre-commit hook: [REPO]/.git/hooks/pre-commit");
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), original);
}

#[test]
fn honours_core_hooks_path() {
    let _serial = serial();
    let repo = Repo::new();
    repo.git_ok(&["config", "core.hooksPath", ".githooks"]);
    // Run from a subdirectory: the relative hooksPath is still the top's.
    std::fs::create_dir_all(repo.path().join("src")).unwrap();
    let out = repo.cpython_rs_in(&repo.path().join("src"), &["install-hook"]);
    assert_eq!(repo.redact(&out.stdout), "installed the cpython-rs pre-commit hook: [REPO]/.githooks/pre-commit\n");
    assert!(!repo.path().join(".git/hooks/pre-commit").exists());

    repo.write("src/lib.rs", BAD);
    repo.git_ok(&["add", "src/lib.rs"]);
    let (committed, printed) = repo.commit("bad");
    assert!(!committed && printed.contains("SD001"), "{printed}");

    // .githooks did not exist before: uninstalling removes it again.
    let printed = repo.install(&["--uninstall"]);
    assert!(printed.ends_with("removed [REPO]/.githooks, which installing had created\n"), "{printed}");
    assert!(!repo.path().join(".githooks").exists());
}

#[test]
fn linked_worktrees_share_the_hook() {
    let _serial = serial();
    let repo = Repo::new();
    let worktree = repo.path().join("wt");
    repo.git_ok(&["worktree", "add", "--quiet", "-b", "feature", worktree.to_str().unwrap()]);
    let out = repo.cpython_rs_in(&worktree, &["install-hook"]);
    assert_eq!(repo.redact(&out.stdout), "installed the cpython-rs pre-commit hook: [REPO]/.git/hooks/pre-commit\n");

    std::fs::write(worktree.join("lib.rs"), BAD).unwrap();
    let add = repo.git_in(&worktree, &["add", "lib.rs"]);
    assert!(add.status.success());
    let commit = repo.git_in(&worktree, &["commit", "--quiet", "-m", "bad"]);
    assert!(!commit.status.success());
    assert!(String::from_utf8_lossy(&commit.stderr).contains("SD001"));
}

#[test]
fn outside_a_repository_is_an_error() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cpython-rs"))
        .arg("install-hook")
        .current_dir(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .env_remove("GIT_DIR")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("error: `.` is not inside a git working tree"), "{stderr}");
}
