//! An upper bound, from the tokens alone, on how deep a file's syntax tree
//! nests, so that a file too deep to analyse is reported before syn (whose
//! parser, `Drop`, `Clone` and `ToTokens` recurse once per level) or a rule
//! walk can run out of stack.
//!
//! Brackets are not the only nesting: `Vec<Vec<..>>`, `|| || ..`, `*const
//! *const ..`, `fn() -> fn() -> ..`, `return return ..`, `a = a = ..`,
//! `box box ..`, `!!!!x`, `&&&&x` and left-nested chains (`a.b().c()..`,
//! `x as u8 as u8 ..`, `a + a + ..`, `if .. else if ..`) all nest without
//! one. So every token between two separators counts one level: a
//! *segment* (the tokens of one bracket level since the last `,`, `;` or
//! `=>`, or since a block that ends a statement) cannot nest deeper than it
//! has tokens. A closed bracket group adds the depth reached inside it to
//! whatever follows in its segment (`f(g(h(x))).a.a` nests as deep as both).
//!
//! Commas inside `<..>` and closure parameters `|a, b|` separate only
//! within them: `Foo<A, Foo<A, ..>>` still nests, so a comma there goes back
//! to where the `<` or `|` opened, not to the segment's start.

/// Deepest nesting, as counted here, that a file may reach and still be
/// analysed. Every recursion in syn and in the rules costs well under
/// `WORKER_STACK / MAX_DEPTH` bytes of stack per level.
pub const MAX_DEPTH: usize = 4096;

/// Longest integer literal (without `_`) any integer type can hold, with
/// room for a prefix and suffix: `0b` + 128 binary digits + `u128` is 134.
/// rustc rejects longer ones, and syn's conversion of one costs time
/// quadratic in its length (a 100,000-digit literal took 20 s).
const MAX_INT_LITERAL: usize = 160;

/// An open `<` or closure parameter list within one bracket level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pseudo {
    Angle,
    Pipe,
}

/// One open bracket (or the file itself).
#[derive(Debug)]
struct Frame {
    /// Absolute depth of this frame's first token.
    base: usize,
    /// Levels counted in the current segment.
    seg: usize,
    /// Deepest absolute depth reached inside this frame.
    max: usize,
    /// Open `<` and `|` with the segment count where they opened.
    pseudo: Vec<(Pseudo, usize)>,
    /// A `{..}` just closed here: whether the next token continues its
    /// expression (`.`, `?`, `else`, an operator) or starts a new statement.
    after_brace: bool,
    /// Whether the previous token ends an operand (`x`, `1`, `)`), so that
    /// a `|` after it is an operator rather than a closure's parameters.
    operand_end: bool,
    /// The segment count before a `#` just seen: `#[..]` and `#![..]` are
    /// siblings of what they annotate (syn keeps them in a list), not nesting.
    hash: Option<usize>,
    /// For an attribute's `[..]`: the parent's count to go back to when it closes.
    attribute_of: Option<usize>,
}

impl Frame {
    fn new(base: usize) -> Self {
        Frame {
            base,
            seg: 0,
            max: base,
            pseudo: Vec::new(),
            after_brace: false,
            operand_end: false,
            hash: None,
            attribute_of: None,
        }
    }
}

/// The token scan, fed one code token at a time by the lexer (comments and
/// literal contents already skipped).
#[derive(Debug)]
pub struct DepthScan {
    frames: Vec<Frame>,
    /// (depth, byte offset) where [`MAX_DEPTH`] was first exceeded.
    pub too_deep: Option<(usize, usize)>,
    /// Deepest depth seen (for calibration and tests).
    pub deepest: usize,
    /// (digits, byte offset) of the first integer literal longer than any integer type.
    pub too_long_int: Option<(usize, usize)>,
    /// The last two tokens were a number and a `.`: a word now is a float's fraction.
    after_number_dot: bool,
    after_number: bool,
}

impl Default for DepthScan {
    fn default() -> Self {
        DepthScan {
            frames: vec![Frame::new(0)],
            too_deep: None,
            deepest: 0,
            too_long_int: None,
            after_number_dot: false,
            after_number: false,
        }
    }
}

/// Words after which an expression (and so a closure's `|`) is expected.
const EXPECTS_OPERAND: &[&str] = &[
    "move", "return", "break", "yield", "in", "static", "async", "else", "if", "while", "match", "let", "mut", "ref",
    "box", "dyn", "impl", "unsafe", "become", "do", "for",
];

/// Words that continue the expression of a `{..}` just closed.
const CONTINUES: &[&str] = &["else", "as"];

/// What kind of token the lexer hands over.
#[derive(Debug, Clone, Copy)]
pub enum Token<'a> {
    /// An identifier, keyword or number.
    Word(&'a str),
    /// A string, char or byte literal.
    Literal,
    /// One punctuation byte; `next` is the byte right after it (for `->`, `=>`, `<=`, `||`).
    Punct { byte: u8, next: Option<u8> },
}

impl DepthScan {
    /// Feed one token starting at byte `at`. Returns how many bytes of
    /// punctuation it consumed (2 for `->`, `=>`, `::` and an empty `||`).
    pub fn token(&mut self, token: Token<'_>, at: usize) -> usize {
        let is_number = matches!(token, Token::Word(w) if w.starts_with(|c: char| c.is_ascii_digit()));
        let fraction = std::mem::replace(&mut self.after_number_dot, false);
        self.after_number_dot =
            self.after_number && matches!(token, Token::Punct { byte: b'.', next } if next != Some(b'.'));
        self.after_number = is_number;
        if let Token::Word(word) = token {
            let digits = word.bytes().filter(|&b| b != b'_').count();
            if is_number && !fraction && digits > MAX_INT_LITERAL && self.too_long_int.is_none() {
                self.too_long_int = Some((digits, at));
            }
        }
        let frame = self.frames.last_mut().expect("the file frame is never popped");
        if std::mem::take(&mut frame.after_brace) && !continues(token) {
            frame.seg = 0;
            frame.pseudo.clear();
        }
        let hash = frame.hash.take();
        let mut consumed = 1;
        match token {
            Token::Word(word) => {
                frame.seg += 1;
                frame.operand_end = !EXPECTS_OPERAND.contains(&word);
            }
            Token::Literal => {
                frame.seg += 1;
                frame.operand_end = true;
            }
            Token::Punct { byte, next } => {
                let operand_end = std::mem::replace(&mut frame.operand_end, false);
                match (byte, next) {
                    (b'#', _) => frame.hash = Some(frame.seg),
                    (b'!', _) if hash.is_some() => frame.hash = hash,
                    (b'(' | b'[' | b'{', _) => {
                        frame.seg += 1;
                        let base = frame.base + frame.seg;
                        let mut child = Frame::new(base);
                        child.attribute_of = hash.filter(|_| byte == b'[');
                        self.frames.push(child);
                        self.note(base, at);
                        return 1;
                    }
                    (b')' | b']' | b'}', _) => {
                        if self.frames.len() > 1 {
                            let closed = self.frames.pop().expect("checked above");
                            let parent = self.frames.last_mut().expect("checked above");
                            parent.max = parent.max.max(closed.max);
                            if let Some(seg) = closed.attribute_of {
                                parent.seg = seg;
                                return 1;
                            }
                            parent.seg = closed.max.saturating_sub(parent.base).max(parent.seg);
                            parent.after_brace = byte == b'}';
                            parent.operand_end = true;
                        }
                        return 1;
                    }
                    (b',', _) => {
                        frame.seg = frame.pseudo.last().map_or(0, |&(_, seg)| seg);
                        return 1;
                    }
                    (b';', _) => {
                        frame.seg = 0;
                        frame.pseudo.clear();
                        return 1;
                    }
                    (b'=', Some(b'>')) => {
                        frame.seg = 0;
                        frame.pseudo.clear();
                        return 2;
                    }
                    (b':', Some(b':')) => {
                        frame.seg += 1;
                        consumed = 2;
                    }
                    (b':', _) => {}
                    (b'-', Some(b'>')) => {
                        frame.seg += 2;
                        consumed = 2;
                    }
                    (b'<', Some(b'=')) => {
                        frame.seg += 2;
                        consumed = 2;
                    }
                    (b'<', _) => {
                        frame.seg += 1;
                        frame.pseudo.push((Pseudo::Angle, frame.seg));
                    }
                    (b'>', _) => {
                        frame.seg += 1;
                        if let Some(i) = frame.pseudo.iter().rposition(|&(kind, _)| kind == Pseudo::Angle) {
                            frame.pseudo.truncate(i);
                        }
                    }
                    (b'|', _) if frame.pseudo.last().is_some_and(|&(kind, _)| kind == Pseudo::Pipe) => {
                        // The end of a closure's parameter list.
                        frame.seg += 1;
                        frame.pseudo.pop();
                    }
                    (b'|', Some(b'|')) if !operand_end => {
                        // An empty parameter list: `|| body`.
                        frame.seg += 2;
                        consumed = 2;
                    }
                    (b'|', _) if !operand_end => {
                        frame.seg += 1;
                        frame.pseudo.push((Pseudo::Pipe, frame.seg));
                    }
                    (b'?', _) => {
                        frame.seg += 1;
                        frame.operand_end = true;
                    }
                    _ => frame.seg += 1,
                }
            }
        }
        let depth = frame.base + frame.seg;
        frame.max = frame.max.max(depth);
        self.note(depth, at);
        consumed
    }

    fn note(&mut self, depth: usize, at: usize) {
        self.deepest = self.deepest.max(depth);
        if depth > MAX_DEPTH && self.too_deep.is_none() {
            self.too_deep = Some((depth, at));
        }
    }
}

/// Whether `token`, right after a closed `{..}`, continues that block's
/// expression (`match x {..}.unwrap()`, `if a {..} else ..`, `{..} as T`)
/// rather than starting a new item, statement or match arm.
fn continues(token: Token<'_>) -> bool {
    match token {
        Token::Word(word) => CONTINUES.contains(&word),
        Token::Literal => false,
        Token::Punct { byte, .. } => b".?([+-*/%^&|<>=!".contains(&byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deepest(text: &str) -> usize {
        crate::source::lex(text).deepest
    }

    #[test]
    fn flat_lists_do_not_accumulate() {
        let table = format!("static T: [u32; 100000] = [{}];", "0x1234, ".repeat(100_000));
        assert!(deepest(&table) < 10, "{}", deepest(&table));
        let arms = format!("fn f(x: u32) {{ match x {{ {} _ => {{}} }} }}", "1 => { g(); }\n".repeat(20_000));
        assert!(deepest(&arms) < 20, "{}", deepest(&arms));
        let items = "fn f() -> Vec<u8> { let v: Vec<u8> = Vec::new(); v }\n".repeat(20_000);
        assert!(deepest(&items) < 30, "{}", deepest(&items));
        let attrs = format!("{}fn f() {{}}", "#[case(1, 2)]\n".repeat(20_000));
        assert!(deepest(&attrs) < 10, "{}", deepest(&attrs));
    }

    #[test]
    fn chains_without_brackets_count() {
        for shape in [
            format!("type T = {}u8{};", "Vec<".repeat(3000), ">".repeat(3000)),
            format!("type T = {}u8;", "*const ".repeat(3000)),
            format!("fn f() {{ let c = {}1; }}", "|| ".repeat(3000)),
            format!("fn f() {{ let c = {}1; }}", "|a, b| ".repeat(3000)),
            format!("type T = {}u8{};", "Foo<A, ".repeat(3000), ">".repeat(3000)),
            format!("fn f() {{ a{}; }}", ".b()".repeat(3000)),
            format!("fn f() {{ if a {{}} {} }}", "else if a {} ".repeat(3000)),
            format!("fn f() {{ {}1; }}", "return ".repeat(5000)),
            format!("fn f() {{ let {}x = 1; }}", "box ".repeat(5000)),
        ] {
            assert!(deepest(&shape) > MAX_DEPTH, "{}: {}", &shape[..40], deepest(&shape));
        }
    }

    #[test]
    fn integer_literals_longer_than_any_type_are_found() {
        let text = format!("fn f() -> u64 {{ {} }}", "9".repeat(100_000));
        assert_eq!(crate::source::lex(&text).too_long_int, Some((100_000, 16)));
        let float = format!("const X: f64 = 1.{};", "5".repeat(1000));
        assert_eq!(crate::source::lex(&float).too_long_int, None);
        let max = "const X: u128 = 0b1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_u128;";
        assert_eq!(crate::source::lex(max).too_long_int, None);
    }

    #[test]
    fn a_closed_group_adds_to_what_follows() {
        let shape = format!("fn f() {{ {}x{}{}; }}", "g(".repeat(2100), ")".repeat(2100), ".a".repeat(2100));
        assert!(deepest(&shape) > MAX_DEPTH);
    }

    /// Calibration: the deepest files under `$NESTING_SCAN_DIR` (real code
    /// should stay far below [`MAX_DEPTH`]).
    #[test]
    #[ignore = "needs a tree of real code in NESTING_SCAN_DIR"]
    fn real_code_depths() {
        let Ok(dir) = std::env::var("NESTING_SCAN_DIR") else {
            eprintln!("skipped: set NESTING_SCAN_DIR to a tree of real Rust code to calibrate the nesting bound");
            return;
        };
        let mut found: Vec<(usize, String)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
            .filter_map(|e| {
                let text = std::fs::read_to_string(e.path()).ok()?;
                Some((deepest(&text), e.path().display().to_string()))
            })
            .collect();
        found.sort();
        println!("{} files", found.len());
        for (depth, path) in found.iter().rev().take(15) {
            println!("{depth:6} {path}");
        }
    }
}
