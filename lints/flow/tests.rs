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

#[test]
fn integral_float_literals_are_int_tests() {
    let c: syn::Expr = syn::parse_str("x == -1.0").unwrap();
    let t = cond::int_test(&c).unwrap();
    assert_eq!(t.rhs, -1);
    assert!(t.holds(-1));
    let c: syn::Expr = syn::parse_str("x < 0.5").unwrap();
    assert!(cond::int_test(&c).is_none(), "a fractional bound is not an integer test");
}

fn cfg_of(src: &str) -> (syn::ItemFn, Macros) {
    (parse_fn(src), Macros::default())
}

#[test]
fn labels_break_and_continue_reach_the_right_loop() {
    let (f, m) = cfg_of(
        r#"fn f() {
            'outer: for i in 0..3 {
                loop {
                    if i == 1 { continue 'outer; }
                    if i == 2 { break 'outer; }
                    break;
                }
                after_inner();
            }
            after_outer();
        }"#,
    );
    let body = Body::new(&f.block, &m);
    let cfg = Cfg::of_body(&body);
    let find = |text: &str| {
        cfg.nodes
            .iter()
            .position(|n| matches!(n.kind, NodeKind::Eval { expr, .. } if syntax::expr_text(expr) == text))
            .expect("node")
    };
    let order = cfg.reverse_postorder();
    assert!(order.contains(&find("after_inner()")));
    assert!(order.contains(&find("after_outer()")));
    let head = cfg.nodes.iter().position(|n| matches!(n.kind, NodeKind::ForNext { .. })).expect("for head");
    // `continue 'outer` and the end of the body both go back to the `for` head.
    assert!(cfg.preds(head).len() >= 3, "{:?}", cfg.preds(head));
}

#[test]
fn let_else_and_diverging_calls() {
    let (f, m) = cfg_of(
        r#"fn f(p: *mut PyObject) -> i32 {
            let Some(nn) = NonNull::new(p) else { return -1 };
            if bad(nn) { std::process::abort(); }
            0
        }"#,
    );
    let body = Body::new(&f.block, &m);
    let cfg = Cfg::of_body(&body);
    let test =
        cfg.nodes.iter().position(|n| matches!(n.kind, NodeKind::Test(Cond::Let { .. }))).expect("let-else test");
    let kinds: Vec<EdgeKind> = cfg.node(test).succs.iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&EdgeKind::True) && kinds.contains(&EdgeKind::False));
    assert_eq!(cfg.preds(Cfg::DIVERGE).len(), 1, "abort() diverges");
    assert_eq!(returns(&cfg).len(), 2);
}

#[test]
fn control_flow_inside_calls_goes_through_temps() {
    let (f, m) = cfg_of(
        r#"fn f() -> Result<(), E> {
            consume(make()?, if c { a() } else { b() });
            let k = |x: i32| x + 1;
            Ok(())
        }"#,
    );
    let body = Body::new(&f.block, &m);
    let cfg = Cfg::of_body(&body);
    let call = cfg
        .nodes
        .iter()
        .find_map(|n| match n.kind {
            NodeKind::Eval { expr: syn::Expr::Call(c), .. } if syntax::call_name(c).as_deref() == Some("consume") => {
                Some(c)
            }
            _ => None,
        })
        .expect("consume call");
    assert!(cfg.temp_of(&call.args[0]).is_some(), "the `?` operand is a temp");
    assert!(cfg.temp_of(&call.args[1]).is_some(), "the `if` value is a temp");
    assert_eq!(cfg.closures.len(), 1);
    assert!(matches!(Cfg::of_closure(cfg.closures[0]).nodes.len(), 4..));
}

#[test]
fn fixpoint_gives_up_on_unbounded_domains() {
    /// A domain whose states grow forever around a loop.
    struct Counter;
    impl<'b> Domain<'b> for Counter {
        type State = u64;
        fn entry(&self, _: &Cfg<'b>) -> u64 {
            0
        }
        fn join(&self, into: &mut u64, other: &u64) {
            *into = (*into).max(*other);
        }
        fn transfer(&self, _: &Cfg<'b>, _: NodeId, state: &mut u64) {
            *state += 1;
        }
    }
    let (f, m) = cfg_of("fn f() { loop { step(); } }");
    let body = Body::new(&f.block, &m);
    let cfg = Cfg::of_body(&body);
    assert!(solve(&cfg, &Counter).is_none());
}

#[test]
fn a_spent_budget_gives_up_with_a_note() {
    let src = format!("fn f() {{ {} }}", "step();".repeat(200));
    let (f, m) = cfg_of(&src);
    let body = Body::new(&f.block, &m);
    let cfg = Cfg::of_body(&body);
    crate::budget::take_skipped();
    assert!(solve(&cfg, &Checked).is_some());
    let spent = crate::budget::Budget::with_limit(std::time::Duration::ZERO);
    std::thread::sleep(std::time::Duration::from_millis(2));
    assert!(solve::solve_within(&cfg, &Checked, &spent).is_none());
    let notes = crate::budget::take_skipped();
    assert!(notes.len() == 1 && notes[0].contains("analysis budget"), "{notes:?}");
}
