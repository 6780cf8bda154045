"""The committed ledger: one triaged finding per line (JSON Lines).

A row: project, rule, file, item, snippet, occurrence (together the
fingerprint), line (where it was when triaged; informative only), verdict
(true | false | noise) and a one-line reason.
"""

import json

VERDICTS = ("true", "false", "noise")
KEY_FIELDS = ("project", "rule", "file", "item", "snippet", "occurrence")
FIELDS = KEY_FIELDS + ("line", "verdict", "reason")


def key(row):
    return tuple(row[f] for f in KEY_FIELDS)


def load(path):
    rows = {}
    if not path.exists():
        return rows
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            missing = [k for k in FIELDS if k not in row]
            if missing:
                raise SystemExit(f"{path}:{n}: missing {missing}")
            if row["verdict"] not in VERDICTS:
                raise SystemExit(f"{path}:{n}: verdict must be one of {VERDICTS}, not {row['verdict']!r}")
            if not row["reason"].strip():
                raise SystemExit(f"{path}:{n}: a verdict needs a reason")
            k = key(row)
            if k in rows:
                raise SystemExit(f"{path}:{n}: duplicate fingerprint {k}")
            rows[k] = row
    return rows


def save(path, rows):
    ordered = sorted(rows.values(), key=lambda r: (r["project"], r["file"], r["line"], r["rule"], r["occurrence"]))
    with open(path, "w", encoding="utf-8") as f:
        for row in ordered:
            f.write(json.dumps({k: row[k] for k in FIELDS}, ensure_ascii=False) + "\n")
