//! Format strings that decide ownership: `PyArg_Parse*` "O" units write
//! borrowed references into their outputs, `Py_BuildValue` "N" units steal.

/// For a `PyArg_Parse*`-family function: the index of its format argument and
/// of the first argument the format describes.
pub fn parse_format_args(name: &str) -> Option<(usize, usize)> {
    match name {
        "PyArg_ParseTuple" | "PyArg_Parse" => Some((1, 2)),
        "PyArg_ParseTupleAndKeywords" => Some((2, 4)),
        _ => None,
    }
}

/// For a `Py_BuildValue`-style function: the index of its format argument.
pub fn build_format_arg(name: &str) -> Option<usize> {
    match name {
        "Py_BuildValue" | "_Py_BuildValue_SizeT" => Some(0),
        "PyObject_CallFunction" | "PyEval_CallFunction" | "_PyObject_CallFunction_SizeT" => Some(1),
        "PyObject_CallMethod" | "PyEval_CallMethod" | "_PyObject_CallMethod_SizeT" => Some(2),
        _ => None,
    }
}

/// The text of a format argument: `c"O|i"`, `"O|i\0"`, `c"O".as_ptr()`,
/// `b"O\0".as_ptr() as *const c_char`, `cstr!("O")`.
pub fn format_text(e: &syn::Expr) -> Option<String> {
    match crate::flow::place::peel_alias(e) {
        syn::Expr::Lit(l) => match &l.lit {
            syn::Lit::Str(s) => Some(s.value()),
            syn::Lit::CStr(s) => Some(s.value().to_string_lossy().into_owned()),
            syn::Lit::ByteStr(s) => Some(String::from_utf8_lossy(&s.value()).into_owned()),
            _ => None,
        },
        syn::Expr::Reference(r) => format_text(&r.expr),
        syn::Expr::MethodCall(m) if m.args.is_empty() => format_text(&m.receiver),
        syn::Expr::Macro(m) => crate::syntax::macro_exprs(&m.mac).and_then(|exprs| exprs.first().and_then(format_text)),
        _ => None,
    }
    .map(|s| s.trim_end_matches('\0').to_string())
}

/// Offsets (relative to the first described argument) of the outputs that
/// receive a borrowed object: `O`, `O!` (after its type), `S`, `U`, `Y`.
/// `None` when the format has a unit this reader does not know.
pub fn parse_object_outputs(format: &str) -> Option<Vec<usize>> {
    let mut outputs = Vec::new();
    let mut at = 0;
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '|' | '$' | '(' | ')' => continue,
            ':' | ';' => break,
            'O' => match chars.get(i) {
                Some('!') => {
                    i += 1;
                    outputs.push(at + 1);
                    at += 2;
                }
                Some('&') => {
                    i += 1;
                    at += 2;
                }
                _ => {
                    outputs.push(at);
                    at += 1;
                }
            },
            'S' | 'U' | 'Y' => {
                outputs.push(at);
                at += 1;
            }
            'e' => {
                // es, et, es#, et#: encoding, buffer pointer [, length]
                i += 1;
                at += 2;
                if chars.get(i) == Some(&'#') {
                    i += 1;
                    at += 1;
                }
            }
            'w' | 's' | 'z' | 'y' | 'u' | 'Z' => {
                at += 1;
                match chars.get(i) {
                    Some('#') => {
                        i += 1;
                        at += 1;
                    }
                    Some('*') => i += 1,
                    _ => {}
                }
            }
            'b' | 'B' | 'h' | 'H' | 'i' | 'I' | 'l' | 'k' | 'L' | 'K' | 'n' | 'c' | 'C' | 'f' | 'd' | 'D' | 'p' => {
                at += 1
            }
            _ => return None,
        }
    }
    Some(outputs)
}

/// How a `Py_BuildValue` format treats each argument (by offset from the
/// first argument after the format): `true` for `N` (stolen), `false` for
/// `O`/`S` (borrowed). Other units are left out. `None` for unknown units.
pub fn build_object_units(format: &str) -> Option<Vec<(usize, bool)>> {
    let mut units = Vec::new();
    let mut at = 0;
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | ' ' | '\t' | '\n' => {}
            'N' | 'O' | 'S' => {
                if chars.get(i) == Some(&'&') {
                    i += 1;
                    at += 2;
                } else {
                    units.push((at, c == 'N'));
                    at += 1;
                }
            }
            's' | 'z' | 'y' | 'u' | 'U' => {
                at += 1;
                if chars.get(i) == Some(&'#') {
                    i += 1;
                    at += 1;
                }
            }
            'b' | 'B' | 'h' | 'H' | 'i' | 'I' | 'l' | 'k' | 'L' | 'K' | 'n' | 'c' | 'C' | 'f' | 'd' | 'D' | 'p' => {
                at += 1
            }
            _ => return None,
        }
    }
    Some(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_outputs() {
        assert_eq!(parse_object_outputs("OO|i:f"), Some(vec![0, 1]));
        assert_eq!(parse_object_outputs("O!s#O"), Some(vec![1, 4]));
        assert_eq!(parse_object_outputs("O&O"), Some(vec![2]));
        assert_eq!(parse_object_outputs("Q"), None);
    }

    #[test]
    fn build_units() {
        assert_eq!(build_object_units("(NO)"), Some(vec![(0, true), (1, false)]));
        assert_eq!(build_object_units("{s:N}"), Some(vec![(1, true)]));
        assert_eq!(build_object_units("is#N"), Some(vec![(3, true)]));
    }
}
