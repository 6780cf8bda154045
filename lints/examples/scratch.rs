fn main() {
    let settings = cpython_rs_lints::settings::defaults();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        for d in cpython_rs_lints::check_source(&path, &text, &settings) {
            let (line, _) = (text[..d.range.start].matches('\n').count() + 1, 0);
            println!(
                "{path}:{line}: {} {} [{}] | {}",
                d.code,
                d.message,
                &text[d.range.clone()].chars().take(50).collect::<String>(),
                d.labels
                    .iter()
                    .map(|l| format!("{}@{}", l.message, text[..l.range.start].matches('\n').count() + 1))
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
    }
}
