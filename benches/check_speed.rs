//! `check` against the syn parse floor, measured in the same run.
//!
//! The floor is what syn alone needs to read and parse every file, on the
//! same worker pool `check` uses; the ratio is `check` (all rules) / floor.
//!
//! cargo bench --bench check_speed -- [DIR] [--rounds N]
//! DIR defaults to the crate sources cargo downloaded (~/.cargo/registry/src).

use std::path::{Path, PathBuf};
use std::time::Instant;

use cpython_rs_lints::{CheckRequest, Overrides};
use rayon::prelude::*;

/// The same allocator as the `cpython-rs` binary, for floor and check alike.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mut dir = None;
    let mut rounds = 3;
    while let Some(arg) = args.next() {
        if arg == "--rounds" {
            rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds);
        } else {
            dir = Some(PathBuf::from(arg));
        }
    }
    let dir = dir.unwrap_or_else(|| {
        let home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo"));
        home.join("registry/src")
    });
    let files = rust_files(&dir);
    let bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    println!("tree: {} ({} files, {:.1} MiB)", dir.display(), files.len(), bytes as f64 / (1 << 20) as f64);

    let pool = rayon::ThreadPoolBuilder::new().stack_size(256 << 20).build().expect("pool");
    let request = CheckRequest {
        paths: vec![dir.clone()],
        overrides: Overrides { select: Some(vec!["ALL".into()]), ..Default::default() },
        ..Default::default()
    };
    // The pipeline alone: reading, grouping, parsing, comments; no rule runs.
    let pipeline_only = CheckRequest {
        overrides: Overrides { select: Some(vec!["IO001".into()]), ..Default::default() },
        ..request.clone()
    };
    // Warm the page cache once, then interleave so all three see the same conditions.
    parse_floor(&pool, &files);
    let (mut floor, mut pipeline, mut check) = (Vec::new(), Vec::new(), Vec::new());
    let mut findings = 0;
    for _ in 0..rounds {
        floor.push(measure(|| parse_floor(&pool, &files)));
        pipeline.push(measure(|| {
            time_check(&pipeline_only);
        }));
        let mut found = 0;
        check.push(measure(|| found = time_check(&request)));
        findings = found;
    }
    let (floor, pipeline, check) = (median(floor), median(pipeline), median(check));
    println!("                       wall      cpu   (median of {rounds}; cpu = user+sys of all threads)");
    println!("syn read+parse floor: {:>6.2} s {:>6.2} s", floor.wall, floor.cpu);
    println!("check, no rules:      {:>6.2} s {:>6.2} s", pipeline.wall, pipeline.cpu);
    println!("check, all rules:     {:>6.2} s {:>6.2} s   ({findings} findings)", check.wall, check.cpu);
    println!(
        "ratio to the floor:   no rules {:.2}x wall {:.2}x cpu; all rules {:.2}x wall {:.2}x cpu",
        pipeline.wall / floor.wall,
        pipeline.cpu / floor.cpu,
        check.wall / floor.wall,
        check.cpu / floor.cpu
    );
}

fn time_check(request: &CheckRequest) -> usize {
    cpython_rs_lints::check(request).expect("check runs").diagnostics.len()
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
                usize::from(syn::parse_file(&text).is_ok())
            })
            .sum()
    });
    std::hint::black_box(parsed);
}

fn median(mut v: Vec<Cost>) -> Cost {
    v.sort_by(|a, b| a.wall.total_cmp(&b.wall));
    v[v.len() / 2]
}
