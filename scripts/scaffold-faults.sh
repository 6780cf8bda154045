#!/usr/bin/env bash
# new-module under faults at the issue's scale: 300 SIGKILLs at random points
# of a run (each followed by `--repair` or the next run) and 60 pairs of runs
# started together. Prints the counts; fails on any deleted file, half-edited
# tree or lost registration. `cargo test` runs the same tests, smaller.
set -euo pipefail
cd "$(dirname "$0")/.."
CPYTHON_RS_FAULT_KILLS="${CPYTHON_RS_FAULT_KILLS:-300}" \
CPYTHON_RS_FAULT_PAIRS="${CPYTHON_RS_FAULT_PAIRS:-60}" \
    cargo test --test scaffold_faults -- --test-threads 1 --nocapture
