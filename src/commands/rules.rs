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
                        "default": r.default_on().as_str(),
                        "groups": r.groups().map(|g| g.name()).collect::<Vec<_>>(),
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
                println!(
                    "  {:<7} {:<30} {:<8} {:<9} {}",
                    r.code,
                    r.name,
                    r.severity.as_str(),
                    r.default_on().as_str(),
                    r.summary
                );
            }
            println!();
            println!(
                "The fourth column says when a rule runs without a `select`: `on` always, `checkout` inside a \
                 CPython checkout (the fork's policy), `pedantic` only when selected (`--select pedantic`)."
            );
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
            let family: Vec<_> = registry::all().filter(|r| r.prefix().eq_ignore_ascii_case(&args.rule)).collect();
            if !family.is_empty() {
                eprintln!("error: `{}` is a family of {} rules, not one rule", args.rule, family.len());
                for r in &family {
                    eprintln!("  {:<7} {}", r.code, r.name);
                }
                eprintln!("  `cpython-rs rule {}` shows one", family[0].code);
                return exit::ERROR;
            }
            eprintln!("error: no rule `{}`", args.rule);
            let mut close: Vec<_> = registry::all()
                .filter_map(|r| {
                    let by_code = closeness(&args.rule, r.code);
                    let by_name = closeness(&args.rule, r.name);
                    Some((by_code.into_iter().chain(by_name).min()?, r))
                })
                .collect();
            close.sort_by_key(|(distance, _)| *distance);
            let close: Vec<_> = close.iter().map(|(_, r)| format!("{} ({})", r.code, r.name)).collect();
            if !close.is_empty() {
                eprintln!("  did you mean: {}", close.join(", "));
            }
            eprintln!("  `cpython-rs rules` lists them all");
            exit::ERROR
        }
    }
}

/// How near a miss `a` is of `b` (case-insensitive): the edit distance when at
/// most two, or 3 when `b` contains `a`; `None` when they are unrelated.
fn closeness(a: &str, b: &str) -> Option<usize> {
    let a = a.to_ascii_lowercase();
    let b = b.to_ascii_lowercase();
    let distance = strsim_distance(&a, &b);
    if distance <= 2 {
        Some(distance)
    } else {
        (a.len() >= 4 && b.contains(&a)).then_some(3)
    }
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
