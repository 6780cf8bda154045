//! A mutation fuzzer for `cpython-rs check`: one bad file must never take a
//! run down, and no input may cost more than 10 s or 1 GiB.
//!
//! Each round writes a small tree of mutants of real FFI code (the corpus,
//! the example module, any `--seeds` folder) and of the adversarial shapes
//! below (deep nesting of every kind, huge literals, glob imports, nested
//! closures), plus one untouched sentinel file, runs the release binary on
//! it with every rule, and records: aborts (killed by a signal), runs over
//! the time or memory limit, exit codes other than 0/1/2, output that is not
//! JSON, and runs where the sentinel's findings went missing. Failing
//! inputs are kept under `--out`.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example fuzz -- --minutes 30 --seed 1 --out /tmp/fuzz
//! ```

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const TIME_LIMIT: Duration = Duration::from_secs(10);
const MEMORY_LIMIT_KB: i64 = 1 << 20;

/// xorshift64*: a fixed seed gives the same run on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A shape that nests without brackets (or with them), as (prefix, core, suffix) repeated.
const DEEP: &[(&str, &str, &str)] = &[
    ("Vec<", "u8", ">"),
    ("g::<Vec<", "u8", ">>"),
    ("|| ", "1", ""),
    ("move || ", "1", ""),
    ("|a, b| ", "1", ""),
    ("*const ", "u8", ""),
    ("fn() -> ", "u8", ""),
    ("Box<dyn Fn() -> ", "u8", ">"),
    ("impl Fn() -> ", "u8", ""),
    ("break ", "1", ""),
    ("return ", "1", ""),
    ("yield ", "1", ""),
    ("a = ", "1", ""),
    ("box ", "x", ""),
    ("!", "x", ""),
    ("- ", "x", ""),
    ("&", "x", ""),
    ("&mut ", "x", ""),
    ("#[a] ", "x", ""),
    ("", "a", ".b()"),
    ("", "a", " as u8"),
    ("", "a", " + 1"),
    ("", "a", "?"),
    (".. ", "x", ""),
    ("(", "1", ")"),
    ("Some(", "1", ")"),
    ("[", "1", "]"),
    ("{ ", "1", " }"),
    ("unsafe { ", "1", " }"),
    ("|| { ", "unsafe { Py_DECREF(o) }", " }"),
    ("if a { 1 } else ", "{ 2 }", ""),
    ("m!(", "1", ")"),
    ("S { a: ", "1", " }"),
];

/// Adversarial seeds beyond nesting: each was once quadratic or worse.
fn special_seeds() -> Vec<String> {
    let globs: String = (0..22).map(|i| format!("use m{i}::*;\n")).collect();
    vec![
        format!(
            "{globs}struct Y;\nimpl Y {{ fn new(_: i32) -> Y {{ Y }} }}\n#[no_mangle]\npub extern \"C\" fn cb(_s: \
             *mut PyObject) -> *mut PyObject {{ X::new(1); std::ptr::null_mut() }}\n"
        ),
        format!("fn f() -> u64 {{ {} }}\n", "9".repeat(100_000)),
        format!("fn f() {{ let {}x = 1; }}\n", "box ".repeat(32_000)),
        format!(
            "extern \"C\" {{ fn PyLong_FromLong(v: i64) -> *mut PyObject; }}\n#[no_mangle]\npub extern \"C\" fn f() {{ \
             let x = {}1{}; }}\n",
            "Some(".repeat(3000),
            ")".repeat(3000)
        ),
        format!(
            "#[no_mangle]\npub extern \"C\" fn f(o: *mut PyObject) -> *mut PyObject {{ let c = {}unsafe {{ \
             Py_DECREF(o) }}{}; std::ptr::null_mut() }}\n",
            "|| { ".repeat(2000),
            " }".repeat(2000)
        ),
        format!(
            "pub static TABLE: &[(u32, u32)] = &[\n{}];\n",
            (0..200_000).map(|i| format!("    ({i:#x}, {:#x}),\n", i * 7)).collect::<String>()
        ),
    ]
}

/// One random deep shape, `n` levels.
fn deep_shape(rng: &mut Rng) -> String {
    let (pre, core, post) = *rng.pick(DEEP);
    let n = [100, 2000, 4000, 5000, 35_000][rng.below(5)];
    let expr = format!("{}{core}{}", pre.repeat(n), post.repeat(n));
    match rng.below(3) {
        0 => format!("fn f() {{ let x = {expr}; }}\n"),
        1 => format!("type T = {expr};\n"),
        _ => format!("#[no_mangle]\npub extern \"C\" fn f(o: *mut PyObject) -> *mut PyObject {{ {expr}; o }}\n"),
    }
}

/// Token-ish pieces of a text: words, single punctuation, whitespace runs.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    while start < bytes.len() {
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
        let space = |b: u8| b.is_ascii_whitespace();
        let b = bytes[start];
        let mut end = start + 1;
        if word(b) {
            while end < bytes.len() && word(bytes[end]) {
                end += 1;
            }
        } else if space(b) {
            while end < bytes.len() && space(bytes[end]) {
                end += 1;
            }
        }
        // Stay on character boundaries.
        while end < bytes.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        out.push(&text[start..end]);
        start = end;
    }
    out
}

/// A mutant of `base`, sometimes spliced with `other`; bytes because some mutants are not UTF-8.
fn mutate(rng: &mut Rng, base: &str, other: &str) -> Vec<u8> {
    let mut toks: Vec<String> = pieces(base).into_iter().map(str::to_string).collect();
    let donor: Vec<&str> = pieces(other);
    for _ in 0..=rng.below(4) {
        let len = toks.len().max(1);
        match rng.below(10) {
            0 if !toks.is_empty() => {
                let at = rng.below(len);
                let n = 1 + rng.below(8);
                toks.drain(at..(at + n).min(toks.len()));
            }
            1 if !donor.is_empty() => {
                let at = rng.below(len + 1).min(toks.len());
                let from = rng.below(donor.len());
                let n = 1 + rng.below(40);
                let piece: Vec<String> =
                    donor[from..(from + n).min(donor.len())].iter().map(|s| s.to_string()).collect();
                toks.splice(at..at, piece);
            }
            2 => {
                // Splice a function of the donor in.
                if let Some(start) = other.find("fn ") {
                    let end = other[start..].find("\n}").map_or(other.len(), |e| start + e + 2);
                    let at = rng.below(len + 1).min(toks.len());
                    toks.insert(at, format!("\n{}\n", &other[start..end]));
                }
            }
            3 if !toks.is_empty() => {
                // Repeat a run of tokens many times.
                let at = rng.below(len);
                let n = 1 + rng.below(4);
                let run: String = toks[at..(at + n).min(toks.len())].concat();
                toks.insert(at, run.repeat(1 + rng.below(20_000)));
            }
            4 => {
                let at = rng.below(len + 1).min(toks.len());
                let digits = 1 + rng.below(200_000);
                toks.insert(at, "7".repeat(digits));
            }
            5 => {
                let at = rng.below(len + 1).min(toks.len());
                let shape = deep_shape(rng);
                toks.insert(at, shape);
            }
            6 => {
                let at = rng.below(len + 1).min(toks.len());
                toks.insert(
                    at,
                    ["{", "}", "(", ")", "[", "]", "<", ">", "|", "\"", "'", "/*", "r#\"", "#"][rng.below(14)].into(),
                );
            }
            _ => {}
        }
    }
    let mut bytes = toks.concat().into_bytes();
    match rng.below(12) {
        0 => bytes.splice(0..0, [0xEF, 0xBB, 0xBF]).for_each(drop),
        1 => bytes = String::from_utf8_lossy(&bytes).replace('\n', "\r\n").into_bytes(),
        2 => {
            let at = rng.below(bytes.len() + 1);
            bytes.insert(at, 0);
        }
        3 => {
            let at = rng.below(bytes.len() + 1);
            bytes.insert(at, 0xFF);
        }
        4 if !bytes.is_empty() => {
            let at = rng.below(bytes.len());
            bytes[at] ^= 1 << rng.below(8);
        }
        _ => {}
    }
    bytes
}

struct Outcome {
    status: Option<i32>,
    signal: Option<i32>,
    max_rss_kb: i64,
    elapsed: Duration,
    timed_out: bool,
    stdout: Vec<u8>,
}

/// Run the checker on `dir`, killing it past the time limit; wait4 gives its peak memory.
fn run(binary: &Path, dir: &Path) -> std::io::Result<Outcome> {
    let start = Instant::now();
    let mut child = Command::new(binary)
        .args(["check", "--select", "ALL", "--output-format", "json", "--exit-zero"])
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let pid = child.id() as libc::pid_t;
    let mut timed_out = false;
    let (status, rusage) = loop {
        let mut status = 0;
        // SAFETY: plain wait4 on our own child; `rusage` is a valid out-parameter.
        let mut rusage: libc::rusage = unsafe { std::mem::zeroed() };
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut rusage) };
        if done == pid {
            break (status, rusage);
        }
        if start.elapsed() > TIME_LIMIT && !timed_out {
            timed_out = true;
            let _ = child.kill();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = reader.join().unwrap_or_default();
    let (code, signal) = if libc::WIFEXITED(status) {
        (Some(libc::WEXITSTATUS(status)), None)
    } else {
        (None, libc::WIFSIGNALED(status).then(|| libc::WTERMSIG(status)))
    };
    Ok(Outcome {
        status: code,
        signal: if timed_out { None } else { signal },
        max_rss_kb: rusage.ru_maxrss,
        elapsed: start.elapsed(),
        timed_out,
        stdout,
    })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

struct Args {
    binary: PathBuf,
    seed: u64,
    minutes: f64,
    runs: Option<usize>,
    out: PathBuf,
    seeds: Vec<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        binary: PathBuf::from("target/release/cpython-rs"),
        seed: 1,
        minutes: 1.0,
        runs: None,
        out: std::env::temp_dir().join("cpython-rs-fuzz"),
        seeds: vec![PathBuf::from("tests/corpus"), PathBuf::from("examples")],
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--binary" => args.binary = PathBuf::from(value()?),
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--minutes" => args.minutes = value()?.parse().map_err(|e| format!("--minutes: {e}"))?,
            "--runs" => args.runs = Some(value()?.parse().map_err(|e| format!("--runs: {e}"))?),
            "--out" => args.out = PathBuf::from(value()?),
            "--seeds" => args.seeds.push(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

#[derive(Default)]
struct Tally {
    runs: usize,
    aborts: usize,
    timeouts: usize,
    over_memory: usize,
    bad_exit: usize,
    bad_json: usize,
    sentinel_lost: usize,
    max_time: Duration,
    max_rss_kb: i64,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut files = Vec::new();
    for dir in &args.seeds {
        rust_files(dir, &mut files);
    }
    files.sort();
    let mut seeds: Vec<String> = files.iter().filter_map(|p| fs::read_to_string(p).ok()).collect();
    seeds.extend(special_seeds());
    let sentinel = include_str!("../examples/spam/src/lib.rs");
    eprintln!("{} seeds; binary {}", seeds.len(), args.binary.display());
    let _ = fs::create_dir_all(&args.out);
    let work = args.out.join("work");
    let mut rng = Rng(args.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut tally = Tally::default();
    let deadline = Instant::now() + Duration::from_secs_f64(args.minutes * 60.0);
    while Instant::now() < deadline && args.runs.is_none_or(|n| tally.runs < n) {
        let _ = fs::remove_dir_all(&work);
        fs::create_dir_all(&work).expect("work folder");
        for i in 0..4 {
            let base = rng.pick(&seeds).clone();
            let other = rng.pick(&seeds).clone();
            let text =
                if rng.below(6) == 0 { deep_shape(&mut rng).into_bytes() } else { mutate(&mut rng, &base, &other) };
            fs::write(work.join(format!("m{i}.rs")), text).expect("write mutant");
        }
        fs::write(work.join("sentinel.rs"), sentinel).expect("write sentinel");
        let outcome = match run(&args.binary, &work) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("error: cannot run {}: {e}", args.binary.display());
                return ExitCode::from(2);
            }
        };
        tally.runs += 1;
        tally.max_time = tally.max_time.max(outcome.elapsed);
        tally.max_rss_kb = tally.max_rss_kb.max(outcome.max_rss_kb);
        let mut failure = None;
        if outcome.signal.is_some() {
            tally.aborts += 1;
            failure = Some("abort");
        } else if outcome.timed_out {
            tally.timeouts += 1;
            failure = Some("timeout");
        } else if outcome.max_rss_kb > MEMORY_LIMIT_KB {
            tally.over_memory += 1;
            failure = Some("memory");
        } else if !matches!(outcome.status, Some(0..=2)) {
            tally.bad_exit += 1;
            failure = Some("exit");
        } else {
            match serde_json::from_slice::<serde_json::Value>(&outcome.stdout) {
                Err(_) => {
                    tally.bad_json += 1;
                    failure = Some("json");
                }
                Ok(value) => {
                    let sentinel_found = value.as_array().is_some_and(|all| {
                        all.iter().any(|d| d["filename"].as_str().is_some_and(|f| f.ends_with("sentinel.rs")))
                    });
                    if !sentinel_found {
                        tally.sentinel_lost += 1;
                        failure = Some("lost");
                    }
                }
            }
        }
        if let Some(kind) = failure {
            let keep = args.out.join(format!("{kind}-{}", tally.runs));
            let _ = fs::rename(&work, &keep);
            eprintln!(
                "run {}: {kind} ({:.1} s, {} MiB) kept in {}",
                tally.runs,
                outcome.elapsed.as_secs_f64(),
                outcome.max_rss_kb / 1024,
                keep.display()
            );
        }
        if tally.runs % 100 == 0 {
            eprintln!("{} runs", tally.runs);
        }
    }
    println!(
        "{} runs: {} aborts, {} over {} s, {} over 1 GiB, {} bad exit codes, {} unparsable outputs, {} runs losing the \
         sentinel's findings; slowest {:.2} s, largest {} MiB",
        tally.runs,
        tally.aborts,
        tally.timeouts,
        TIME_LIMIT.as_secs(),
        tally.over_memory,
        tally.bad_exit,
        tally.bad_json,
        tally.sentinel_lost,
        tally.max_time.as_secs_f64(),
        tally.max_rss_kb / 1024
    );
    let failed =
        tally.aborts + tally.timeouts + tally.over_memory + tally.bad_exit + tally.bad_json + tally.sentinel_lost;
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
