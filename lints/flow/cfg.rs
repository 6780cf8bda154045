//! Lowering a body into a control-flow graph.
//!
//! Nodes hold the syn expressions they evaluate. An expression without
//! control flow of its own is one node ([`NodeKind::Eval`], with a
//! [`Dest`] saying where its value goes). Control flow (`if`, `match`,
//! loops, blocks with statements, `?`, `return`, `break`, `continue`) is
//! lowered into nodes and edges; where it sits inside an otherwise plain
//! expression (`f(x?)`, `g(if c { a } else { b })`), it is lowered first
//! into a temporary and the enclosing expression reads it back
//! ([`Cfg::temp_of`]). Values of `if`/`match`/blocks are pushed into their
//! branches: `let o = if c { f() } else { g() };` becomes two `Eval` nodes
//! with `Dest::Let(o)`, one per branch.

use std::collections::HashMap;

use syn::spanned::Spanned;
use syn::visit::Visit;

use super::body::{Body, DIVERGING_MACROS};

pub type NodeId = usize;
pub type TempId = usize;

/// How a path leaves the function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReturnKind {
    /// `return e` or `return`.
    Explicit,
    /// The value of the body's tail expression (or falling off its end).
    Tail,
    /// The error path of `e?`.
    Try,
}

/// Where an evaluated value goes.
#[derive(Debug, Clone, Copy)]
pub enum Dest<'b> {
    /// Dropped: an expression statement, or a position whose value nobody reads.
    Discard,
    /// Bound by `let pat = ..`.
    Let(&'b syn::Pat),
    /// Stored by `lhs = ..` (the left-hand side; compound assignments are plain `Eval`s).
    Assign(&'b syn::Expr),
    /// Held for a later node that reads it through [`Cfg::temp_of`].
    Temp(TempId),
}

/// The test of a two-way branch.
#[derive(Debug, Clone, Copy)]
pub enum Cond<'b> {
    /// A boolean expression with no `&&`, `||` or `!` on top: those are lowered
    /// into several tests, so clients only ever see atoms like `p.is_null()` or `r < 0`.
    Bool(&'b syn::Expr),
    /// `if let`, `while let`, `let .. else`: true when `pat` matches the value of `scrutinee`.
    Let { pat: &'b syn::Pat, scrutinee: &'b syn::Expr },
}

/// What a node does.
#[derive(Debug, Clone, Copy)]
pub enum NodeKind<'b> {
    /// Where the function starts (no effect).
    Entry,
    /// The single end every [`NodeKind::Return`] flows into.
    Exit,
    /// Where panics and other diverging calls go (no exit checks belong here).
    Diverge,
    /// Evaluate `expr` (free of control flow, except sub-expressions with a temp).
    Eval { expr: &'b syn::Expr, dest: Dest<'b> },
    /// `let pat;` without an initialiser.
    Declare(&'b syn::Pat),
    /// Evaluate the condition, then branch: edges [`EdgeKind::True`] and [`EdgeKind::False`].
    Test(Cond<'b>),
    /// Evaluate the scrutinee, then branch to each arm: edges [`EdgeKind::Arm`] in arm order.
    Match { scrutinee: &'b syn::Expr, arms: &'b [syn::Arm] },
    /// `expr?`: evaluate the operand into `temp`, then [`EdgeKind::TryOk`] / [`EdgeKind::TryErr`].
    Try { expr: &'b syn::ExprTry, temp: TempId },
    /// The head of a `for` loop: [`EdgeKind::Next`] binds `pat` to the next item, [`EdgeKind::Done`] leaves.
    ForNext { pat: &'b syn::Pat, iter: &'b syn::Expr },
    /// Leave the function; `value` (free of control flow, or with temps) is the returned value.
    /// `at` is the syntax to point at: the `return` expression, the tail, the `?`, or the block's end.
    Return { value: Option<&'b syn::Expr>, kind: ReturnKind, at: proc_macro2::Span },
    /// A macro the engine cannot read: whatever it mentions is unknown.
    Opaque(&'b syn::Macro),
    /// A merge point with no effect (loop heads, match arm starts).
    Join,
}

/// Why an edge is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// Plain sequencing (also `break`/`continue` jumps).
    Seq,
    True,
    False,
    /// Into arm `i` of a `match` (its pattern matched and is bound on this edge).
    Arm(usize),
    TryOk,
    TryErr,
    /// Another iteration of a `for` loop (its pattern is bound on this edge).
    Next,
    /// A `for` loop is exhausted.
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub to: NodeId,
    pub kind: EdgeKind,
}

#[derive(Debug, Clone)]
pub struct Node<'b> {
    pub kind: NodeKind<'b>,
    pub succs: Vec<Edge>,
}

/// The control-flow graph of one body.
#[derive(Debug)]
pub struct Cfg<'b> {
    pub nodes: Vec<Node<'b>>,
    /// Closures met in the body, to be analysed as bodies of their own ([`Cfg::of_closure`]).
    pub closures: Vec<&'b syn::ExprClosure>,
    temps: HashMap<*const syn::Expr, TempId>,
    temp_count: usize,
    preds: Vec<Vec<(NodeId, EdgeKind)>>,
}

/// Pending edges into whatever node comes next; empty when the point is unreachable.
type Cursor = Vec<(NodeId, EdgeKind)>;

impl<'b> Cfg<'b> {
    pub const ENTRY: NodeId = 0;
    pub const EXIT: NodeId = 1;
    pub const DIVERGE: NodeId = 2;

    /// Lower a function body; its value is what the function returns.
    pub fn of_body(body: &'b Body<'_>) -> Self {
        let block = body.block();
        let mut b = Builder::new();
        let end = b.block(block, vec![(Cfg::ENTRY, EdgeKind::Seq)], Flow::Return);
        b.fall_off(end, block.brace_token.span.close());
        b.finish()
    }

    /// Lower a closure's body (taken from an expanded [`Body`], see [`Cfg::closures`]).
    pub fn of_closure(closure: &'b syn::ExprClosure) -> Self {
        let mut b = Builder::new();
        let end = b.expr(&closure.body, vec![(Cfg::ENTRY, EdgeKind::Seq)], Flow::Return);
        b.fall_off(end, closure.body.span());
        b.finish()
    }

    pub fn node(&self, id: NodeId) -> &Node<'b> {
        &self.nodes[id]
    }

    /// Incoming edges of a node.
    pub fn preds(&self, id: NodeId) -> &[(NodeId, EdgeKind)] {
        &self.preds[id]
    }

    /// The temporary holding the value of a sub-expression that was lowered
    /// before the node that contains it (a `?`, an `if` or `match` inside a call...).
    pub fn temp_of(&self, expr: &syn::Expr) -> Option<TempId> {
        self.temps.get(&(expr as *const syn::Expr)).copied()
    }

    /// How many temporaries the body uses (ids are `0..temp_count()`).
    pub fn temp_count(&self) -> usize {
        self.temp_count
    }

    /// Node ids in reverse post-order from the entry (unreachable nodes left out).
    pub fn reverse_postorder(&self) -> Vec<NodeId> {
        let mut seen = vec![false; self.nodes.len()];
        let mut order = Vec::with_capacity(self.nodes.len());
        let mut stack = vec![(Cfg::ENTRY, 0usize)];
        seen[Cfg::ENTRY] = true;
        while let Some((n, i)) = stack.pop() {
            if let Some(e) = self.nodes[n].succs.get(i) {
                stack.push((n, i + 1));
                if !seen[e.to] {
                    seen[e.to] = true;
                    stack.push((e.to, 0));
                }
            } else {
                order.push(n);
            }
        }
        order.reverse();
        order
    }
}

/// Where the value of the expression being lowered goes.
#[derive(Debug, Clone, Copy)]
enum Flow<'b> {
    To(Dest<'b>),
    /// Out of the function (the body's tail, `return`).
    Return,
    ReturnExplicit,
}

struct LoopCx<'b> {
    label: Option<String>,
    /// `None` for labelled blocks, which `continue` cannot target.
    head: Option<NodeId>,
    breaks: Cursor,
    flow: Flow<'b>,
}

struct Builder<'b> {
    nodes: Vec<Node<'b>>,
    closures: Vec<&'b syn::ExprClosure>,
    temps: HashMap<*const syn::Expr, TempId>,
    temp_count: usize,
    loops: Vec<LoopCx<'b>>,
}

impl<'b> Builder<'b> {
    fn new() -> Self {
        let mut b = Builder {
            nodes: Vec::new(),
            closures: Vec::new(),
            temps: HashMap::new(),
            temp_count: 0,
            loops: Vec::new(),
        };
        for kind in [NodeKind::Entry, NodeKind::Exit, NodeKind::Diverge] {
            b.nodes.push(Node { kind, succs: Vec::new() });
        }
        b
    }

    fn finish(self) -> Cfg<'b> {
        let mut preds = vec![Vec::new(); self.nodes.len()];
        for (i, n) in self.nodes.iter().enumerate() {
            for e in &n.succs {
                preds[e.to].push((i, e.kind));
            }
        }
        Cfg { nodes: self.nodes, closures: self.closures, temps: self.temps, temp_count: self.temp_count, preds }
    }

    /// Add a node reached from every pending edge of `cur`.
    fn add(&mut self, cur: &Cursor, kind: NodeKind<'b>) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node { kind, succs: Vec::new() });
        self.connect(cur, id);
        id
    }

    fn connect(&mut self, cur: &Cursor, to: NodeId) {
        for &(from, kind) in cur {
            let edge = Edge { to, kind };
            if !self.nodes[from].succs.contains(&edge) {
                self.nodes[from].succs.push(edge);
            }
        }
    }

    fn new_temp(&mut self, expr: &'b syn::Expr) -> TempId {
        let t = self.temp_count;
        self.temp_count += 1;
        self.temps.insert(expr as *const syn::Expr, t);
        t
    }

    /// Falling off the end of the body returns unit.
    fn fall_off(&mut self, end: Cursor, at: proc_macro2::Span) {
        if !end.is_empty() {
            let r = self.add(&end, NodeKind::Return { value: None, kind: ReturnKind::Tail, at });
            self.connect(&vec![(r, EdgeKind::Seq)], Cfg::EXIT);
        }
    }

    fn block(&mut self, block: &'b syn::Block, mut cur: Cursor, flow: Flow<'b>) -> Cursor {
        let n = block.stmts.len();
        for (i, stmt) in block.stmts.iter().enumerate() {
            let last = i + 1 == n;
            cur = match stmt {
                syn::Stmt::Local(local) => self.local(local, cur),
                syn::Stmt::Item(_) => cur,
                syn::Stmt::Expr(e, None) if last => return self.expr(e, cur, flow),
                syn::Stmt::Expr(e, _) => self.expr(e, cur, Flow::To(Dest::Discard)),
                syn::Stmt::Macro(m) => self.opaque_macro(&m.mac, cur),
            };
        }
        match flow {
            Flow::Return | Flow::ReturnExplicit if !cur.is_empty() => {
                let at = block.brace_token.span.close();
                let kind = if matches!(flow, Flow::Return) { ReturnKind::Tail } else { ReturnKind::Explicit };
                let r = self.add(&cur, NodeKind::Return { value: None, kind, at });
                self.connect(&vec![(r, EdgeKind::Seq)], Cfg::EXIT);
                Vec::new()
            }
            _ => cur,
        }
    }

    fn local(&mut self, local: &'b syn::Local, cur: Cursor) -> Cursor {
        let Some(init) = &local.init else {
            let id = self.add(&cur, NodeKind::Declare(&local.pat));
            return vec![(id, EdgeKind::Seq)];
        };
        match &init.diverge {
            None => self.expr(&init.expr, cur, Flow::To(Dest::Let(&local.pat))),
            Some((_, else_expr)) => {
                let cur = self.prepare(&init.expr, cur);
                let test = self.add(&cur, NodeKind::Test(Cond::Let { pat: &local.pat, scrutinee: &init.expr }));
                // A `let .. else` block must diverge; if it seems not to, the path simply stops there.
                self.expr(else_expr, vec![(test, EdgeKind::False)], Flow::To(Dest::Discard));
                vec![(test, EdgeKind::True)]
            }
        }
    }

    /// Lower `e`, sending its value to `flow`; returns the pending edges after it.
    fn expr(&mut self, e: &'b syn::Expr, cur: Cursor, flow: Flow<'b>) -> Cursor {
        crate::stack::guard(|| self.expr_guarded(e, cur, flow))
    }

    fn expr_guarded(&mut self, e: &'b syn::Expr, cur: Cursor, flow: Flow<'b>) -> Cursor {
        if cur.is_empty() {
            return cur;
        }
        match e {
            syn::Expr::Paren(p) => self.expr(&p.expr, cur, flow),
            syn::Expr::Group(g) => self.expr(&g.expr, cur, flow),
            syn::Expr::Block(b) if has_control_flow(e) => {
                if let Some(label) = &b.label {
                    self.labelled_block(label, &b.block, cur, flow)
                } else {
                    self.block(&b.block, cur, flow)
                }
            }
            syn::Expr::Unsafe(u) if has_control_flow(e) => self.block(&u.block, cur, flow),
            syn::Expr::If(i) => self.if_expr(i, cur, flow),
            syn::Expr::Match(m) => self.match_expr(m, cur, flow),
            syn::Expr::Loop(l) => self.loop_expr(l.label.as_ref(), None, &l.body, cur, flow),
            syn::Expr::While(w) => self.loop_expr(w.label.as_ref(), Some(&w.cond), &w.body, cur, flow),
            syn::Expr::ForLoop(f) => self.for_expr(f, cur, flow),
            syn::Expr::Return(r) => {
                match &r.expr {
                    Some(v) => {
                        self.expr(v, cur, Flow::ReturnExplicit);
                    }
                    None => {
                        let id =
                            self.add(&cur, NodeKind::Return { value: None, kind: ReturnKind::Explicit, at: r.span() });
                        self.connect(&vec![(id, EdgeKind::Seq)], Cfg::EXIT);
                    }
                }
                Vec::new()
            }
            syn::Expr::Break(br) => {
                let label = br.label.as_ref().map(|l| l.ident.to_string());
                let Some(k) = self.find_loop(label.as_deref()) else { return Vec::new() };
                let after = match &br.expr {
                    Some(v) => {
                        let flow = self.loops[k].flow;
                        self.expr(v, cur, flow)
                    }
                    None => cur,
                };
                self.loops[k].breaks.extend(after);
                Vec::new()
            }
            syn::Expr::Continue(c) => {
                let label = c.label.as_ref().map(|l| l.ident.to_string());
                if let Some(head) = self.find_loop(label.as_deref()).and_then(|k| self.loops[k].head) {
                    self.connect(&cur, head);
                }
                Vec::new()
            }
            syn::Expr::Try(t) => {
                let cur = self.prepare(&t.expr, cur);
                let temp = self.new_temp(e);
                let id = self.add(&cur, NodeKind::Try { expr: t, temp });
                let ret = self.add(
                    &vec![(id, EdgeKind::TryErr)],
                    NodeKind::Return { value: None, kind: ReturnKind::Try, at: t.question_token.span },
                );
                self.connect(&vec![(ret, EdgeKind::Seq)], Cfg::EXIT);
                self.emit(e, vec![(id, EdgeKind::TryOk)], flow)
            }
            syn::Expr::Assign(a) => {
                let cur = self.prepare(&a.left, cur);
                self.expr(&a.right, cur, Flow::To(Dest::Assign(&a.left)))
            }
            syn::Expr::Macro(m) if is_diverging_macro(&m.mac) => {
                self.connect(&cur, Cfg::DIVERGE);
                Vec::new()
            }
            syn::Expr::Macro(m) => {
                let cur = self.opaque_macro(&m.mac, cur);
                self.emit(e, cur, flow)
            }
            _ => {
                let cur = self.prepare(e, cur);
                let diverges = is_diverging_call(e);
                let after = self.emit(e, cur, flow);
                if diverges {
                    self.connect(&after, Cfg::DIVERGE);
                    return Vec::new();
                }
                after
            }
        }
    }

    /// An expression free of control flow (or whose control flow was lowered to temps) as one node.
    fn emit(&mut self, e: &'b syn::Expr, cur: Cursor, flow: Flow<'b>) -> Cursor {
        if cur.is_empty() {
            return cur;
        }
        self.collect_closures(e);
        match flow {
            Flow::Return | Flow::ReturnExplicit => {
                let kind = if matches!(flow, Flow::Return) { ReturnKind::Tail } else { ReturnKind::Explicit };
                let id = self.add(&cur, NodeKind::Return { value: Some(e), kind, at: e.span() });
                self.connect(&vec![(id, EdgeKind::Seq)], Cfg::EXIT);
                Vec::new()
            }
            Flow::To(dest) => {
                let id = self.add(&cur, NodeKind::Eval { expr: e, dest });
                vec![(id, EdgeKind::Seq)]
            }
        }
    }

    /// Lower the control-flow sub-expressions of a plain expression into temps, in evaluation order.
    fn prepare(&mut self, e: &'b syn::Expr, mut cur: Cursor) -> Cursor {
        if !has_control_flow(e) {
            return cur;
        }
        match e {
            syn::Expr::Closure(_) | syn::Expr::Async(_) => cur,
            syn::Expr::Paren(_)
            | syn::Expr::Group(_)
            | syn::Expr::If(_)
            | syn::Expr::Match(_)
            | syn::Expr::Block(_)
            | syn::Expr::Unsafe(_)
            | syn::Expr::Loop(_)
            | syn::Expr::While(_)
            | syn::Expr::ForLoop(_)
            | syn::Expr::Try(_)
            | syn::Expr::Return(_)
            | syn::Expr::Break(_)
            | syn::Expr::Continue(_)
            | syn::Expr::Assign(_)
            | syn::Expr::Macro(_) => {
                let t = self.new_temp(e);
                self.expr(e, cur, Flow::To(Dest::Temp(t)))
            }
            _ => {
                for child in children(e) {
                    if has_control_flow(child) {
                        cur = match child {
                            syn::Expr::Paren(_)
                            | syn::Expr::Group(_)
                            | syn::Expr::Reference(_)
                            | syn::Expr::Cast(_)
                            | syn::Expr::Unary(_)
                            | syn::Expr::Field(_) => self.prepare(child, cur),
                            _ if is_control(child) => {
                                let t = self.new_temp(child);
                                self.expr(child, cur, Flow::To(Dest::Temp(t)))
                            }
                            _ => self.prepare(child, cur),
                        };
                    }
                }
                cur
            }
        }
    }

    fn cond(&mut self, c: &'b syn::Expr, cur: Cursor) -> (Cursor, Cursor) {
        if cur.is_empty() {
            return (Vec::new(), Vec::new());
        }
        match c {
            syn::Expr::Paren(p) => self.cond(&p.expr, cur),
            syn::Expr::Group(g) => self.cond(&g.expr, cur),
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => {
                let (t, f) = self.cond(&u.expr, cur);
                (f, t)
            }
            syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                let (t1, mut f1) = self.cond(&b.left, cur);
                let (t2, f2) = self.cond(&b.right, t1);
                f1.extend(f2);
                (t2, f1)
            }
            syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::Or(_)) => {
                let (mut t1, f1) = self.cond(&b.left, cur);
                let (t2, f2) = self.cond(&b.right, f1);
                t1.extend(t2);
                (t1, f2)
            }
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Bool(v), .. }) => {
                if v.value {
                    (cur, Vec::new())
                } else {
                    (Vec::new(), cur)
                }
            }
            syn::Expr::Let(l) => {
                let cur = self.prepare(&l.expr, cur);
                let id = self.add(&cur, NodeKind::Test(Cond::Let { pat: &l.pat, scrutinee: &l.expr }));
                (vec![(id, EdgeKind::True)], vec![(id, EdgeKind::False)])
            }
            _ => {
                let cur = if is_control(c) {
                    let t = self.new_temp(c);
                    self.expr(c, cur, Flow::To(Dest::Temp(t)))
                } else {
                    self.prepare(c, cur)
                };
                if cur.is_empty() {
                    return (Vec::new(), Vec::new());
                }
                self.collect_closures(c);
                let id = self.add(&cur, NodeKind::Test(Cond::Bool(c)));
                (vec![(id, EdgeKind::True)], vec![(id, EdgeKind::False)])
            }
        }
    }

    fn if_expr(&mut self, i: &'b syn::ExprIf, cur: Cursor, flow: Flow<'b>) -> Cursor {
        let (t, f) = self.cond(&i.cond, cur);
        let mut out = self.block(&i.then_branch, t, flow);
        match &i.else_branch {
            Some((_, else_expr)) => out.extend(self.expr(else_expr, f, flow)),
            None => out.extend(self.unit_value(f, flow, i.span())),
        }
        out
    }

    /// A branch with no expression (`if` without `else`): unit flows on; a return of unit returns.
    fn unit_value(&mut self, cur: Cursor, flow: Flow<'b>, at: proc_macro2::Span) -> Cursor {
        match flow {
            Flow::Return | Flow::ReturnExplicit if !cur.is_empty() => {
                let kind = if matches!(flow, Flow::Return) { ReturnKind::Tail } else { ReturnKind::Explicit };
                let r = self.add(&cur, NodeKind::Return { value: None, kind, at });
                self.connect(&vec![(r, EdgeKind::Seq)], Cfg::EXIT);
                Vec::new()
            }
            _ => cur,
        }
    }

    fn match_expr(&mut self, m: &'b syn::ExprMatch, cur: Cursor, flow: Flow<'b>) -> Cursor {
        let cur = self.prepare(&m.expr, cur);
        if cur.is_empty() {
            return cur;
        }
        self.collect_closures(&m.expr);
        let id = self.add(&cur, NodeKind::Match { scrutinee: &m.expr, arms: &m.arms });
        // After an arm whose pattern always matches (`p`, `_`), later arms are
        // reached only through that arm's guard failing, never straight from the match.
        let starts: Vec<NodeId> = (0..m.arms.len())
            .map(|i| {
                let shadowed = m.arms[..i].iter().any(|a| irrefutable(&a.pat));
                let preds = if shadowed { Vec::new() } else { vec![(id, EdgeKind::Arm(i))] };
                self.add(&preds, NodeKind::Join)
            })
            .collect();
        let mut out = Vec::new();
        for (i, arm) in m.arms.iter().enumerate() {
            let mut entry = vec![(starts[i], EdgeKind::Seq)];
            if let Some((_, guard)) = &arm.guard {
                let (t, f) = self.cond(guard, entry);
                if let Some(&next) = starts.get(i + 1) {
                    self.connect(&f, next);
                }
                entry = t;
            }
            out.extend(self.expr(&arm.body, entry, flow));
        }
        out
    }

    fn loop_expr(
        &mut self,
        label: Option<&'b syn::Label>,
        cond: Option<&'b syn::Expr>,
        body: &'b syn::Block,
        cur: Cursor,
        flow: Flow<'b>,
    ) -> Cursor {
        let head = self.add(&cur, NodeKind::Join);
        let (enter, exit) = match cond {
            Some(c) => self.cond(c, vec![(head, EdgeKind::Seq)]),
            None => (vec![(head, EdgeKind::Seq)], Vec::new()),
        };
        self.loops.push(LoopCx {
            label: label.map(|l| l.name.ident.to_string()),
            head: Some(head),
            breaks: exit,
            flow,
        });
        let end = self.block(body, enter, Flow::To(Dest::Discard));
        self.connect(&end, head);
        self.loops.pop().map(|l| l.breaks).unwrap_or_default()
    }

    fn for_expr(&mut self, f: &'b syn::ExprForLoop, cur: Cursor, flow: Flow<'b>) -> Cursor {
        let cur = self.expr(&f.expr, cur, Flow::To(Dest::Discard));
        if cur.is_empty() {
            return cur;
        }
        let head = self.add(&cur, NodeKind::ForNext { pat: &f.pat, iter: &f.expr });
        self.loops.push(LoopCx {
            label: f.label.as_ref().map(|l| l.name.ident.to_string()),
            head: Some(head),
            breaks: vec![(head, EdgeKind::Done)],
            flow,
        });
        let end = self.block(&f.body, vec![(head, EdgeKind::Next)], Flow::To(Dest::Discard));
        self.connect(&end, head);
        self.loops.pop().map(|l| l.breaks).unwrap_or_default()
    }

    fn labelled_block(&mut self, label: &'b syn::Label, block: &'b syn::Block, cur: Cursor, flow: Flow<'b>) -> Cursor {
        self.loops.push(LoopCx { label: Some(label.name.ident.to_string()), head: None, breaks: Vec::new(), flow });
        let end = self.block(block, cur, flow);
        let mut out = self.loops.pop().map(|l| l.breaks).unwrap_or_default();
        out.extend(end);
        out
    }

    fn find_loop(&self, label: Option<&str>) -> Option<usize> {
        (0..self.loops.len()).rev().find(|&k| {
            let l = &self.loops[k];
            match label {
                Some(name) => l.label.as_deref() == Some(name),
                None => l.head.is_some(),
            }
        })
    }

    fn opaque_macro(&mut self, mac: &'b syn::Macro, cur: Cursor) -> Cursor {
        if cur.is_empty() {
            return cur;
        }
        if is_diverging_macro(mac) {
            self.connect(&cur, Cfg::DIVERGE);
            return Vec::new();
        }
        let id = self.add(&cur, NodeKind::Opaque(mac));
        vec![(id, EdgeKind::Seq)]
    }

    fn collect_closures(&mut self, e: &'b syn::Expr) {
        struct Closures<'b, 'v>(&'v mut Vec<&'b syn::ExprClosure>);
        impl<'b> Visit<'b> for Closures<'b, '_> {
            fn visit_expr_closure(&mut self, c: &'b syn::ExprClosure) {
                self.0.push(c);
            }
            fn visit_item(&mut self, _: &'b syn::Item) {}
        }
        Closures(&mut self.closures).visit_expr(e);
    }
}

fn is_diverging_macro(mac: &syn::Macro) -> bool {
    DIVERGING_MACROS.contains(&crate::syntax::macro_name(mac).as_str())
}

/// Calls that never return: `std::process::abort()`, `process::exit(..)`, `Py_FatalError(..)`.
pub fn is_diverging_call(e: &syn::Expr) -> bool {
    let syn::Expr::Call(call) = e else { return false };
    let syn::Expr::Path(p) = &*call.func else { return false };
    let mut segs = p.path.segments.iter().rev();
    let Some(last) = segs.next() else { return false };
    let prev_is_process = segs.next().is_some_and(|s| s.ident == "process");
    let last = &last.ident;
    last == "Py_FatalError"
        || last == "unreachable_unchecked"
        || last == "panic_any"
        || last == "resume_unwind"
        || last == "begin_panic"
        || ((last == "abort" || last == "exit") && prev_is_process)
}

/// Expressions whose lowering needs nodes of their own.
fn is_control(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::If(_)
        | syn::Expr::Match(_)
        | syn::Expr::Loop(_)
        | syn::Expr::While(_)
        | syn::Expr::ForLoop(_)
        | syn::Expr::Try(_)
        | syn::Expr::Return(_)
        | syn::Expr::Break(_)
        | syn::Expr::Continue(_)
        | syn::Expr::Assign(_) => true,
        syn::Expr::Block(_) | syn::Expr::Unsafe(_) | syn::Expr::Macro(_) => has_control_flow(e),
        _ => false,
    }
}

/// Whether an expression (outside closures) has control flow the CFG must see.
pub fn has_control_flow(e: &syn::Expr) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_expr(&mut self, e: &'ast syn::Expr) {
            if self.0 {
                return;
            }
            match e {
                syn::Expr::Closure(_) | syn::Expr::Async(_) | syn::Expr::Const(_) => {}
                syn::Expr::If(_)
                | syn::Expr::Match(_)
                | syn::Expr::Loop(_)
                | syn::Expr::While(_)
                | syn::Expr::ForLoop(_)
                | syn::Expr::Try(_)
                | syn::Expr::Return(_)
                | syn::Expr::Break(_)
                | syn::Expr::Continue(_)
                | syn::Expr::Let(_)
                | syn::Expr::Assign(_) => self.0 = true,
                syn::Expr::Block(b) if b.label.is_some() => self.0 = true,
                // A block is control flow unless it is one tail expression without any
                // (`unsafe { f(x) }`): look at that tail once, not once per enclosing block.
                syn::Expr::Block(syn::ExprBlock { block, .. }) | syn::Expr::Unsafe(syn::ExprUnsafe { block, .. }) => {
                    match single_tail(block) {
                        Some(tail) => self.visit_expr(tail),
                        None => self.0 = true,
                    }
                }
                syn::Expr::Macro(m) if is_diverging_macro(&m.mac) => self.0 = true,
                _ if is_diverging_call(e) => self.0 = true,
                _ => syn::visit::visit_expr(self, e),
            }
        }
        fn visit_macro(&mut self, _: &'ast syn::Macro) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut f = Finder(false);
    f.visit_expr(e);
    f.0
}

/// Whether an argument can leave the enclosing function or loop (`return`, `?`, `break`, `continue`).
pub fn can_leave(e: &syn::Expr) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_expr(&mut self, e: &'ast syn::Expr) {
            match e {
                syn::Expr::Closure(_) | syn::Expr::Async(_) => {}
                syn::Expr::Return(_) | syn::Expr::Try(_) | syn::Expr::Break(_) | syn::Expr::Continue(_) => {
                    self.0 = true
                }
                _ => syn::visit::visit_expr(self, e),
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut f = Finder(false);
    f.visit_expr(e);
    f.0
}

/// The expression of a block that holds only a tail expression.
fn single_tail(block: &syn::Block) -> Option<&syn::Expr> {
    match block.stmts.as_slice() {
        [syn::Stmt::Expr(e, None)] => Some(e),
        _ => None,
    }
}

/// The direct sub-expressions of an expression, in evaluation order.
pub fn children(e: &syn::Expr) -> Vec<&syn::Expr> {
    match e {
        syn::Expr::Array(a) => a.elems.iter().collect(),
        syn::Expr::Binary(b) => vec![&b.left, &b.right],
        syn::Expr::Call(c) => std::iter::once(&*c.func).chain(c.args.iter()).collect(),
        syn::Expr::Cast(c) => vec![&c.expr],
        syn::Expr::Field(f) => vec![&f.base],
        syn::Expr::Index(i) => vec![&i.expr, &i.index],
        syn::Expr::MethodCall(m) => std::iter::once(&*m.receiver).chain(m.args.iter()).collect(),
        syn::Expr::Paren(p) => vec![&p.expr],
        syn::Expr::Group(g) => vec![&g.expr],
        syn::Expr::Range(r) => r.start.iter().chain(r.end.iter()).map(|b| &**b).collect(),
        syn::Expr::Reference(r) => vec![&r.expr],
        syn::Expr::RawAddr(r) => vec![&r.expr],
        syn::Expr::Repeat(r) => vec![&r.expr, &r.len],
        syn::Expr::Struct(s) => s.fields.iter().map(|f| &f.expr).chain(s.rest.iter().map(|b| &**b)).collect(),
        syn::Expr::Tuple(t) => t.elems.iter().collect(),
        syn::Expr::Unary(u) => vec![&u.expr],
        syn::Expr::Let(l) => vec![&l.expr],
        syn::Expr::Yield(y) => y.expr.iter().map(|b| &**b).collect(),
        syn::Expr::Await(a) => vec![&a.base],
        _ => Vec::new(),
    }
}

/// Whether a match pattern matches every value: `_`, or a plain lower-case
/// binding (an upper-case name is a constant or a variant such as `None`).
fn irrefutable(pat: &syn::Pat) -> bool {
    match pat {
        syn::Pat::Wild(_) => true,
        syn::Pat::Ident(p) => {
            p.subpat.is_none() && p.ident.to_string().starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        }
        syn::Pat::Paren(p) => irrefutable(&p.pat),
        _ => false,
    }
}
