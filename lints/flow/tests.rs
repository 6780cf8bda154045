//! Tests of the CFG lowering and the solver on a toy domain.

use super::*;
use crate::syntax;

fn parse_fn(src: &str) -> syn::ItemFn {
    syn::parse_str(src).expect("test fn parses")
}

fn returns(cfg: &Cfg<'_>) -> Vec<ReturnKind> {
    cfg.nodes
        .iter()
        .filter_map(|n| match n.kind {
            NodeKind::Return { kind, .. } => Some(kind),
            _ => None,
        })
        .collect()
}

/// A toy domain: the set of names that were NULL-checked (must on all paths).
struct Checked;

impl<'b> Domain<'b> for Checked {
    type State = std::collections::BTreeSet<String>;
    fn entry(&self, _: &Cfg<'b>) -> Self::State {
        Default::default()
    }
    fn join(&self, into: &mut Self::State, other: &Self::State) {
        into.retain(|x| other.contains(x));
    }
    fn transfer(&self, _: &Cfg<'b>, _: NodeId, _: &mut Self::State) {}
    fn edge(&self, cfg: &Cfg<'b>, from: NodeId, edge: &Edge, state: &mut Self::State) -> bool {
        if let NodeKind::Test(Cond::Bool(c)) = cfg.node(from).kind {
            if let Some(t) = cond::null_test(c) {
                let not_null = (edge.kind == EdgeKind::True) != t.null_when_true;
                if let (true, Some(p)) = (not_null, place::place_of(t.ptr)) {
                    state.insert(p.to_string());
                }
            }
        }
        true
    }
}

#[test]
fn lowers_every_exit() {
    let f = parse_fn(
        r#"fn f(x: *mut PyObject) -> *mut PyObject {
            let a = unsafe { PyLong_FromLong(1) };
            if a.is_null() { return ptr::null_mut(); }
            let v = helper(a)?;
            for i in 0..3 { if i == 1 { continue; } if i == 2 { break; } }
            match v { Some(x) => x, None => panic!("no") }
        }"#,
    );
    let macros = Macros::default();
    let body = Body::new(&f.block, &macros);
    let cfg = Cfg::of_body(&body);
    let kinds = returns(&cfg);
    assert!(kinds.contains(&ReturnKind::Explicit));
    assert!(kinds.contains(&ReturnKind::Try));
    assert!(kinds.contains(&ReturnKind::Tail));
    assert!(cfg.preds(Cfg::DIVERGE).len() == 1);
}

#[test]
fn refines_on_null_tests_through_and_or() {
    let f = parse_fn(
        r#"fn f() {
            let p = make();
            if !p.is_null() && q != ptr::null_mut() { use_both(p, q); }
        }"#,
    );
    let macros = Macros::default();
    let body = Body::new(&f.block, &macros);
    let cfg = Cfg::of_body(&body);
    let sol = solve(&cfg, &Checked).expect("settles");
    let call = cfg
        .nodes
        .iter()
        .position(|n| matches!(n.kind, NodeKind::Eval { expr, .. } if syntax::expr_text(expr).starts_with("use_both")))
        .expect("call node");
    let before = sol.before(call).expect("reachable");
    assert!(before.contains("p") && before.contains("q"), "{before:?}");
}

#[test]
fn expands_wrapper_and_crate_macros() {
    let file: syn::File = syn::parse_str(
        r#"
        macro_rules! py_try { ($e:expr) => {{ let r = $e; if r.is_null() { return ptr::null_mut(); } r }}; }
        fn f() -> *mut PyObject {
            ffi!(Py_DECREF(x));
            let o = py_try!(PyLong_FromLong(1));
            o
        }"#,
    )
    .expect("parses");
    let mut macros = Macros::default();
    let mut finder = body::MacroRulesFinder { found: &mut macros };
    syn::visit::Visit::visit_file(&mut finder, &file);
    let syn::Item::Fn(f) = &file.items[1] else { panic!("fn") };
    let body = Body::new(&f.block, &macros);
    let cfg = Cfg::of_body(&body);
    let texts: Vec<String> = cfg
        .nodes
        .iter()
        .filter_map(|n| match n.kind {
            NodeKind::Eval { expr, .. } => Some(syntax::expr_text(expr)),
            _ => None,
        })
        .collect();
    assert!(texts.iter().any(|t| t == "Py_DECREF(x)"), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("PyLong_FromLong(1)")), "{texts:?}");
    assert_eq!(returns(&cfg).len(), 2, "the macro's early return and the tail");
}

#[test]
fn status_branches() {
    use crate::capi::Failure;
    let c: syn::Expr = syn::parse_str("r < 0").unwrap();
    let t = cond::int_test(&c).unwrap();
    assert_eq!(cond::status_failed(Failure::MinusOne, "PyList_Append", |v| t.holds(v)), Some(true));
    assert_eq!(cond::status_failed(Failure::MinusOne, "PyList_Append", |v| !t.holds(v)), Some(false));
    let c: syn::Expr = syn::parse_str("r != 0").unwrap();
    let t = cond::int_test(&c).unwrap();
    assert_eq!(cond::status_failed(Failure::MinusOne, "PyModule_AddObject", |v| t.holds(v)), Some(true));
    assert_eq!(cond::status_failed(Failure::MinusOne, "PyObject_IsTrue", |v| t.holds(v)), None);
    let c: syn::Expr = syn::parse_str("PyArg_ParseTuple(args, fmt, &mut o) == 0").unwrap();
    let t = cond::int_test(&c).unwrap();
    assert_eq!(cond::status_failed(Failure::Zero, "PyArg_ParseTuple", |v| t.holds(v)), Some(true));
}
