//! The format-string languages of `PyArg_Parse*` (Python/getargs.c) and
//! `Py_BuildValue` (Python/modsupport.c): which arguments each unit takes.

/// The data models CPython builds for, in the order of [`Int::sizes`].
pub const MODELS: [&str; 3] = ["64-bit Linux and macOS (LP64)", "64-bit Windows (LLP64)", "32-bit targets"];

/// An integer type's size in bytes on each data model CPython supports, and
/// its sign (for suggesting a unit). C `long` is 8 bytes on LP64 but 4 on
/// LLP64; `Py_ssize_t` follows the pointer size: a unit is right only when
/// it matches on all three.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Int {
    /// LP64, LLP64, 32-bit.
    pub sizes: [u8; 3],
    pub signed: bool,
}

impl Int {
    pub const CHAR: Int = Int { sizes: [1; 3], signed: true };
    pub const UCHAR: Int = Int { sizes: [1; 3], signed: false };
    pub const SHORT: Int = Int { sizes: [2; 3], signed: true };
    pub const USHORT: Int = Int { sizes: [2; 3], signed: false };
    pub const INT: Int = Int { sizes: [4; 3], signed: true };
    pub const UINT: Int = Int { sizes: [4; 3], signed: false };
    pub const LONG: Int = Int { sizes: [8, 4, 4], signed: true };
    pub const ULONG: Int = Int { sizes: [8, 4, 4], signed: false };
    pub const LONGLONG: Int = Int { sizes: [8; 3], signed: true };
    pub const ULONGLONG: Int = Int { sizes: [8; 3], signed: false };
    pub const SSIZE: Int = Int { sizes: [8, 8, 4], signed: true };
    pub const SIZE: Int = Int { sizes: [8, 8, 4], signed: false };

    /// The first data model on which the two sizes differ, with both sizes.
    pub fn differs(self, other: Int) -> Option<(&'static str, u8, u8)> {
        (0..3).find(|&m| self.sizes[m] != other.sizes[m]).map(|m| (MODELS[m], self.sizes[m], other.sizes[m]))
    }

    /// The C type of a Rust integer type's name (`c_long`, `i64`, `Py_ssize_t`).
    pub fn of_rust(name: &str) -> Option<Int> {
        Some(match name {
            "c_char" | "c_schar" | "i8" => Int::CHAR,
            "c_uchar" | "u8" | "bool" => Int::UCHAR,
            "c_short" | "i16" => Int::SHORT,
            "c_ushort" | "u16" => Int::USHORT,
            "c_int" | "i32" => Int::INT,
            "c_uint" | "u32" => Int::UINT,
            "c_long" => Int::LONG,
            "c_ulong" => Int::ULONG,
            "c_longlong" | "i64" => Int::LONGLONG,
            "c_ulonglong" | "u64" => Int::ULONGLONG,
            "isize" | "Py_ssize_t" | "Py_hash_t" | "ssize_t" | "c_ssize_t" | "intptr_t" | "Py_intptr_t" => Int::SSIZE,
            "usize" | "size_t" | "c_size_t" | "Py_uhash_t" | "uintptr_t" | "Py_uintptr_t" => Int::SIZE,
            _ => return None,
        })
    }

    /// The unit whose C type has this size on every data model: `n` for
    /// pointer-sized integers, `L`/`K` for 64-bit ones, `l`/`k` only for C
    /// `long`. `build`: `Py_BuildValue`, where anything narrower than an
    /// `int` was promoted to one.
    pub fn unit(self, build: bool) -> &'static str {
        match (self.sizes, self.signed) {
            ([1, 1, 1], _) if !build => "b",
            ([2, 2, 2], true) if !build => "h",
            ([2, 2, 2], false) if !build => "H",
            ([1, 1, 1] | [2, 2, 2], _) => "i",
            ([4, 4, 4], true) => "i",
            ([4, 4, 4], false) => "I",
            ([8, 4, 4], true) => "l",
            ([8, 4, 4], false) => "k",
            ([8, 8, 4], _) => "n",
            (_, true) => "L",
            (_, false) => "K",
        }
    }
}

/// A C type, as far as a variadic argument's size and kind matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CType {
    /// An integer, with the Rust name to show.
    Int(Int, &'static str),
    Float(u8, &'static str),
    /// `PyObject *` (or a pointer to any object struct).
    Object,
    /// `const char *`.
    CharPtr,
    /// `Py_buffer`.
    Buffer,
    /// `Py_complex`.
    Complex,
    /// Some pointer (a type object for `O!`, a `Py_complex *` for `Py_BuildValue`'s `D`).
    AnyPtr,
    /// Anything (an `O&` converter and its target).
    Any,
}

impl CType {
    /// The Rust spelling, for messages.
    pub fn rust(self) -> &'static str {
        match self {
            CType::Int(_, name) | CType::Float(_, name) => name,
            CType::Object => "*mut PyObject",
            CType::CharPtr => "*const c_char",
            CType::Buffer => "Py_buffer",
            CType::Complex => "Py_complex",
            CType::AnyPtr => "a pointer",
            CType::Any => "any value",
        }
    }
}

/// How a unit takes one argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A pointer the function writes a value of this type through.
    Out(CType),
    /// A value read as this type.
    Value(CType),
}

impl Slot {
    /// The Rust type the argument should have, for messages.
    pub fn rust(self) -> String {
        match self {
            Slot::Out(CType::AnyPtr | CType::Any) => "a pointer".into(),
            Slot::Out(t) => format!("*mut {}", t.rust()),
            Slot::Value(t) => t.rust().into(),
        }
    }
}

/// One format unit (`i`, `s#`, `O!`) and the arguments it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub text: String,
    /// Byte offset of the unit in the format string.
    pub offset: usize,
    pub slots: Vec<Slot>,
}

/// A parsed format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Format {
    pub units: Vec<Unit>,
    /// Top-level items (a unit or a parenthesised group): the keyword names
    /// `PyArg_ParseTupleAndKeywords` needs.
    pub top_level: usize,
}

impl Format {
    pub fn slots(&self) -> impl Iterator<Item = (&Unit, Slot)> {
        self.units.iter().flat_map(|u| u.slots.iter().map(move |s| (u, *s)))
    }

    pub fn arg_count(&self) -> usize {
        self.units.iter().map(|u| u.slots.len()).sum()
    }
}

const SSIZE: CType = CType::Int(Int::SSIZE, "Py_ssize_t");

/// Parse a `PyArg_ParseTuple`/`PyArg_ParseTupleAndKeywords`/`PyArg_Parse` format.
/// `None` for a format the checker does not understand (it then stays silent).
pub fn parse_parse_format(format: &str) -> Option<Format> {
    let bytes = format.as_bytes();
    let mut units = Vec::new();
    let mut depth = 0usize;
    let mut top_level = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        i += 1;
        let next = bytes.get(i).copied();
        let slots: Vec<Slot> = match c {
            b'(' => {
                if depth == 0 {
                    top_level += 1;
                }
                depth += 1;
                continue;
            }
            b')' => {
                depth = depth.checked_sub(1)?;
                continue;
            }
            b'|' | b'$' if depth == 0 => continue,
            b':' | b';' if depth == 0 => break,
            b'b' | b'B' => vec![Slot::Out(CType::Int(Int::UCHAR, "c_uchar"))],
            b'h' => vec![Slot::Out(CType::Int(Int::SHORT, "c_short"))],
            b'H' => vec![Slot::Out(CType::Int(Int::USHORT, "c_ushort"))],
            b'i' | b'C' | b'p' => vec![Slot::Out(CType::Int(Int::INT, "c_int"))],
            b'I' => vec![Slot::Out(CType::Int(Int::UINT, "c_uint"))],
            b'l' => vec![Slot::Out(CType::Int(Int::LONG, "c_long"))],
            b'k' => vec![Slot::Out(CType::Int(Int::ULONG, "c_ulong"))],
            b'L' => vec![Slot::Out(CType::Int(Int::LONGLONG, "c_longlong"))],
            b'K' => vec![Slot::Out(CType::Int(Int::ULONGLONG, "c_ulonglong"))],
            b'n' => vec![Slot::Out(SSIZE)],
            b'c' => vec![Slot::Out(CType::Int(Int::CHAR, "c_char"))],
            b'f' => vec![Slot::Out(CType::Float(4, "c_float"))],
            b'd' => vec![Slot::Out(CType::Float(8, "c_double"))],
            b'D' => vec![Slot::Out(CType::Complex)],
            b'S' | b'Y' | b'U' => vec![Slot::Out(CType::Object)],
            b'O' => match next {
                Some(b'!') => {
                    i += 1;
                    vec![Slot::Value(CType::AnyPtr), Slot::Out(CType::Object)]
                }
                Some(b'&') => {
                    i += 1;
                    vec![Slot::Value(CType::Any), Slot::Value(CType::Any)]
                }
                _ => vec![Slot::Out(CType::Object)],
            },
            b's' | b'z' | b'y' => match next {
                Some(b'#') => {
                    i += 1;
                    vec![Slot::Out(CType::CharPtr), Slot::Out(SSIZE)]
                }
                Some(b'*') => {
                    i += 1;
                    vec![Slot::Out(CType::Buffer)]
                }
                _ => vec![Slot::Out(CType::CharPtr)],
            },
            b'w' if next == Some(b'*') => {
                i += 1;
                vec![Slot::Out(CType::Buffer)]
            }
            b'e' if matches!(next, Some(b's' | b't')) => {
                i += 1;
                let mut slots = vec![Slot::Value(CType::Any), Slot::Out(CType::CharPtr)];
                if bytes.get(i) == Some(&b'#') {
                    i += 1;
                    slots.push(Slot::Out(SSIZE));
                }
                slots
            }
            _ => return None,
        };
        if depth == 0 {
            top_level += 1;
        }
        units.push(Unit { text: format[start..i].to_string(), offset: start, slots });
    }
    (depth == 0).then_some(Format { units, top_level })
}

/// Parse a `Py_BuildValue` format (also `PyObject_CallFunction`'s and `PyObject_CallMethod`'s).
pub fn parse_build_format(format: &str) -> Option<Format> {
    let bytes = format.as_bytes();
    let mut units = Vec::new();
    let mut stack: Vec<u8> = Vec::new();
    let mut top_level = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        i += 1;
        let int = |name| vec![Slot::Value(CType::Int(Int::INT, name))];
        let slots = match c {
            b'(' | b'[' | b'{' => {
                if stack.is_empty() {
                    top_level += 1;
                }
                stack.push(c);
                continue;
            }
            b')' | b']' | b'}' => {
                let open = stack.pop()?;
                if !matches!((open, c), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                    return None;
                }
                continue;
            }
            b' ' | b'\t' | b',' | b':' => continue,
            b'i' | b'b' | b'h' | b'B' | b'H' | b'c' | b'C' | b'p' => int("c_int"),
            b'I' => int("c_uint"),
            b'l' => vec![Slot::Value(CType::Int(Int::LONG, "c_long"))],
            b'k' => vec![Slot::Value(CType::Int(Int::ULONG, "c_ulong"))],
            b'L' => vec![Slot::Value(CType::Int(Int::LONGLONG, "c_longlong"))],
            b'K' => vec![Slot::Value(CType::Int(Int::ULONGLONG, "c_ulonglong"))],
            b'n' => vec![Slot::Value(SSIZE)],
            b'f' | b'd' => vec![Slot::Value(CType::Float(8, "c_double"))],
            b'D' => vec![Slot::Value(CType::AnyPtr)],
            b'O' if bytes.get(i) == Some(&b'&') => {
                i += 1;
                vec![Slot::Value(CType::Any), Slot::Value(CType::Any)]
            }
            b'O' | b'S' | b'N' => vec![Slot::Value(CType::Object)],
            b's' | b'z' | b'U' | b'y' => {
                if bytes.get(i) == Some(&b'#') {
                    i += 1;
                    vec![Slot::Value(CType::CharPtr), Slot::Value(SSIZE)]
                } else {
                    vec![Slot::Value(CType::CharPtr)]
                }
            }
            _ => return None,
        };
        if stack.is_empty() {
            top_level += 1;
        }
        units.push(Unit { text: format[start..i].to_string(), offset: start, slots });
    }
    stack.is_empty().then_some(Format { units, top_level })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(f: &Format) -> (usize, usize, usize) {
        (f.units.len(), f.arg_count(), f.top_level)
    }

    #[test]
    fn parse_formats() {
        assert_eq!(counts(&parse_parse_format("iO|s:f").unwrap()), (3, 3, 3));
        assert_eq!(counts(&parse_parse_format("O!O&").unwrap()), (2, 4, 2));
        assert_eq!(counts(&parse_parse_format("s#y*w*").unwrap()), (3, 4, 3));
        assert_eq!(counts(&parse_parse_format("es#et|$n").unwrap()), (3, 6, 3));
        assert_eq!(counts(&parse_parse_format("(ii)O;bad args (x)").unwrap()), (3, 3, 2));
        assert_eq!(counts(&parse_parse_format("").unwrap()), (0, 0, 0));
        assert!(parse_parse_format("(i").is_none());
        assert!(parse_parse_format("i x").is_none());
        assert!(parse_parse_format("u").is_none());
    }

    #[test]
    fn integer_units_fit_every_data_model() {
        let ssize = Int::of_rust("Py_ssize_t").unwrap();
        assert_eq!(ssize.unit(false), "n");
        assert_eq!(Int::of_rust("usize").unwrap().unit(true), "n");
        assert_eq!(Int::of_rust("i64").unwrap().unit(true), "L");
        assert_eq!(Int::of_rust("u64").unwrap().unit(false), "K");
        assert_eq!(Int::of_rust("c_long").unwrap().unit(false), "l");
        assert_eq!(Int::of_rust("c_ulong").unwrap().unit(true), "k");
        assert_eq!(Int::of_rust("u8").unwrap().unit(true), "i");
        assert_eq!(Int::LONG.differs(ssize), Some((MODELS[1], 4, 8)));
        assert_eq!(ssize.differs(Int::LONGLONG), Some((MODELS[2], 4, 8)));
        assert_eq!(Int::LONGLONG.differs(Int::ULONGLONG), None);
    }

    #[test]
    fn build_formats() {
        assert_eq!(counts(&parse_build_format("(is#)").unwrap()), (2, 3, 1));
        assert_eq!(counts(&parse_build_format("{s:O, s:N}").unwrap()), (4, 4, 1));
        assert_eq!(counts(&parse_build_format("O&[ii]").unwrap()), (3, 4, 2));
        assert_eq!(counts(&parse_build_format("").unwrap()), (0, 0, 0));
        assert!(parse_build_format("(i]").is_none());
        assert!(parse_build_format("q").is_none());
    }
}
