//! A generic forward dataflow over a [`Cfg`], iterated to a fixpoint.

use super::cfg::{Cfg, Edge, NodeId};

/// An abstract domain: what a client tracks along the paths of a body.
///
/// The lattice should have finite height (states made of facts about a
/// bounded set of places and sites); [`solve`] gives up on bodies whose
/// states do not settle within its budget.
pub trait Domain<'b> {
    type State: Clone + Eq;

    /// The state at the start of the body (parameters bound, nothing else known).
    fn entry(&self, cfg: &Cfg<'b>) -> Self::State;

    /// Merge the state of another incoming path into `into` (least upper bound).
    fn join(&self, into: &mut Self::State, other: &Self::State);

    /// The effect of evaluating node `node` (see [`NodeKind`](super::NodeKind) for what each kind evaluates).
    fn transfer(&self, cfg: &Cfg<'b>, node: NodeId, state: &mut Self::State);

    /// The effect of taking `edge` out of `from`, after its transfer: refine on
    /// a branch (`p.is_null()` true, `r < 0` false, arm `Some(x)`), bind the
    /// pattern of `if let`/`match` arms/`for`. Return `false` when the state
    /// shows the edge cannot be taken (the successor then gets nothing from it).
    fn edge(&self, cfg: &Cfg<'b>, from: NodeId, edge: &Edge, state: &mut Self::State) -> bool {
        let _ = (cfg, from, edge, state);
        true
    }
}

/// The fixpoint: the state before each node (`None` where no path reaches it).
#[derive(Debug, Clone)]
pub struct Solution<S> {
    pub before: Vec<Option<S>>,
}

impl<S> Solution<S> {
    pub fn before(&self, node: NodeId) -> Option<&S> {
        self.before.get(node).and_then(Option::as_ref)
    }
}

/// How many times a node may be re-evaluated before the analysis gives up.
pub const MAX_VISITS_PER_NODE: usize = 24;

/// Bodies bigger than this many nodes are not analysed (generated code).
pub const MAX_NODES: usize = 20_000;

/// Iterate `domain` over `cfg` to a fixpoint. `None` when the body is too
/// large or some node's state did not settle: clients then stay silent.
pub fn solve<'b, D: Domain<'b>>(cfg: &Cfg<'b>, domain: &D) -> Option<Solution<D::State>> {
    solve_within(cfg, domain, &crate::budget::Budget::start())
}

/// [`solve`] within a time budget: past it, `None` (and a note for `--verbose`).
pub fn solve_within<'b, D: Domain<'b>>(
    cfg: &Cfg<'b>,
    domain: &D,
    budget: &crate::budget::Budget,
) -> Option<Solution<D::State>> {
    let n = cfg.nodes.len();
    if n > MAX_NODES {
        return None;
    }
    let order = cfg.reverse_postorder();
    let mut rank = vec![usize::MAX; n];
    for (i, &id) in order.iter().enumerate() {
        rank[id] = i;
    }
    let mut before: Vec<Option<D::State>> = vec![None; n];
    let mut visits = vec![0usize; n];
    before[Cfg::ENTRY] = Some(domain.entry(cfg));
    // A worklist ordered by reverse post-order: loops settle inner-first, merges see all inputs.
    let mut pending = std::collections::BTreeSet::new();
    pending.insert(rank[Cfg::ENTRY]);
    let mut steps = 0usize;
    while let Some(r) = pending.pop_first() {
        steps += 1;
        if steps % 64 == 0 && budget.spent() {
            crate::budget::note_skipped(format!(
                "a body of {n} flow nodes passed the {} s analysis budget and was skipped",
                budget.limit().as_secs_f64()
            ));
            return None;
        }
        let id = order[r];
        visits[id] += 1;
        if visits[id] > MAX_VISITS_PER_NODE {
            return None;
        }
        let Some(mut state) = before[id].clone() else { continue };
        domain.transfer(cfg, id, &mut state);
        let succs = &cfg.nodes[id].succs;
        let mut state = Some(state);
        for (k, edge) in succs.iter().enumerate() {
            // The last edge takes the state itself; the others a copy.
            let mut out = if k + 1 == succs.len() {
                state.take().expect("state for the last edge")
            } else {
                state.clone().expect("state for an edge")
            };
            if !domain.edge(cfg, id, edge, &mut out) {
                continue;
            }
            let changed = match &mut before[edge.to] {
                slot @ None => {
                    *slot = Some(out);
                    true
                }
                Some(existing) => {
                    let old = existing.clone();
                    domain.join(existing, &out);
                    *existing != old
                }
            };
            if changed && rank[edge.to] != usize::MAX {
                pending.insert(rank[edge.to]);
            }
        }
    }
    Some(Solution { before })
}
