//! One checked file: its text, a line index, its comments and its syn AST.
//!
//! syn drops comments, so the rules that read them (`// SAFETY:`, suppressions)
//! find them here, by byte range, from a small lexer over the source text.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use proc_macro2::{LineColumn, Span};

use crate::nesting::{DepthScan, Token};

/// Byte offsets of line starts, to turn spans into offsets and offsets into rows.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where 0-based `line` starts (clamped to the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based (row, column); the column counts characters, as rustc and ruff do.
    pub fn row_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col = text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// Byte offset of a proc-macro2 position (1-based line, 0-based char column).
    pub fn offset(&self, text: &str, lc: LineColumn) -> usize {
        if lc.line == 0 {
            return 0;
        }
        let line = (lc.line - 1).min(self.starts.len() - 1);
        let start = self.starts[line];
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let line_text = &text[start..end];
        start + line_text.char_indices().nth(lc.column).map_or(line_text.len(), |(i, _)| i)
    }
}

/// A comment found in the source text.
#[derive(Debug, Clone)]
pub struct Comment {
    pub range: Range<usize>,
    /// The comment's text without its `//`/`/* */` markers (doc markers kept off too).
    pub text: String,
    pub is_doc: bool,
    pub is_block: bool,
}

/// A file's text and what is derived from it without parsing.
#[derive(Debug)]
pub struct SourceText {
    pub path: Arc<Path>,
    pub text: Arc<str>,
    pub lines: LineIndex,
}

impl SourceText {
    pub fn new(path: Arc<Path>, text: Arc<str>) -> Self {
        let lines = LineIndex::new(&text);
        SourceText { path, text, lines }
    }

    pub fn row_col(&self, offset: usize) -> (usize, usize) {
        self.lines.row_col(&self.text, offset)
    }
}

/// A parsed Rust file. Spans in `ast` are only valid on the thread that parsed
/// it (proc-macro2 keeps its source map per thread), so a crate is parsed and
/// analysed on one thread and diagnostics carry plain byte ranges.
pub struct SourceFile {
    pub source: Arc<SourceText>,
    pub ast: syn::File,
    pub comments: Vec<Comment>,
}

impl SourceFile {
    pub fn path(&self) -> &Arc<Path> {
        &self.source.path
    }

    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// Byte range of a span of this file's AST.
    pub fn range(&self, span: Span) -> Range<usize> {
        let text = &self.source.text;
        let start = self.source.lines.offset(text, span.start());
        let end = self.source.lines.offset(text, span.end()).max(start);
        start..end
    }

    /// Byte range covering everything from `first` to `last` (inclusive).
    pub fn range_between(&self, first: Span, last: Span) -> Range<usize> {
        let a = self.range(first);
        let b = self.range(last);
        a.start.min(b.start)..a.end.max(b.end)
    }

    /// 0-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.source.lines.line_of(offset)
    }

    /// The comments that end on 0-based `line`.
    pub fn comments_on_line(&self, line: usize) -> impl Iterator<Item = &Comment> {
        let lines = &self.source.lines;
        let start = self.comments.partition_point(|c| lines.line_of(c.range.end.saturating_sub(1)) < line);
        self.comments[start..].iter().take_while(move |c| lines.line_of(c.range.end.saturating_sub(1)) == line)
    }

    /// The text of 0-based `line`, without its newline.
    pub fn line_text(&self, line: usize) -> &str {
        let lines = &self.source.lines;
        let start = lines.line_start(line);
        let end = if line + 1 < lines.line_count() { lines.line_start(line + 1) } else { self.source.text.len() };
        self.source.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The run of comments directly above `line`: the lines just before it
    /// that hold only comments or attributes, nearest first.
    pub fn comment_block_above(&self, line: usize) -> Vec<&Comment> {
        let mut found = Vec::new();
        let mut l = line;
        while l > 0 {
            l -= 1;
            let trimmed = self.line_text(l).trim();
            if trimmed.is_empty() {
                break;
            }
            let on_line: Vec<&Comment> = self.comments_on_line(l).collect();
            if on_line.is_empty() {
                if trimmed.starts_with("#[") || trimmed.starts_with("#![") {
                    continue;
                }
                break;
            }
            // A comment that trails code belongs to that code, not to what follows.
            let line_start = self.source.lines.line_start(l);
            let first = on_line[0].range.start;
            if first >= line_start && !self.source.text[line_start..first].trim().is_empty() {
                break;
            }
            found.extend(on_line.into_iter().rev());
        }
        found
    }
}

/// Why a file could not be turned into a [`SourceFile`].
#[derive(Debug)]
pub enum LoadError {
    Io(std::io::Error),
    NotUtf8 { valid_up_to: usize },
    Syntax { message: String, range: Range<usize>, text: Arc<str> },
    TooDeep { depth: usize, range: Range<usize>, text: Arc<str> },
}

/// Deepest nesting we hand to syn. syn and every visitor recurse per level;
/// past this a file is reported rather than risking the stack.
pub const MAX_NESTING: usize = crate::nesting::MAX_DEPTH;

/// Parse `text` as a Rust file.
pub fn parse(path: Arc<Path>, text: Arc<str>) -> Result<SourceFile, LoadError> {
    let lexed = lex(&text);
    parse_lexed(path, text, lexed)
}

/// Parse `text`, whose lexer pass was already done.
pub fn parse_lexed(path: Arc<Path>, text: Arc<str>, lexed: Lexed) -> Result<SourceFile, LoadError> {
    if let Some((depth, at)) = lexed.too_deep {
        return Err(LoadError::TooDeep { depth, range: at..at + 1, text });
    }
    if let Some((digits, at)) = lexed.too_long_int {
        let message = format!("integer literal is too large ({digits} digits): no integer type holds it");
        return Err(LoadError::Syntax { message, range: at..at + digits, text });
    }
    match crate::stack::guard(|| syn::parse_file(&text)) {
        Ok(ast) => Ok(SourceFile { source: Arc::new(SourceText::new(path, text)), ast, comments: lexed.comments }),
        Err(err) => {
            let lines = LineIndex::new(&text);
            let start = lines.offset(&text, err.span().start());
            let end = lines.offset(&text, err.span().end()).max(start);
            Err(LoadError::Syntax { message: err.to_string(), range: start..end, text })
        }
    }
}

/// Read a file as UTF-8 text (a regular file, up to [`crate::fsio::MAX_SOURCE_BYTES`]).
pub fn read_text(path: &Path) -> Result<Arc<str>, LoadError> {
    let bytes = crate::fsio::read_limited(path, crate::fsio::MAX_SOURCE_BYTES).map_err(LoadError::Io)?;
    String::from_utf8(bytes)
        .map(Arc::from)
        .map_err(|e| LoadError::NotUtf8 { valid_up_to: e.utf8_error().valid_up_to() })
}

/// Read and parse a file from disk.
pub fn load(path: &Path) -> Result<SourceFile, LoadError> {
    parse(Arc::from(path), read_text(path)?)
}

/// What one lexer pass over a file finds, before any parsing: its comments,
/// where its nesting first exceeds [`MAX_NESTING`], and the ranges that are
/// not code (comments and literals).
#[derive(Debug, Default)]
pub struct Lexed {
    pub comments: Vec<Comment>,
    /// (depth, offset) where nesting, as [`crate::nesting`] counts it, first
    /// went past [`MAX_NESTING`].
    pub too_deep: Option<(usize, usize)>,
    /// The deepest nesting counted anywhere in the file.
    pub deepest: usize,
    /// (digits, offset) of an integer literal too long for any integer type.
    pub too_long_int: Option<(usize, usize)>,
    non_code: Vec<Range<usize>>,
}

impl Lexed {
    /// `text` with comments and the contents of literals blanked to spaces,
    /// byte for byte, so offsets into it are offsets into `text`.
    pub fn code_only(&self, text: &str) -> String {
        let mut out = text.as_bytes().to_vec();
        for range in &self.non_code {
            for b in &mut out[range.clone()] {
                if *b != b'\n' && *b != b'"' {
                    *b = b' ';
                }
            }
        }
        String::from_utf8(out).unwrap_or_default()
    }
}

/// One pass over `text`: comments, nesting depth, non-code ranges.
pub fn lex(text: &str) -> Lexed {
    let mut lexer = Lexer { bytes: text.as_bytes(), pos: 0 };
    let mut lexed = Lexed::default();
    let mut depth = DepthScan::default();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    while lexer.pos < lexer.bytes.len() {
        let start = lexer.pos;
        let Some(kind) = lexer.skip_non_code() else {
            let b = lexer.bytes[start];
            if is_word(b) {
                let len = lexer.bytes[start..].iter().take_while(|&&b| is_word(b)).count();
                lexer.pos += len;
                // Words are ASCII or whole UTF-8 sequences (bytes >= 0x80 never end one early).
                depth.token(Token::Word(text.get(start..lexer.pos).unwrap_or("")), start);
            } else if b.is_ascii_whitespace() {
                lexer.pos += 1;
            } else {
                lexer.pos += depth.token(Token::Punct { byte: b, next: lexer.peek(1) }, start);
            }
            continue;
        };
        if matches!(kind, Skipped::Literal) {
            depth.token(Token::Literal, start);
        }
        lexed.non_code.push(start..lexer.pos);
        let raw = &text[start..lexer.pos];
        match kind {
            Skipped::LineComment => {
                let (body, is_doc) = strip_line_comment(raw);
                lexed.comments.push(Comment {
                    range: start..lexer.pos,
                    text: body.to_string(),
                    is_doc,
                    is_block: false,
                });
            }
            Skipped::BlockComment => {
                let is_doc =
                    (raw.starts_with("/**") && !raw.starts_with("/***") && raw != "/**/") || raw.starts_with("/*!");
                let body = match (raw.len() >= 4, is_doc) {
                    (false, _) => "",
                    (true, true) => raw.get(3..raw.len() - 2).unwrap_or(""),
                    (true, false) => &raw[2..raw.len() - 2],
                };
                lexed.comments.push(Comment {
                    range: start..lexer.pos,
                    text: body.to_string(),
                    is_doc,
                    is_block: true,
                });
            }
            Skipped::Literal => {}
        }
    }
    lexed.too_deep = depth.too_deep;
    lexed.too_long_int = depth.too_long_int;
    lexed.deepest = depth.deepest;
    lexed
}

/// `text` with comments and the contents of literals blanked (see [`Lexed::code_only`]).
pub fn code_only(text: &str) -> String {
    lex(text).code_only(text)
}

/// All comments in `text`, in order.
pub fn lex_comments(text: &str) -> Vec<Comment> {
    lex(text).comments
}

fn strip_line_comment(raw: &str) -> (&str, bool) {
    if let Some(rest) = raw.strip_prefix("///") {
        if !rest.starts_with('/') {
            return (rest, true);
        }
    }
    if let Some(rest) = raw.strip_prefix("//!") {
        return (rest, true);
    }
    (&raw[2..], false)
}

enum Skipped {
    LineComment,
    BlockComment,
    Literal,
}

struct Lexer<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Lexer<'_> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    /// If a comment or literal starts at `pos`, move past it and say which.
    fn skip_non_code(&mut self) -> Option<Skipped> {
        let b = self.bytes[self.pos];
        match b {
            b'/' if self.peek(1) == Some(b'/') => {
                while self.pos < self.bytes.len() && self.bytes[self.pos] != b'\n' {
                    self.pos += 1;
                }
                Some(Skipped::LineComment)
            }
            b'/' if self.peek(1) == Some(b'*') => {
                self.pos += 2;
                let mut depth = 1;
                while self.pos < self.bytes.len() && depth > 0 {
                    if self.bytes[self.pos] == b'/' && self.peek(1) == Some(b'*') {
                        depth += 1;
                        self.pos += 2;
                    } else if self.bytes[self.pos] == b'*' && self.peek(1) == Some(b'/') {
                        depth -= 1;
                        self.pos += 2;
                    } else {
                        self.pos += 1;
                    }
                }
                Some(Skipped::BlockComment)
            }
            b'"' => {
                self.skip_quoted(b'"');
                Some(Skipped::Literal)
            }
            b'r' | b'b' | b'c' if self.is_literal_prefix() => {
                self.skip_prefixed_literal();
                Some(Skipped::Literal)
            }
            b'\'' => {
                // A char literal ('a', '\n', '\u{..}') or a lifetime ('a).
                let is_char =
                    self.peek(1) == Some(b'\\') || self.peek(2) == Some(b'\'') || self.char_literal_multibyte();
                if is_char {
                    self.skip_quoted(b'\'');
                    Some(Skipped::Literal)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    fn char_literal_multibyte(&self) -> bool {
        // 'é' : quote, 2-4 byte char, quote.
        let rest = &self.bytes[self.pos + 1..];
        let Ok(s) =
            std::str::from_utf8(&rest[..rest.len().min(5)]).or_else(|e| std::str::from_utf8(&rest[..e.valid_up_to()]))
        else {
            return false;
        };
        let mut chars = s.chars();
        matches!((chars.next(), chars.next()), (Some(c), Some('\'')) if c.len_utf8() > 1)
    }

    fn is_literal_prefix(&self) -> bool {
        // Not part of a longer identifier such as `bar"`: the previous byte must not be ident.
        if self.pos > 0 {
            let prev = self.bytes[self.pos - 1];
            if prev.is_ascii_alphanumeric() || prev == b'_' {
                return false;
            }
        }
        let mut i = self.pos;
        if matches!(self.bytes.get(i), Some(b'b' | b'c')) {
            i += 1;
        }
        if self.bytes.get(i) == Some(&b'r') {
            i += 1;
            while self.bytes.get(i) == Some(&b'#') {
                i += 1;
            }
            return self.bytes.get(i) == Some(&b'"');
        }
        matches!(self.bytes.get(i), Some(b'"')) || (self.bytes[self.pos] == b'b' && self.bytes.get(i) == Some(&b'\''))
    }

    fn skip_prefixed_literal(&mut self) {
        if matches!(self.bytes[self.pos], b'b' | b'c') {
            self.pos += 1;
        }
        if self.bytes[self.pos] == b'r' {
            self.pos += 1;
            let mut hashes = 0;
            while self.bytes.get(self.pos) == Some(&b'#') {
                hashes += 1;
                self.pos += 1;
            }
            self.pos += 1; // opening quote
            while self.pos < self.bytes.len() {
                if self.bytes[self.pos] == b'"'
                    && self.bytes[self.pos + 1..].iter().take(hashes).filter(|&&h| h == b'#').count() == hashes
                    && self.bytes.len() >= self.pos + 1 + hashes
                {
                    self.pos += 1 + hashes;
                    return;
                }
                self.pos += 1;
            }
        } else {
            let quote = self.bytes[self.pos];
            self.skip_quoted(quote);
        }
    }

    fn skip_quoted(&mut self, quote: u8) {
        self.pos += 1;
        while self.pos < self.bytes.len() {
            match self.bytes[self.pos] {
                b'\\' => self.pos += 2,
                b if b == quote => {
                    self.pos += 1;
                    return;
                }
                _ => self.pos += 1,
            }
        }
        self.pos = self.pos.min(self.bytes.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_skip_strings_and_lifetimes() {
        let src = "fn f<'a>(x: &'a str) { let s = \"// not\"; let c = '/'; // yes\n /* b /* n */ */ }";
        let c = lex_comments(src);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].text, " yes");
        assert!(c[1].is_block);
    }

    #[test]
    fn raw_strings_hide_comment_markers() {
        let c = lex_comments("let s = r#\"a \" // no\"#; // real");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].text, " real");
    }

    #[test]
    fn row_col_counts_chars() {
        let text = "é = 1;\nab";
        let li = LineIndex::new(text);
        assert_eq!(li.row_col(text, 3), (1, 3));
        assert_eq!(li.row_col(text, text.len()), (2, 3));
    }

    #[test]
    fn nesting_limit_is_reported() {
        let deep = format!("fn f() {{ {}1{} }}", "(".repeat(5000), ")".repeat(5000));
        assert!(matches!(parse(Arc::from(Path::new("x.rs")), Arc::from(deep)), Err(LoadError::TooDeep { .. })));
    }
}
