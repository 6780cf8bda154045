#[test]
fn scratch() {
    let dir = std::env::var("DIR").unwrap();
    let request = cpython_rs_lints::CheckRequest { paths: vec![dir.into()], ..Default::default() };
    let result = cpython_rs_lints::check(&request).unwrap();
    let mut out = Vec::new();
    cpython_rs::render::full::render(&result, false, &mut out).unwrap();
    println!("{}", String::from_utf8(out).unwrap());
}
