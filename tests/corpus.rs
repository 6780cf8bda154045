//! Precision and recall over the labelled corpus in `tests/corpus/<family>/`.
//!
//! Each case is one file whose first line is `// expect: CODE[, CODE]` or
//! `// expect: clean`. A family is scored over its own codes only, so a case
//! written for one family is not disturbed by another family's findings.

use std::collections::BTreeSet;
use std::path::Path;

use cpython_rs::testing::check_snippet;

const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.90;

/// The code prefix each corpus folder is scored on.
const FAMILIES: &[(&str, &str)] = &[
    ("refcount", "RC"),
    ("errors", "EI"),
    ("gil", "GT"),
    ("panic", "PF"),
    ("unwind", "UW"),
    ("safety", "SD"),
    ("module", "MD"),
];

#[derive(Default, Debug)]
struct Score {
    cases: usize,
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    misses: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        let found = self.true_positives + self.false_positives;
        if found == 0 {
            1.0
        } else {
            self.true_positives as f64 / found as f64
        }
    }

    fn recall(&self) -> f64 {
        let expected = self.true_positives + self.false_negatives;
        if expected == 0 {
            1.0
        } else {
            self.true_positives as f64 / expected as f64
        }
    }
}

fn expected_codes(path: &Path, text: &str) -> BTreeSet<String> {
    let first = text.lines().next().unwrap_or_default();
    let list = first
        .strip_prefix("// expect:")
        .unwrap_or_else(|| panic!("{}: first line must be `// expect: CODE` or `// expect: clean`", path.display()));
    list.split(',').map(str::trim).filter(|c| !c.is_empty() && *c != "clean").map(String::from).collect()
}

fn score_family(dir: &Path, prefix: &str) -> Score {
    let mut score = Score::default();
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "rs")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let expected = expected_codes(&path, &text);
        for code in &expected {
            assert!(code.starts_with(prefix), "{}: {code} is not a {prefix} code", path.display());
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let found: BTreeSet<String> = check_snippet(&name, &text, &["ALL"])
            .into_iter()
            .filter(|d| d.code.starts_with(prefix))
            .map(|d| d.code.to_string())
            .collect();
        score.cases += 1;
        for code in expected.union(&found) {
            match (expected.contains(code), found.contains(code)) {
                (true, true) => score.true_positives += 1,
                (false, true) => {
                    score.false_positives += 1;
                    score.misses.push(format!("false positive {code} in {name}"));
                }
                (true, false) => {
                    score.false_negatives += 1;
                    score.misses.push(format!("missed {code} in {name}"));
                }
                (false, false) => {}
            }
        }
    }
    score
}

#[test]
fn corpus_precision_and_recall() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut total = Score::default();
    let mut report = String::new();
    let mut failures = Vec::new();
    for (family, prefix) in FAMILIES {
        let dir = root.join(family);
        if !dir.is_dir() {
            continue;
        }
        let score = score_family(&dir, prefix);
        report.push_str(&format!(
            "{family:<9} cases {:>3}  tp {:>3}  fp {:>2}  fn {:>2}  precision {:.3}  recall {:.3}\n",
            score.cases,
            score.true_positives,
            score.false_positives,
            score.false_negatives,
            score.precision(),
            score.recall()
        ));
        for miss in &score.misses {
            report.push_str(&format!("    {miss}\n"));
        }
        if score.precision() < MIN_PRECISION || score.recall() < MIN_RECALL {
            failures.push(*family);
        }
        total.cases += score.cases;
        total.true_positives += score.true_positives;
        total.false_positives += score.false_positives;
        total.false_negatives += score.false_negatives;
    }
    report.push_str(&format!(
        "overall   cases {:>3}  precision {:.3}  recall {:.3}\n",
        total.cases,
        total.precision(),
        total.recall()
    ));
    println!("{report}");
    assert!(total.cases > 0, "the corpus is empty");
    assert!(failures.is_empty(), "below precision {MIN_PRECISION} / recall {MIN_RECALL}: {failures:?}\n{report}");
}
