//! One reader of CPython's build files, shared by `check` (BW001/BW002),
//! `new-module` and `doctor`, so the scaffold understands every file the
//! checker does and in the formats CPython really writes them:
//!
//! - [`configure_ac`]: `PY_STDLIB_MOD(...)` calls as m4 reads them (any line
//!   breaks, `dnl` and `#` comments, quoting);
//! - [`setup`]: `Modules/Setup.stdlib.in` entries (`@MODULE_X_TRUE@name src...`,
//!   backslash continuations, comments, `*shared*` markers);
//! - [`pcbuild`]: the `<ExtensionModules Include="...">` lists of
//!   `PCbuild/pcbuild.proj` and the project lists of `PCbuild/readme.txt`
//!   (plain names or ` * name` bullets);
//! - [`pyimports`]: the imports of a `Lib/` module, and whether each is
//!   guarded by `try:` / `except ImportError:`.
//!
//! Every reader gives byte ranges into the text it was handed, so a caller
//! can point at an entry (a diagnostic) or insert beside it (an edit).

pub mod configure_ac;
pub mod pcbuild;
pub mod pyimports;
pub mod setup;

use std::ops::Range;

/// The byte range of every line of `text`, without its line ending.
pub fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        out.push(start..start + line.len());
        start += raw.len();
    }
    out
}

/// The 0-based line that holds byte `offset`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count()
}
