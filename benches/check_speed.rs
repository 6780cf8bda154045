//! `check` against the syn parse floor, cold and warm, measured in the same run.
//!
//! The floor is what syn alone needs to read and parse every file, on the
//! same worker pool `check` uses. Cold is `check` with every rule and an
//! empty result cache (so it pays for writing it); warm is `check` again on
//! the unchanged tree. Peak memory is the resident high-water mark of one
//! cold check. The profile charges the time of one cold check to its phases
//! and rule families, summed over worker threads.
//!
//! cargo bench --bench check_speed -- [--pyo3 DIR]... [--orjson DIR]... [--tree NAME=DIR]... [--rounds N]
//!
//! Trees, each one or more folders:
//! - PyO3: `--pyo3` or `CPYTHON_RS_BENCH_PYO3` (folders separated by `:`);
//!   by default pyo3's `src` and pyo3-ffi of the newest pyo3 in cargo's
//!   registry (`cargo fetch` of any crate depending on pyo3 brings it);
//! - orjson: `--orjson` or `CPYTHON_RS_BENCH_ORJSON`, an unpacked sdist
//!   (`pip download --no-deps --no-binary :all: orjson`), one crate;
//! - any other tree with `--tree NAME=DIR`.
//!
//! A tree that cannot be found is skipped, and the output says so and how to
//! provide it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use cpython_rs_lints::{CheckRequest, Overrides};
use rayon::prelude::*;

/// The same allocator as the `cpython-rs` binary, for floor and check alike.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mut rounds = 5;
    let mut pyo3: Vec<PathBuf> = env_paths("CPYTHON_RS_BENCH_PYO3");
    let mut orjson: Vec<PathBuf> = env_paths("CPYTHON_RS_BENCH_ORJSON");
    let mut others: Vec<(String, Vec<PathBuf>)> = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            "--pyo3" => pyo3.extend(args.next().map(PathBuf::from)),
            "--orjson" => orjson.extend(args.next().map(PathBuf::from)),
            "--tree" => {
                if let Some((name, dir)) = args.next().as_deref().and_then(|t| t.split_once('=')) {
                    others.push((name.to_string(), vec![PathBuf::from(dir)]));
                }
            }
            other => eprintln!("ignoring unknown argument `{other}`"),
        }
    }
    if pyo3.is_empty() {
        pyo3 = registry_pyo3();
    }
    let mut trees = vec![
        (
            "PyO3".to_string(),
            pyo3,
            "pass --pyo3 DIR or set CPYTHON_RS_BENCH_PYO3, or `cargo fetch` a crate that depends on pyo3",
        ),
        (
            "orjson".to_string(),
            orjson,
            "pass --orjson DIR or set CPYTHON_RS_BENCH_ORJSON to an unpacked \
             `pip download --no-deps --no-binary :all: orjson`",
        ),
    ];
    trees.extend(others.into_iter().map(|(name, dirs)| (name, dirs, "")));

    let pool = rayon::ThreadPoolBuilder::new().stack_size(256 << 20).build().expect("pool");
    println!(
        "{} worker threads, median of {rounds} rounds; cpu = user+sys of all threads; ratios are to the floor",
        pool.current_num_threads()
    );
    let mut rows = Vec::new();
    for (name, dirs, how) in trees {
        let missing: Vec<&PathBuf> = dirs.iter().filter(|d| !d.exists()).collect();
        if dirs.is_empty() || !missing.is_empty() {
            let which = missing.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", ");
            println!(
                "{name}: skipped, tree not found{}: {how}",
                if which.is_empty() { which } else { format!(" ({which})") }
            );
            continue;
        }
        rows.push(bench_tree(&name, &dirs, &pool, rounds));
    }
    if rows.is_empty() {
        return;
    }
    println!();
    println!(
        "| tree | files | floor wall / cpu | cold wall / cpu | warm wall / cpu | cold / floor | warm / floor | peak RSS |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for r in &rows {
        println!(
            "| {} | {} | {:.2} s / {:.2} s | {:.2} s / {:.2} s | {:.3} s / {:.3} s | {:.2}x / {:.2}x | {:.2}x / {:.2}x | {} |",
            r.name,
            r.files,
            r.floor.wall,
            r.floor.cpu,
            r.cold.wall,
            r.cold.cpu,
            r.warm.wall,
            r.warm.cpu,
            r.cold.wall / r.floor.wall,
            r.cold.cpu / r.floor.cpu,
            r.warm.wall / r.floor.wall,
            r.warm.cpu / r.floor.cpu,
            r.peak_mib.map_or("unknown".to_string(), |m| format!("{m:.0} MiB")),
        );
    }
}

struct Row {
    name: String,
    files: usize,
    floor: Cost,
    cold: Cost,
    warm: Cost,
    peak_mib: Option<f64>,
}

fn bench_tree(name: &str, dirs: &[PathBuf], pool: &rayon::ThreadPool, rounds: usize) -> Row {
    let files: Vec<PathBuf> = dirs.iter().flat_map(|d| rust_files(d)).collect();
    let bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    println!("\n{name}: {} ({} files, {:.1} MiB)", shown.join(" + "), files.len(), bytes as f64 / (1 << 20) as f64);

    // A cache folder of the benchmark's own, so no checked tree is written to.
    let cache_dir = std::env::temp_dir().join(format!("cpython-rs-bench-cache-{}", std::process::id()));
    let request = CheckRequest {
        paths: dirs.to_vec(),
        overrides: Overrides {
            select: Some(vec!["ALL".into()]),
            cache_dir: Some(cache_dir.clone()),
            ..Default::default()
        },
        cache: true,
        ..Default::default()
    };
    let empty_cache = || {
        let _ = std::fs::remove_dir_all(&cache_dir);
    };

    // Warm the page cache once, then interleave so all see the same conditions.
    parse_floor(pool, &files);
    let (mut floor, mut cold, mut warm) = (Vec::new(), Vec::new(), Vec::new());
    let mut findings = (0, 0);
    for _ in 0..rounds {
        floor.push(measure(|| parse_floor(pool, &files)));
        empty_cache();
        cold.push(measure(|| findings.0 = run_check(&request, false)));
        warm.push(measure(|| findings.1 = run_check(&request, true)));
    }
    assert_eq!(findings.0, findings.1, "the cache changed the findings");

    // One more cold run, for its peak memory and its profile.
    empty_cache();
    let reset = reset_peak_rss();
    cpython_rs_lints::profile::reset();
    let profiled = measure(|| {
        run_check(&request, false);
    });
    let phases = cpython_rs_lints::profile::snapshot();
    let peak_mib = if reset { peak_rss_mib() } else { None };
    empty_cache();

    let (floor, cold, warm) = (median(floor), median(cold), median(warm));
    println!("  floor (syn read+parse): {:>7.3} s wall {:>7.3} s cpu", floor.wall, floor.cpu);
    println!(
        "  check cold:             {:>7.3} s wall {:>7.3} s cpu   {:.2}x / {:.2}x   ({} findings)",
        cold.wall,
        cold.cpu,
        cold.wall / floor.wall,
        cold.cpu / floor.cpu,
        findings.0
    );
    println!(
        "  check warm (unchanged): {:>7.3} s wall {:>7.3} s cpu   {:.2}x / {:.2}x",
        warm.wall,
        warm.cpu,
        warm.wall / floor.wall,
        warm.cpu / floor.cpu
    );
    match peak_mib {
        Some(mib) => println!("  peak RSS, cold check:   {mib:.0} MiB"),
        None => println!("  peak RSS: unknown (needs Linux /proc/self/clear_refs and VmHWM)"),
    }
    let total: f64 = phases.iter().map(|(_, d)| d.as_secs_f64()).sum();
    println!(
        "  profile of one cold check ({:.3} s wall, {:.3} s cpu; phases summed over threads: {total:.3} s):",
        profiled.wall, profiled.cpu
    );
    for (phase, spent) in phases.iter().filter(|(_, d)| !d.is_zero()) {
        let secs = spent.as_secs_f64();
        println!("    {phase:<20} {secs:>7.3} s  {:>5.1}%", 100.0 * secs / total.max(f64::MIN_POSITIVE));
    }
    Row { name: name.to_string(), files: files.len(), floor, cold, warm, peak_mib }
}

/// Run `check`; the number of findings. `expect_cached`: every job must come
/// from the cache (a warm run that re-analysed would measure the wrong thing).
fn run_check(request: &CheckRequest, expect_cached: bool) -> usize {
    let result = cpython_rs_lints::check(request).expect("check runs");
    if expect_cached {
        assert_eq!(result.jobs_analysed, 0, "a warm run analysed {} jobs again", result.jobs_analysed);
    }
    result.diagnostics.len()
}

/// Folders from an environment variable, separated by `:`.
fn env_paths(var: &str) -> Vec<PathBuf> {
    std::env::var_os(var).map(|v| std::env::split_paths(&v).collect()).unwrap_or_default()
}

/// pyo3's `src` and pyo3-ffi, of the newest pyo3 that has both in cargo's registry.
fn registry_pyo3() -> Vec<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo"));
    let Ok(indexes) = std::fs::read_dir(home.join("registry/src")) else { return Vec::new() };
    let mut found: Vec<(Vec<u64>, PathBuf, PathBuf)> = Vec::new();
    for index in indexes.flatten() {
        let Ok(crates) = std::fs::read_dir(index.path()) else { continue };
        for krate in crates.flatten() {
            let name = krate.file_name().to_string_lossy().into_owned();
            let Some(version) = name.strip_prefix("pyo3-").filter(|v| v.starts_with(|c: char| c.is_ascii_digit()))
            else {
                continue;
            };
            let ffi = index.path().join(format!("pyo3-ffi-{version}"));
            if ffi.is_dir() && krate.path().join("src").is_dir() {
                let key = version.split(['.', '-']).map(|p| p.parse().unwrap_or(0)).collect();
                found.push((key, krate.path().join("src"), ffi));
            }
        }
    }
    found.sort();
    found.pop().map(|(_, src, ffi)| vec![src, ffi]).unwrap_or_default()
}

/// Wall-clock and CPU seconds of one run. CPU time is what the work costs,
/// and stays comparable when other processes share the machine.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
struct Cost {
    wall: f64,
    cpu: f64,
}

fn measure(f: impl FnOnce()) -> Cost {
    let (cpu0, start) = (cpu_seconds(), Instant::now());
    f();
    Cost { wall: start.elapsed().as_secs_f64(), cpu: cpu_seconds() - cpu0 }
}

/// user+sys time of this process, from /proc (0 where there is none).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    // Fields 14 and 15 of stat(5) are utime and stime; index from field 3.
    (ticks(11) + ticks(12)) / 100.0
}

/// Reset the resident high-water mark (Linux: `5` into clear_refs).
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// The resident high-water mark since the last reset, in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !(e.file_name() == "target" || e.file_name().to_string_lossy().starts_with('.'))
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// Read and parse every file with syn (span locations on, as `check` needs them).
fn parse_floor(pool: &rayon::ThreadPool, files: &[PathBuf]) {
    let parsed: usize = pool.install(|| {
        files
            .par_iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).unwrap_or_default();
                let parsed = usize::from(syn::parse_file(&text).is_ok());
                // As `check` does after each crate: drop this thread's copy of the text.
                proc_macro2::extra::invalidate_current_thread_spans();
                parsed
            })
            .sum()
    });
    std::hint::black_box(parsed);
}

fn median(mut v: Vec<Cost>) -> Cost {
    v.sort_by(|a, b| a.wall.total_cmp(&b.wall));
    v[v.len() / 2]
}
