//! `cpython-rs rules` (the catalogue) and `cpython-rs rule CODE` (one page).

use clap::{Args, ValueEnum};
use cpython_rs_lints::registry;
use serde_json::json;

use crate::cli::exit;

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum RulesFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  cpython-rs rules\n  cpython-rs rules --output-format json")]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t)]
    pub output_format: RulesFormat,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  cpython-rs rule RC001\n  cpython-rs rule new-ref-leak")]
pub struct RuleArgs {
    /// A rule code (RC001) or name (new-ref-leak)
    pub rule: String,
}

pub fn run_rules(args: RulesArgs) -> u8 {
    match args.output_format {
        RulesFormat::Json => {
            let rules: Vec<_> = registry::all()
                .map(|r| {
                    json!({
                        "code": r.code,
                        "name": r.name,
                        "family": r.family.title(),
                        "severity": r.severity.as_str(),
                        "summary": r.summary,
                        "url": r.url(),
                    })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&rules).expect("rules serialise"));
        }
        RulesFormat::Text => {
            let mut family = None;
            for r in registry::all() {
                if family != Some(r.family) {
                    if family.is_some() {
                        println!();
                    }
                    println!("{}", r.family.title());
                    family = Some(r.family);
                }
                println!("  {:<7} {:<30} {:<8} {}", r.code, r.name, r.severity.as_str(), r.summary);
            }
        }
    }
    exit::OK
}

pub fn run_rule(args: RuleArgs) -> u8 {
    match registry::lookup(&args.rule) {
        Some(rule) => {
            print!("{}", rule.doc);
            if !rule.doc.ends_with('\n') {
                println!();
            }
            exit::OK
        }
        None => {
            eprintln!("error: no rule `{}`", args.rule);
            let close: Vec<_> = registry::all()
                .filter(|r| similar(&args.rule, r.code) || similar(&args.rule, r.name))
                .map(|r| format!("{} ({})", r.code, r.name))
                .collect();
            if !close.is_empty() {
                eprintln!("  did you mean: {}", close.join(", "));
            }
            eprintln!("  `cpython-rs rules` lists them all");
            exit::ERROR
        }
    }
}

/// Whether `a` is a near-miss of `b` (case-insensitive, at most two edits).
fn similar(a: &str, b: &str) -> bool {
    let a = a.to_ascii_lowercase();
    let b = b.to_ascii_lowercase();
    strsim_distance(&a, &b) <= 2 || (a.len() >= 4 && b.contains(&a))
}

fn strsim_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}
