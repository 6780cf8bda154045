use std::collections::BTreeSet;

#[test]
fn corpus_local() {
    let settings = cpython_rs_lints::settings::defaults();
    for family in ["panic", "unwind"] {
        let prefixes: &[&str] = if family == "panic" { &["PF"] } else { &["UW"] };
        let (mut tp, mut fp, mut fnn) = (0, 0, 0);
        let mut entries: Vec<_> = std::fs::read_dir(format!("tests/corpus/{family}")).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            let text = std::fs::read_to_string(&path).unwrap();
            let first = text.lines().next().unwrap().trim_start_matches("// expect:").trim().to_string();
            let expected: BTreeSet<String> = if first == "clean" { BTreeSet::new() } else { first.split(',').map(|s| s.trim().to_string()).collect() };
            let d = cpython_rs_lints::check_source(path.to_str().unwrap(), &text, &settings);
            let found: BTreeSet<String> = d.iter().map(|d| d.code.to_string()).filter(|c| prefixes.iter().any(|p| c.starts_with(p))).collect();
            let others: BTreeSet<String> = d.iter().map(|d| d.code.to_string()).filter(|c| !prefixes.iter().any(|p| c.starts_with(p))).collect();
            for c in &found { if expected.contains(c) { tp += 1 } else { fp += 1; println!("FP {c} {}", path.display()); for x in &d { if x.code == c { println!("   {}: {}", x.code, x.message); } } } }
            for c in &expected { if !found.contains(c) { fnn += 1; println!("FN {c} {}", path.display()); } }
            if !others.is_empty() { println!("   (others in {}: {:?})", path.display(), others); }
        }
        println!("{family}: tp={tp} fp={fp} fn={fnn}");
    }
}
