"""A finding's fingerprint: survives line moves, not edits of the flagged code.

rule + file + enclosing item (`impl X::fn y`) + the flagged text with its
whitespace normalised + the occurrence index among findings that share the
other four. The enclosing items come from a small Rust lexer (comments,
strings, raw strings, chars and lifetimes are skipped) that tracks braces.
"""

import re

SNIPPET_MAX = 160
# A flagged span shorter than this (`unsafe`, a name) says little on its own:
# the fingerprint takes its whole source line instead.
SNIPPET_MIN = 24

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ITEM_KEYWORDS = {"fn", "mod", "trait", "impl", "macro_rules"}


def _skip_string(text, i):
    """`text[i]` is the opening quote of a plain string: the index after it closes."""
    i += 1
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == '"':
            return i + 1
        i += 1
    return i


def _skip_raw_string(text, i):
    """`text[i]` is the `r` of `r#"..."#`: the index after it closes, or None."""
    j = i + 1
    hashes = 0
    while j < len(text) and text[j] == "#":
        hashes += 1
        j += 1
    if j >= len(text) or text[j] != '"':
        return None
    close = '"' + "#" * hashes
    end = text.find(close, j + 1)
    return len(text) if end < 0 else end + len(close)


def _skip_block_comment(text, i):
    depth = 0
    while i < len(text):
        if text.startswith("/*", i):
            depth += 1
            i += 2
        elif text.startswith("*/", i):
            depth -= 1
            i += 2
            if depth == 0:
                return i
        else:
            i += 1
    return i


def tokens(text):
    """Yield (offset, token) for identifiers and the punctuation items need."""
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            i = _skip_block_comment(text, i)
        elif c == '"':
            i = _skip_string(text, i)
        elif c in "rb" and (text.startswith('r"', i) or text.startswith("r#", i)):
            end = _skip_raw_string(text, i)
            if end is None:
                m = _IDENT.match(text, i)
                yield i, m.group(0)
                i = m.end()
            else:
                i = end
        elif c == "b" and (text.startswith('br"', i) or text.startswith("br#", i)):
            i = _skip_raw_string(text, i + 1) or i + 2
        elif c == "b" and text.startswith('b"', i):
            i = _skip_string(text, i + 1)
        elif c == "b" and text.startswith("b'", i):
            i = _skip_char(text, i + 1)
        elif c == "'":
            i = _skip_char(text, i)
        elif c.isalpha() or c == "_":
            m = _IDENT.match(text, i)
            yield i, m.group(0)
            i = m.end()
        elif c.isdigit():
            while i < n and (text[i].isalnum() or text[i] == "_"):
                i += 1
        elif c in "{};!()[]":
            yield i, c
            i += 1
        else:
            i += 1


def _skip_char(text, i):
    """`text[i]` is a `'`: a char literal ('a', '\\n', '\\u{1F}') or a lifetime ('a)."""
    if i + 1 < len(text) and text[i + 1] == "\\":
        end = text.find("'", i + 3)
        return len(text) if end < 0 else end + 1
    if i + 2 < len(text) and text[i + 2] == "'":
        return i + 3
    # A lifetime or label: skip the quote, the identifier follows as a token.
    return i + 1


def item_spans(text):
    """(open, close, name) of every braced item: fns, impls, mods, traits, macros."""
    spans = []
    stack = []  # (open offset, name or None)
    pending = None  # [kind, parts, bracket depth] while reading an item header
    depth = 0  # () and [] nesting, so `[u8; 4]` in a signature does not end it
    prev = None
    for offset, tok in tokens(text):
        if tok in "([":
            depth += 1
        elif tok in ")]":
            depth = max(depth - 1, 0)
        if pending is not None and pending[0] == "impl" and tok not in "{;()[]":
            pending[1].append(tok)
        if tok == "{":
            name = None
            if pending is not None:
                kind, parts, _ = pending
                name = "impl " + " ".join(parts) if kind == "impl" else kind + " " + (parts[0] if parts else "")
                pending = None
            stack.append((offset, name))
        elif tok == "}":
            if stack:
                start, name = stack.pop()
                if name is not None:
                    spans.append((start, offset + 1, name))
            pending = None
        elif tok == ";":
            if pending is not None and depth <= pending[2]:
                pending = None
        elif pending is None and tok in _ITEM_KEYWORDS and prev != "!":
            pending = ["macro_rules!" if tok == "macro_rules" else tok, [], depth]
        elif pending is not None and pending[0] != "impl" and not pending[1] and tok not in "!()[]":
            pending[1].append(tok)
        prev = tok
    return spans


class SourceIndex:
    """Line starts and item spans of one file, computed once."""

    def __init__(self, text):
        self.text = text
        self.line_starts = [0]
        for m in re.finditer("\n", text):
            self.line_starts.append(m.end())
        self.spans = item_spans(text)

    def offset(self, row, column):
        """Offset of a 1-based row and 1-based char column."""
        row = max(1, min(row, len(self.line_starts)))
        start = self.line_starts[row - 1]
        return min(start + max(column - 1, 0), len(self.text))

    def enclosing(self, offset):
        inside = [s for s in self.spans if s[0] <= offset < s[1]]
        inside.sort(key=lambda s: s[0])
        return "::".join(s[2] for s in inside)

    def snippet(self, start, end):
        flat = " ".join(self.text[start:end].split())
        if len(flat) < SNIPPET_MIN:
            line_start = self.text.rfind("\n", 0, start) + 1
            line_end = self.text.find("\n", start)
            flat = " ".join(self.text[line_start : len(self.text) if line_end < 0 else line_end].split())
        return flat[:SNIPPET_MAX]


def fingerprint(rule, file, item, snippet, occurrence):
    return f"{rule}|{file}|{item}|{snippet}|{occurrence}"
