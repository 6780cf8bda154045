//! docs/devguide/tutorial.md, executed: every `$ cpython-rs ...` (and `git ...`)
//! line of its ```console blocks runs against a copy of the fixture checkout,
//! in order, and must print what the page shows; the files the page has the
//! reader write (```diff blocks, and blocks after `<!-- tutorial: write PATH -->`)
//! are applied to that copy first, so the page and the tool cannot drift apart.
//! Wherever the page runs `check` on the module it wrote, that code must also
//! compile without warnings (against tests/fixtures/tutorial/cpython_sys.rs).
//!
//! ```sh blocks (clone, configure, make, ./python) are not run; the one marked
//! `<!-- tutorial: regenerate configure -->` has its effect on the files `check`
//! reads reproduced (`regenerate_configure`). Output is
//! compared after putting `/home/you` in place of the temporary directory and
//! masking the doctor lines that depend on the machine (tool versions, target,
//! libclang). After a deliberate change of the tool's output, rewrite the page
//! with `CPYTHON_RS_BLESS=1 cargo test --test tutorial`, then read its diff.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;

const TUTORIAL: &str = "docs/devguide/tutorial.md";
/// The module the tutorial writes; its code must compile wherever the page checks it.
const MODULE_LIB: &str = "Modules/_bisect_rs/src/lib.rs";
/// Where the page says the reader's checkout is.
const SHOWN_HOME: &str = "/home/you";
/// Doctor checks whose result depends on the machine, not on the checkout.
const MACHINE_CHECKS: &[&str] = &["rustc", "cargo", "target", "libclang"];

/// One step of the page, in order.
#[derive(Debug)]
enum Step {
    /// `$ command` and the output shown under it (`lines` of the page, 0-based, end exclusive).
    Run { line: usize, command: String, expected: String, lines: (usize, usize), status: i32 },
    /// A whole file, written.
    Write { path: String, text: String },
    /// A unified diff, applied hunk by hunk.
    Patch { line: usize, diff: String },
    /// A ```sh block that regenerates `configure`: the test does the same.
    RegenerateConfigure,
}

/// A fenced block: its info string, body and the page lines of the body.
struct Block {
    info: String,
    directive: Option<String>,
    start: usize,
    body: Vec<String>,
}

fn blocks(page: &str) -> Vec<Block> {
    let lines: Vec<&str> = page.lines().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(info) = lines[i].strip_prefix("```") else {
            i += 1;
            continue;
        };
        let directive = lines[..i]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty())
            .and_then(|l| l.trim().strip_prefix("<!-- tutorial:"))
            .and_then(|l| l.strip_suffix("-->"))
            .map(|d| d.trim().to_string());
        let start = i + 1;
        let end = (start..lines.len()).find(|&j| lines[j].starts_with("```")).expect("an unclosed code block");
        let body = lines[start..end].iter().map(|l| l.to_string()).collect();
        blocks.push(Block { info: info.trim().to_string(), directive, start, body });
        i = end + 1;
    }
    blocks
}

fn steps(page: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for block in blocks(page) {
        let directive = block.directive.as_deref();
        let line = block.start;
        match (block.info.as_str(), directive) {
            ("console", d) => {
                let status = match d {
                    None => 0,
                    Some(d) => d
                        .strip_prefix("status ")
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or_else(|| panic!("{TUTORIAL}:{line}: unknown console directive `{d}`")),
                };
                console_steps(&block, status, &mut steps);
            }
            ("diff", None) => steps.push(Step::Patch { line, diff: block.body.join("\n") }),
            ("sh", Some("regenerate configure")) => steps.push(Step::RegenerateConfigure),
            (_, Some(d)) if d.starts_with("write ") => {
                let path = d["write ".len()..].trim().to_string();
                steps.push(Step::Write { path, text: block.body.join("\n") + "\n" });
            }
            (info, Some(d)) => panic!("{TUTORIAL}:{line}: directive `{d}` does not apply to a ```{info} block"),
            _ => {}
        }
    }
    steps
}

/// `$ ` lines are commands; the lines up to the next command are their output.
fn console_steps(block: &Block, status: i32, steps: &mut Vec<Step>) {
    let mut i = 0;
    while i < block.body.len() {
        let line = block.start + i;
        let command = block.body[i]
            .strip_prefix("$ ")
            .unwrap_or_else(|| panic!("{TUTORIAL}:{}: a console block must start with a `$ ` command", line + 1));
        let end = (i + 1..block.body.len()).find(|&j| block.body[j].starts_with("$ ")).unwrap_or(block.body.len());
        steps.push(Step::Run {
            line: line + 1,
            command: command.to_string(),
            expected: block.body[i + 1..end].join("\n"),
            lines: (line + 1, block.start + end),
            status,
        });
        i = end;
    }
}

/// Words of a command line: whitespace-separated, with '...' or "..." quoting.
fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut in_word = false;
    for c in command.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    assert!(quote.is_none(), "unbalanced quote in `{command}`");
    if in_word {
        words.push(word);
    }
    words
}

/// Lines without trailing blanks; no trailing empty lines.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let end = lines.iter().rposition(|l| !l.is_empty()).map_or(0, |i| i + 1);
    lines[..end].join("\n")
}

/// `  pass  rustc  1.95.0 (...)`: the status and text of a machine-dependent
/// doctor check, and the `fix:` line under it, are not compared.
fn mask_machine(text: &str) -> String {
    let mut out = Vec::new();
    let mut masked = false;
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let is_check = line.starts_with("  ")
            && words.len() >= 2
            && matches!(words[0], "pass" | "fail" | "warn" | "skip")
            && MACHINE_CHECKS.contains(&words[1]);
        if is_check {
            out.push(format!("  [{}: depends on the machine]", words[1]));
            masked = true;
        } else if masked && words.first() == Some(&"fix:") {
            continue;
        } else {
            masked = false;
            out.push(line.to_string());
        }
    }
    out.join("\n")
}

/// A copy of the fixture checkout at `<tmp>/cpython`, with the generated
/// `configure` a clone has, committed as a fresh clone would be.
fn checkout() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("cpython");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cpython"), &root);
    regenerate_configure(&root);
    git(&root, &["init", "--quiet"]);
    git(&root, &["add", "--all"]);
    git(&root, &["commit", "--quiet", "-m", "A fresh clone"]);
    (tmp, root)
}

/// The part of a generated `configure` that doctor and BW001 read.
const CONFIGURE_HEAD: &str = r#"#! /bin/sh
# Guess values for system-dependent variables and create Makefiles.
# Generated by GNU Autoconf 2.72 for python 3.15.
#
# Excerpt written by tests/tutorial.rs in place of Tools/build/regen-configure.sh:
# the Rust check and each stdlib module's MODULE_<NAME>_TRUE substitution.

if test "x$CARGO" = xno
then :
  HAVE_CARGO=no
else case e in #(
  e) HAVE_CARGO=yes ;;
esac
fi
"#;

/// What `Tools/build/regen-configure.sh` does for the files cpython-rs reads: a
/// `configure` that knows every module `configure.ac` declares (the fixture
/// checkout has only `configure.ac`).
fn regenerate_configure(root: &Path) {
    let ac = std::fs::read_to_string(root.join("configure.ac")).expect("configure.ac");
    let mut configure = CONFIGURE_HEAD.to_string();
    for line in ac.lines() {
        let Some(rest) = line.strip_prefix("PY_STDLIB_MOD(").or_else(|| line.strip_prefix("PY_STDLIB_MOD_SIMPLE("))
        else {
            continue;
        };
        let Some(name) = rest.strip_prefix('[').and_then(|r| r.split(']').next()) else { continue };
        let upper = name.to_uppercase();
        configure.push_str(&format!(
            "\n  as_fn_append MODULE_BLOCK \"MODULE_{upper}_STATE=$py_cv_module_{name}$as_nl\"\n   \
             if test \"$py_cv_module_{name}\" = yes; then\n  MODULE_{upper}_TRUE=\n  MODULE_{upper}_FALSE='#'\n\
             else\n  MODULE_{upper}_TRUE='#'\n  MODULE_{upper}_FALSE=\nfi\n"
        ));
    }
    std::fs::write(root.join("configure"), configure).expect("write configure");
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let target = to.join(entry.path().strip_prefix(from).expect("inside the fixture"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create dir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// A command isolated from the user's git config, colours and libclang setting.
fn command(program: &str, cwd: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "You")
        .env("GIT_AUTHOR_EMAIL", "you@example.com")
        .env("GIT_COMMITTER_NAME", "You")
        .env("GIT_COMMITTER_EMAIL", "you@example.com")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .env_remove("LIBCLANG_PATH")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
    command
}

fn git(cwd: &Path, args: &[&str]) {
    let output = command("git", cwd).args(args).output().expect("run git");
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// Run a page command with stdout and stderr interleaved, as a terminal shows them.
fn run(command_line: &str, cwd: &Path) -> (i32, String) {
    let words = words(command_line);
    let program = match words[0].as_str() {
        "cpython-rs" => env!("CARGO_BIN_EXE_cpython-rs"),
        "git" => "git",
        other => {
            panic!("the tutorial test runs only `cpython-rs` and `git` commands, not `{other}` (use a ```sh block)")
        }
    };
    let output =
        command("sh", cwd).arg("-c").arg("\"$0\" \"$@\" 2>&1").arg(program).args(&words[1..]).output().expect("run sh");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).into_owned())
}

/// One hunk of a unified diff: its file, the numbers of its `@@` line, and its lines.
struct Hunk {
    file: PathBuf,
    header: Vec<isize>,
    old: Vec<String>,
    new: Vec<String>,
}

/// The hunks of a ```diff block, in order.
fn hunks(root: &Path, diff: &str, line: usize) -> Vec<Hunk> {
    let mut path = None;
    let mut hunks: Vec<Hunk> = Vec::new();
    for text in diff.lines() {
        if let Some(p) = text.strip_prefix("+++ ") {
            path = Some(root.join(p.trim().trim_start_matches("b/")));
        } else if text.starts_with("--- ") {
            continue;
        } else if text.starts_with("@@") {
            let file = path.clone().unwrap_or_else(|| panic!("{TUTORIAL}:{line}: a hunk before the `+++` line"));
            hunks.push(Hunk { file, header: hunk_header(text), old: Vec::new(), new: Vec::new() });
        } else {
            let hunk = hunks.last_mut().unwrap_or_else(|| panic!("{TUTORIAL}:{line}: text before the first hunk"));
            match text.split_at(text.len().min(1)) {
                ("+", rest) => hunk.new.push(rest.to_string()),
                ("-", rest) => hunk.old.push(rest.to_string()),
                (" " | "", rest) => {
                    hunk.old.push(rest.to_string());
                    hunk.new.push(rest.to_string());
                }
                _ => panic!("{TUTORIAL}:{line}: `{text}` is not a diff line"),
            }
        }
    }
    assert!(!hunks.is_empty(), "{TUTORIAL}:{line}: a diff block without hunks");
    hunks
}

/// Apply a unified diff: each hunk's old lines must occur exactly once in its
/// file, where its `@@ -a,b +c,d @@` line (if it has numbers) says.
fn patch(root: &Path, diff: &str, line: usize) {
    let mut shifts: Vec<(PathBuf, isize)> = Vec::new();
    for Hunk { file, header, old, new } in hunks(root, diff, line) {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let lines: Vec<&str> = text.lines().collect();
        let at: Vec<usize> = (0..=lines.len().saturating_sub(old.len()))
            .filter(|&i| lines[i..].len() >= old.len() && lines[i..i + old.len()] == old[..])
            .collect();
        assert!(
            at.len() == 1,
            "{TUTORIAL}:{line}: a hunk's old lines occur {} times in {}, not once:\n{}",
            at.len(),
            file.display(),
            old.join("\n")
        );
        let shift: isize = shifts.iter().filter(|(f, _)| *f == file).map(|(_, d)| d).sum();
        let found = [at[0] as isize + 1 - shift, old.len() as isize, at[0] as isize + 1, new.len() as isize];
        assert!(
            header.is_empty() || header == found,
            "{TUTORIAL}:{line}: the hunk header says {header:?} but the hunk is at -{},{} +{},{}",
            found[0],
            found[1],
            found[2],
            found[3]
        );
        shifts.push((file.clone(), new.len() as isize - old.len() as isize));
        let mut out: Vec<String> = lines[..at[0]].iter().map(|l| l.to_string()).collect();
        out.extend(new);
        out.extend(lines[at[0] + old.len()..].iter().map(|l| l.to_string()));
        std::fs::write(&file, out.join("\n") + "\n").expect("write patched file");
    }
}

/// The numbers of `@@ -a,b +c,d @@`; none for a bare `@@`.
fn hunk_header(text: &str) -> Vec<isize> {
    text.trim_start_matches('@')
        .split("@@")
        .next()
        .unwrap_or("")
        .split([' ', ',', '-', '+'])
        .filter(|w| !w.is_empty())
        .map(|w| w.parse().unwrap_or_else(|_| panic!("`{text}` is not a hunk header")))
        .collect()
}

#[test]
fn the_tutorial_runs_as_written() {
    let page_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TUTORIAL);
    let page = std::fs::read_to_string(&page_path).expect("read the tutorial");
    let (tmp, root) = checkout();
    let home = tmp.path().to_string_lossy().into_owned();
    let canonical_home = tmp.path().canonicalize().expect("canonical temp dir").to_string_lossy().into_owned();
    let bless = std::env::var_os("CPYTHON_RS_BLESS").is_some();
    let mut cwd = root.clone();
    let mut failures = Vec::new();
    let mut rewrites = Vec::new();
    let mut ran = 0;
    let mut wrote_module = false;
    for step in steps(&page) {
        match step {
            Step::Write { path, text } => {
                wrote_module |= path == MODULE_LIB;
                let file = root.join(path);
                std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                std::fs::write(file, text).unwrap();
            }
            Step::Patch { line, diff } => patch(&root, &diff, line),
            Step::RegenerateConfigure => regenerate_configure(&root),
            Step::Run { line, command, expected, lines, status } => {
                if let Some(dir) = command.strip_prefix("cd ") {
                    cwd = cwd.join(dir.trim());
                    continue;
                }
                if wrote_module && command.starts_with("cpython-rs check") {
                    type_check_module(&root, tmp.path(), line);
                }
                let (code, output) = run(&command, &cwd);
                ran += 1;
                let output = tidy(&output.replace(&canonical_home, SHOWN_HOME).replace(&home, SHOWN_HOME));
                if mask_machine(&output) != mask_machine(&tidy(&expected)) || code != status {
                    failures.push(format!(
                        "{TUTORIAL}:{line}: `{command}` exited {code} (the page expects {status}) and printed:\n{output}\n\
                         --- the page shows:\n{}\n",
                        tidy(&expected)
                    ));
                    rewrites.push((lines, output, code == status));
                }
            }
        }
    }
    if bless && !rewrites.is_empty() {
        let mut page_lines: Vec<String> = page.lines().map(str::to_string).collect();
        let wrong_status = rewrites.iter().filter(|(_, _, status_ok)| !status_ok).count();
        for ((start, end), output, _) in rewrites.into_iter().rev() {
            page_lines.splice(start..end, output.lines().map(str::to_string));
        }
        std::fs::write(&page_path, page_lines.join("\n") + "\n").expect("rewrite the tutorial");
        eprintln!("rewrote the output in {TUTORIAL}: read its diff before committing");
        assert!(
            wrong_status == 0,
            "{wrong_status} command(s) exit with another status than the page's \
             `<!-- tutorial: status N -->` says; exit statuses are not blessed:\n\n{}",
            failures.join("\n")
        );
        return;
    }
    assert!(ran >= 6, "only {ran} commands ran: is {TUTORIAL} still written with ```console blocks?");
    assert!(
        failures.is_empty(),
        "{} command(s) of the tutorial do not print what it shows; after a deliberate change run \
         `CPYTHON_RS_BLESS=1 cargo test --test tutorial` and read the diff:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
    final_files_are_tidy(&root);
}

/// The module's code as it stands compiles without warnings against the
/// declarations `cpython-sys` has (tests/fixtures/tutorial/cpython_sys.rs): what
/// `check` is shown finding is in code that builds.
fn type_check_module(root: &Path, scratch: &Path, line: usize) {
    let stub = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tutorial/cpython_sys.rs");
    let sys = scratch.join("libcpython_sys.rmeta");
    let rustc = |args: &[&std::ffi::OsStr]| {
        let out = Command::new("rustc")
            .args(["--edition", "2024", "--crate-type", "lib", "--emit=metadata", "-D", "warnings"])
            .args(args)
            .output()
            .expect("run rustc");
        assert!(
            out.status.success(),
            "{TUTORIAL}:{line}: the module does not compile at this point of the page:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    rustc(&["--crate-name".as_ref(), "cpython_sys".as_ref(), stub.as_os_str(), "-o".as_ref(), sys.as_os_str()]);
    let extern_sys = format!("cpython_sys={}", sys.display());
    let lib = root.join(MODULE_LIB);
    let out = scratch.join("lib_bisect_rs.rmeta");
    rustc(&[
        "--crate-name".as_ref(),
        "_bisect_rs".as_ref(),
        "--extern".as_ref(),
        extern_sys.as_ref(),
        lib.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
}

/// The code the reader ends with is rustfmt-clean, and the Python compiles and passes.
fn final_files_are_tidy(root: &Path) {
    let lib = root.join(MODULE_LIB);
    match Command::new("rustfmt").args(["--edition", "2024", "--check"]).arg(&lib).output() {
        Ok(out) => assert!(
            out.status.success(),
            "the tutorial's lib.rs is not rustfmt-clean:\n{}",
            String::from_utf8_lossy(&out.stdout)
        ),
        Err(e) => eprintln!("rustfmt not run: {e}"),
    }
    let python = ["Lib/bisect.py", "Lib/test/test__bisect_rs.py"].map(|p| root.join(p));
    match Command::new("python3").args(["-m", "py_compile"]).args(&python).output() {
        Ok(out) => assert!(
            out.status.success(),
            "the tutorial's Python does not compile:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => eprintln!("python3 not run: {e}"),
    }
    fallback_passes_the_tests(&root.join("Lib/test/test__bisect_rs.py"));
}

/// The page's tests pass against the pure-Python `bisect` of the machine's
/// Python (the Rust half is skipped there): their expected values are right.
fn fallback_passes_the_tests(test_file: &Path) {
    let has_test_support = Command::new("python3")
        .args(["-c", "import sys, test.support.import_helper; sys.exit(sys.version_info < (3, 10))"])
        .output()
        .is_ok_and(|out| out.status.success());
    if !has_test_support {
        eprintln!("the tutorial's Python tests not run: no python3 >= 3.10 with test.support");
        return;
    }
    let out = Command::new("python3").arg(test_file).output().expect("run python3");
    assert!(
        out.status.success(),
        "the tutorial's tests fail against the pure-Python bisect:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_extractor_reads_console_blocks_and_directives() {
    let page = "text\n\n<!-- tutorial: status 1 -->\n```console\n$ cpython-rs check a\nerror\n\n$ git add a\n```\n\n\
                <!-- tutorial: write src/x.rs -->\n```rust\nfn x() {}\n```\n\n```sh\nmake\n```\n\n```diff\n+++ b/y\n@@\n-a\n+b\n```\n\n\
                <!-- tutorial: regenerate configure -->\n```sh\nTools/build/regen-configure.sh\n```\n";
    let steps = steps(page);
    assert_eq!(steps.len(), 5, "{steps:?}");
    assert!(
        matches!(&steps[0], Step::Run { command, expected, status: 1, .. } if command == "cpython-rs check a" && expected == "error\n")
    );
    assert!(matches!(&steps[1], Step::Run { command, expected, .. } if command == "git add a" && expected.is_empty()));
    assert!(matches!(&steps[2], Step::Write { path, text } if path == "src/x.rs" && text == "fn x() {}\n"));
    assert!(matches!(&steps[3], Step::Patch { .. }));
    assert!(matches!(&steps[4], Step::RegenerateConfigure));
    assert_eq!(words("git commit -m 'a b' \"c\""), ["git", "commit", "-m", "a b", "c"]);
    assert_eq!(hunk_header("@@ -23,26 +23,15 @@ def f():"), [23, 26, 23, 15]);
    assert!(hunk_header("@@").is_empty());
}

#[test]
fn machine_dependent_doctor_lines_are_masked_with_their_fix() {
    let a = "  pass  rustc           1.95.0 (needs 1.91)\n  fail  libclang        not found\n        fix: install it\n  fail  configure  no";
    let b = "  pass  rustc           1.80.0 (needs 1.91)\n  pass  libclang        /usr/lib\n  fail  configure  no";
    assert_eq!(mask_machine(a), mask_machine(b));
    assert_ne!(mask_machine(a), mask_machine(&a.replace("configure  no", "configure  yes")));
}
