//! `new-module` under faults, through the binary: SIGKILL at random points of
//! a run, then `--repair` or the next run; and two runs started together.
//!
//! The counts are small here so that `cargo test` stays quick;
//! `scripts/scaffold-faults.sh` runs the same tests with the counts
//! (300 kills, 60 pairs). `CPYTHON_RS_FAULT_KILLS`, `CPYTHON_RS_FAULT_PAIRS`
//! and `CPYTHON_RS_FAULT_SEED` set them.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cpython_rs_lints::buildfiles::{configure_ac, pcbuild, setup};

/// Every file of a tree and its bytes.
type Tree = BTreeMap<String, Vec<u8>>;

fn count(var: &str, default: usize) -> usize {
    std::env::var(var).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A copy of the fixture checkout without `Cargo.lock`, so that a run does not
/// spend its time in `cargo update` (the lock is cargo's to write, not ours).
fn checkout() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("cpython");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cpython"), &root);
    std::fs::remove_file(root.join("Cargo.lock")).unwrap();
    (tmp, root)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn tree(root: &Path) -> Tree {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap().to_string_lossy().into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn new_module(root: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cpython-rs"));
    command
        .arg("new-module")
        .args(args)
        .args(["--cpython", root.to_str().unwrap(), "--color", "never"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

fn start(root: &Path, name: &str) -> Child {
    new_module(root, &[name, "--api", "sys"]).spawn().expect("run cpython-rs")
}

/// xorshift64*: reproducible kill times from a seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }
}

/// Past the harness's capture: the numbers are the point of these tests.
fn say(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

#[test]
fn sigkill_anywhere_never_loses_a_file_and_repair_leaves_no_half_edited_tree() {
    let kills = count("CPYTHON_RS_FAULT_KILLS", 24);
    let mut rng = Rng(count("CPYTHON_RS_FAULT_SEED", 0x5eed) as u64 | 1);
    let (_tmp, pristine) = checkout();
    let before = tree(&pristine);
    // The tree a run leaves when nothing stops it, and how long a run takes.
    let (_done_tmp, done_root) = checkout();
    let started = Instant::now();
    let status = start(&done_root, "_x").wait().unwrap();
    let run_time = started.elapsed();
    assert!(status.success());
    let after = tree(&done_root);
    assert_ne!(before, after);

    let (mut deleted, mut half_edited, mut rolled_back, mut finished) = (0, 0, 0, 0);
    for i in 0..kills {
        let (_tmp, root) = checkout();
        let mut child = start(&root, "_x");
        let delay = rng.below(run_time.as_micros() as u64 * 6 / 5);
        std::thread::sleep(Duration::from_micros(delay));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = tree(&root);
        let missing: Vec<&String> = before.keys().filter(|p| !now.contains_key(*p)).collect();
        if !missing.is_empty() {
            say(&format!("kill {i} after {delay} us deleted {missing:?}"));
            deleted += missing.len();
        }
        // Half the time `--repair`, half the time the next run.
        if i % 2 == 0 {
            let out = new_module(&root, &["--repair"]).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        } else {
            let out = start(&root, "_x").wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            // Killed after its last rename, the run had in fact finished: the name is taken.
            assert!(out.status.success() || stderr.contains("already exists"), "{stderr}");
        }
        let repaired = tree(&root);
        if repaired == before {
            rolled_back += 1;
        } else if repaired == after {
            finished += 1;
        } else {
            half_edited += 1;
            let differ: Vec<&String> =
                after.keys().chain(repaired.keys()).filter(|p| after.get(*p) != repaired.get(*p)).collect();
            say(&format!("kill {i} after {delay} us: half-edited after repair: {differ:?}"));
        }
    }
    say(&format!(
        "{kills} SIGKILLs (run time {} ms): {deleted} deleted files, {half_edited} half-edited trees after repair \
         ({rolled_back} rolled back or untouched, {finished} complete)",
        run_time.as_millis()
    ));
    assert_eq!((deleted, half_edited), (0, 0));
}

/// Every registration of `name` in the checkout, by file.
fn registrations(root: &Path, name: &str) -> Vec<(&'static str, bool)> {
    let read = |rel: &str| std::fs::read_to_string(root.join(rel)).unwrap_or_default();
    let members = read("Cargo.toml");
    let staticlib = read("Modules/cpython-rust-staticlib/Cargo.toml");
    vec![
        ("Cargo.toml", members.contains(&format!("\"Modules/{name}\""))),
        ("Setup.stdlib.in", setup::entries(&read("Modules/Setup.stdlib.in")).iter().any(|e| e.name == name)),
        ("configure.ac", configure_ac::stdlib_mods(&read("configure.ac")).iter().any(|m| m.name == name)),
        ("staticlib Cargo.toml", staticlib.contains(&format!("{name} = "))),
        ("staticlib lib.rs", read("Modules/cpython-rust-staticlib/src/lib.rs").contains(&format!("{name}::"))),
        (
            "pcbuild.proj",
            pcbuild::extension_modules(&read("PCbuild/pcbuild.proj")).iter().any(|l| l.items.iter().any(|m| m == name)),
        ),
        (
            "readme.txt",
            pcbuild::project_lists(&read("PCbuild/readme.txt")).iter().any(|l| l.items.iter().any(|(_, m)| m == name)),
        ),
    ]
}

#[test]
fn two_runs_at_once_both_register_their_module() {
    let pairs = count("CPYTHON_RS_FAULT_PAIRS", 6);
    let mut lost = Vec::new();
    for pair in 0..pairs {
        let (_tmp, root) = checkout();
        let children = [start(&root, "_first_rs"), start(&root, "_second_rs")];
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "pair {pair}: {}", String::from_utf8_lossy(&out.stderr));
        }
        for name in ["_first_rs", "_second_rs"] {
            for (file, present) in registrations(&root, name) {
                if !present {
                    lost.push(format!("pair {pair}: `{name}` lost from {file}"));
                }
            }
        }
    }
    say(&format!("{pairs} concurrent pairs: {} lost registrations", lost.len()));
    assert!(lost.is_empty(), "{lost:#?}");
}

#[test]
fn a_read_only_registration_file_is_refused_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, root) = checkout();
    let configure = root.join("configure.ac");
    std::fs::set_permissions(&configure, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = tree(&root);
    let out = start(&root, "_x").wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("`configure.ac` is read-only; nothing was written"), "{stderr}");
    assert_eq!(tree(&root), before);
}

#[test]
fn doctor_reports_an_interrupted_scaffold_until_it_is_repaired() {
    let (_tmp, root) = checkout();
    let journal = root.join(cpython_rs::scaffold::journal::JOURNAL);
    // A run killed between two renames: its journal, its staged file and its backup.
    std::fs::write(
        root.join("Modules/.Setup.stdlib.in.cpython-rs.1.old"),
        std::fs::read(root.join("Modules/Setup.stdlib.in")).unwrap(),
    )
    .unwrap();
    std::fs::write(root.join("Modules/Setup.stdlib.in"), "half\n").unwrap();
    let record = serde_json::json!({
        "root": root,
        "created_dirs": [],
        "entries": [{
            "path": "Modules/Setup.stdlib.in",
            "staged": "Modules/.Setup.stdlib.in.cpython-rs.1.new",
            "backup": "Modules/.Setup.stdlib.in.cpython-rs.1.old",
            "after": "0"
        }]
    });
    std::fs::write(&journal, record.to_string()).unwrap();
    let doctor = Command::new(env!("CARGO_BIN_EXE_cpython-rs")).arg("doctor").current_dir(&root).output().unwrap();
    let stdout = String::from_utf8_lossy(&doctor.stdout);
    assert!(stdout.contains("fail  scaffold"), "{stdout}");
    assert!(stdout.contains("cpython-rs new-module --repair"), "{stdout}");
    let out = new_module(&root, &["--repair"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rolled back"));
    assert!(!journal.exists());
    assert_eq!(
        std::fs::read_to_string(root.join("Modules/Setup.stdlib.in")).unwrap(),
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cpython/Modules/Setup.stdlib.in")
        )
        .unwrap()
    );
}

#[test]
fn an_interrupted_out_of_tree_run_is_undone_by_the_next_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("proto");
    std::fs::create_dir(&dir).unwrap();
    // Killed after staging its manifest: the journal and the staged file.
    std::fs::write(dir.join(".Cargo.toml.cpython-rs.1.new"), "[package]\n").unwrap();
    let record = serde_json::json!({
        "root": dir,
        "created_dirs": [],
        "entries": [{ "path": "Cargo.toml", "staged": ".Cargo.toml.cpython-rs.1.new", "backup": null, "after": "0" }]
    });
    std::fs::write(dir.join(cpython_rs::scaffold::journal::JOURNAL), record.to_string()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cpython-rs"))
        .args(["new-module", "_proto", "--out-of-tree", "proto", "--color", "never"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("rolled back"), "{stderr}");
    let left: Vec<String> = tree(&dir).into_keys().filter(|p| p.contains("cpython-rs")).collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(dir.join("Cargo.toml").is_file());
}
