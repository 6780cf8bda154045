"""scripts/realcode: how cpython-rs does on real code that calls the C API by hand.

    python3 scripts/realcode [run]        fetch, check, compare with the ledger, report
    python3 scripts/realcode merge FILE   add triaged rows (verdict + reason filled in)

`run` checks every pinned project with the default selection and with
`--select ALL`, matches each finding with the ledger by fingerprint, prints
precision per rule and per project, lists untriaged findings and stale ledger
rows, and exits 1 while any finding is untriaged (so it can gate a release).
Not part of `cargo test`: it needs the network the first time, and minutes.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import fingerprint
import ledger
import projects

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SELECTIONS = ("default", "ALL")
# Rows the current analysis no longer produces are kept (an older binary can still be
# scored against the ledger) and listed briefly; `--prune` drops them.
STALE_SHOWN = 20


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run_check(binary, root, paths, selection, extend_select=()):
    cmd = [str(binary), "check", "--output-format", "json", "--exit-zero", "--color", "never"]
    if selection != "default":
        cmd += ["--select", selection]
    elif extend_select:
        cmd += ["--extend-select", ",".join(extend_select)]
    cmd += paths
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    problems = []
    if proc.returncode != 0:
        problems.append(f"`check` exited {proc.returncode}: {proc.stderr.strip()[:2000]}")
    try:
        diagnostics = json.loads(proc.stdout) if proc.stdout.strip() else []
    except json.JSONDecodeError as e:
        problems.append(f"unreadable JSON from `check`: {e}")
        diagnostics = []
    return diagnostics, elapsed, problems


def findings_of(project_name, root, diagnostics, sources):
    """Fingerprinted findings, in file/line order."""
    rows = []
    for d in diagnostics:
        file = d["filename"]
        if file not in sources:
            path = root / file
            text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
            sources[file] = fingerprint.SourceIndex(text)
        src = sources[file]
        start = src.offset(d["location"]["row"], d["location"]["column"])
        end = src.offset(d["end_location"]["row"], d["end_location"]["column"])
        rows.append(
            {
                "project": project_name,
                "rule": d["code"],
                "file": file,
                "item": src.enclosing(start),
                "snippet": src.snippet(start, max(end, start)),
                "line": d["location"]["row"],
                "column": d["location"]["column"],
                "message": d["message"],
                "labels": [f"{l['filename']}:{l['location']['row']}: {l['message']}" for l in d.get("labels", [])],
                "notes": [n for n in d.get("notes", []) if "explains" not in n],
            }
        )
    rows.sort(key=lambda r: (r["file"], r["line"], r["column"], r["rule"]))
    seen = Counter()
    for r in rows:
        base = (r["rule"], r["file"], r["item"], r["snippet"])
        r["occurrence"] = seen[base]
        seen[base] += 1
    return rows


def _figures(counts):
    t, f, n, u = counts["true"], counts["false"], counts["noise"], counts["untriaged"]
    precision = f"{t / (t + f):.3f}" if t + f else "-"
    share = f"{t / (t + f + n):.3f}" if t + f + n else "-"
    return [t, f, n, u, t + f + n + u, precision, share]


HEADERS = ["true", "false", "noise", "untriaged", "total", "precision", "true share"]


def print_table(title, groups, markdown=False):
    """precision = true / (true + false); true share = true / every triaged finding."""
    total = Counter()
    lines = []
    for name in sorted(groups):
        lines.append([name] + _figures(groups[name]))
        total.update(groups[name])
    lines.append(["all"] + _figures(total))
    print(f"\n== {title}")
    if markdown:
        print("| | " + " | ".join(HEADERS) + " |")
        print("|---" * (len(HEADERS) + 1) + "|")
        for line in lines:
            print("| " + " | ".join(str(x) for x in line) + " |")
        return
    width = max(len(line[0]) for line in lines)
    print(f"{'':<{width}} " + " ".join(f"{h:>{max(len(h), 6)}}" for h in HEADERS))
    for line in lines:
        print(f"{line[0]:<{width}} " + " ".join(f"{str(x):>{max(len(h), 6)}}" for h, x in zip(HEADERS, line[1:])))


def cmd_run(args):
    binary = Path(args.binary) if args.binary else REPO / "target" / "release" / "cpython-rs"
    if not binary.exists():
        raise SystemExit(f"{binary} not found: build it with `cargo build --release` (or pass --binary)")
    cache = Path(args.cache) if args.cache else projects.default_cache()
    cache.mkdir(parents=True, exist_ok=True)
    fork = args.fork or os.environ.get("CPYTHON_RS_FORK")
    fork_root = Path(fork) if fork else (cache / "fork" if (cache / "fork").is_dir() else None)
    ledger_path = Path(args.ledger)
    rows = ledger.load(ledger_path)

    all_projects = projects.load(HERE / "projects.toml")
    chosen = [p for p in all_projects if not args.project or p.name in args.project]
    unknown = set(args.project or []) - {p.name for p in all_projects}
    if unknown:
        raise SystemExit(f"unknown project(s): {sorted(unknown)}")

    found = {s: [] for s in SELECTIONS}
    ran = set()
    problems = []
    for p in chosen:
        try:
            root = projects.ensure(p, cache, fork_root, log)
        except projects.FetchError as e:
            raise SystemExit(str(e)) from None
        if root is None:
            continue
        if p.source == "local":
            cwd, paths = fork_root, [p.local]
        else:
            cwd, paths = root, p.paths
        sources = {}
        ran.add(p.name)
        for sel in SELECTIONS:
            diagnostics, elapsed, errs = run_check(binary, cwd, paths, sel, p.extend_select)
            problems += [f"{p.name} ({sel}): {e}" for e in errs]
            got = findings_of(p.name, cwd, diagnostics, sources)
            found[sel] += got
            log(f"checked {p.label:<34} {sel:<7} {len(got):>5} findings in {elapsed:5.1f}s")

    def verdict_of(r):
        row = rows.get(ledger.key(r))
        return row["verdict"] if row else "untriaged"

    for sel in SELECTIONS:
        by_rule, by_project = defaultdict(Counter), defaultdict(Counter)
        for r in found[sel]:
            v = verdict_of(r)
            by_rule[r["rule"]][v] += 1
            by_project[r["project"]][v] += 1
        print_table(f"by rule, {sel} selection", by_rule, args.markdown)
        print_table(f"by project, {sel} selection", by_project, args.markdown)

    untriaged = {}
    for sel in SELECTIONS:
        for r in found[sel]:
            if verdict_of(r) == "untriaged":
                untriaged.setdefault(ledger.key(r), r)
    live = {ledger.key(r) for sel in SELECTIONS for r in found[sel]}
    stale = [row for k, row in rows.items() if row["project"] in ran and k not in live]

    if untriaged:
        print(f"\n== {len(untriaged)} untriaged findings")
        for r in untriaged.values():
            print(f"{r['project']}: {r['file']}:{r['line']}:{r['column']}: {r['rule']} {r['message']}  [{r['item']}]")
        if args.write_untriaged:
            with open(args.write_untriaged, "w", encoding="utf-8") as f:
                for r in untriaged.values():
                    stub = {k: r[k] for k in ledger.KEY_FIELDS + ("line",)}
                    stub.update(verdict="", reason="", message=r["message"], labels=r["labels"], notes=r["notes"])
                    f.write(json.dumps(stub, ensure_ascii=False) + "\n")
            print(f"(stubs written to {args.write_untriaged}: fill in verdict and reason, then `merge` them)")
    if stale:
        print(f"\n== {len(stale)} ledger rows match no finding (the code or the analysis changed)")
        shown = stale if args.list_stale else stale[:STALE_SHOWN]
        for row in shown:
            print(f"{row['project']}: {row['file']}:{row['line']}: {row['rule']} [{row['verdict']}] {row['snippet'][:80]}")
        if len(shown) < len(stale):
            print(f"... and {len(stale) - len(shown)} more (--list-stale lists them all)")
        if args.prune:
            for row in stale:
                del rows[ledger.key(row)]
            ledger.save(ledger_path, rows)
            print(f"(pruned from {ledger_path})")
    if problems:
        print("\n== problems")
        for e in problems:
            print(e)
    skipped = [p.name for p in chosen if p.name not in ran]
    if skipped:
        print(f"\n(skipped: {', '.join(skipped)})")
    return 1 if untriaged or problems else 0


def cmd_merge(args):
    ledger_path = Path(args.ledger)
    rows = ledger.load(ledger_path)
    added = replaced = 0
    with open(args.file, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("verdict") not in ledger.VERDICTS or not row.get("reason", "").strip():
                raise SystemExit(f"{args.file}:{n}: needs a verdict ({'/'.join(ledger.VERDICTS)}) and a reason")
            k = ledger.key(row)
            replaced += k in rows
            added += k not in rows
            rows[k] = {f: row[f] for f in ledger.FIELDS}
    ledger.save(ledger_path, rows)
    print(f"{added} rows added, {replaced} replaced: {ledger_path}")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="scripts/realcode", description=__doc__.split("\n\n")[0])
    parser.add_argument("--ledger", default=str(HERE / "ledger.jsonl"), help="the ledger file")
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="fetch, check, compare with the ledger (the default)")
    run.add_argument("--binary", help="the cpython-rs binary (default: target/release/cpython-rs)")
    run.add_argument("--cache", help="where projects are kept (default: $CPYTHON_RS_REALCODE_CACHE or ~/.cache/cpython-rs/realcode)")
    run.add_argument("--fork", help="a Rust-for-CPython checkout for the local projects (default: $CPYTHON_RS_FORK, or CACHE/fork)")
    run.add_argument("--project", action="append", help="only this project (repeatable)")
    run.add_argument("--write-untriaged", metavar="FILE", help="write untriaged findings as ledger stubs")
    run.add_argument("--prune", action="store_true", help="drop ledger rows that match no finding")
    run.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    run.add_argument("--list-stale", action="store_true", help="list every ledger row that matches no finding")
    merge = sub.add_parser("merge", help="add triaged rows to the ledger")
    merge.add_argument("file")
    args = parser.parse_args(argv)
    if args.command in (None, "run"):
        if args.command is None:
            args = parser.parse_args(["--ledger", args.ledger, "run"] + [])
        return cmd_run(args)
    return cmd_merge(args)


if __name__ == "__main__":
    sys.exit(main())
