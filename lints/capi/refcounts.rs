//! Reader for CPython's `Doc/data/refcounts.dat`.
//!
//! Each line is `function:type:param:refcount:comment`. A function's block
//! starts with its return line (empty `param`), followed by one line per
//! parameter in prototype order. The refcount field is `+1` (new reference),
//! `0` (borrowed / untouched), `-1` (the callee releases the argument),
//! `null` (an object return that is always NULL: the `PyErr_Format` family)
//! or empty (not an object).
//!
//! The file knows returns well; steals it marks only occasionally (`-1` on a
//! parameter, or a "stolen" comment), and its `-1`s are not all steals
//! (`PySet_Discard`), which is why the curated table wins. Failure conventions
//! are not in the file: an object return is taken to fail with NULL, anything
//! else as unknown (`Never`, so rules stay silent).

use std::collections::HashSet;

use super::{ApiFunction, Failure, Returns, Steal};

/// The functions described in a `refcounts.dat` text, in file order.
/// Malformed lines and blocks are skipped.
pub fn parse(dat: &str) -> Vec<ApiFunction> {
    let mut functions: Vec<ApiFunction> = Vec::new();
    let mut seen = HashSet::new();
    // Parameters seen so far in the current block; `None` inside a block we could not use.
    let mut params: Option<usize> = None;
    for line in dat.lines() {
        let Some(line) = Line::parse(line) else { continue };
        if line.param.is_empty() {
            params = None;
            if let Some(f) = return_line(&line).filter(|_| seen.insert(line.function)) {
                functions.push(f);
                params = Some(0);
            }
            continue;
        }
        let (Some(index), Some(current)) = (params, functions.last_mut()) else { continue };
        if current.name != line.function {
            continue;
        }
        if line.steals() {
            current.steals.push((index, Steal::Always));
        }
        params = Some(index + 1);
    }
    functions
}

/// One well-formed line.
struct Line<'a> {
    function: &'a str,
    ty: &'a str,
    param: &'a str,
    refcount: &'a str,
    comment: &'a str,
}

impl<'a> Line<'a> {
    fn parse(text: &'a str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() || text.starts_with('#') {
            return None;
        }
        let mut fields = text.splitn(5, ':');
        let function = fields.next()?.trim();
        let ty = fields.next()?.trim();
        let param = fields.next()?.trim();
        let refcount = fields.next()?.trim();
        let comment = fields.next().unwrap_or("").trim();
        let identifier = |s: &str| {
            s.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        (identifier(function) && !ty.is_empty()).then_some(Line { function, ty, param, refcount, comment })
    }

    /// A parameter the callee takes the caller's reference to.
    fn steals(&self) -> bool {
        is_object_type(self.ty) && (self.refcount == "-1" || self.comment.to_ascii_lowercase().contains("stolen"))
    }
}

/// The function a return line describes, or `None` when the line makes no sense.
fn return_line(line: &Line<'_>) -> Option<ApiFunction> {
    let mut f = ApiFunction::plain(line.function);
    if is_object_type(line.ty) {
        match line.refcount {
            "+1" => f.returns = Returns::New,
            "0" => f.returns = Returns::Borrowed,
            // Always NULL with an exception set: nothing to own.
            "null" => {
                f.sets_exception = true;
                return Some(f);
            }
            _ => return None,
        }
        f.failure = Failure::Null;
    } else if line.ty.contains('*') || line.ty.contains('(') {
        f.returns = Returns::NonObject;
    } else if !matches!(line.refcount, "" | "0") {
        return None;
    }
    Some(f)
}

/// `PyObject*`, `PyVarObject*`, `PyTypeObject*`, `TYPE*` (the generic
/// `PyObject_New` result)...: one level of pointer to an object struct.
fn is_object_type(ty: &str) -> bool {
    let ty = ty.trim().trim_start_matches("const ").trim();
    let Some(base) = ty.strip_suffix('*').map(str::trim) else { return false };
    base == "TYPE" || (base.starts_with("Py") && base.ends_with("Object") && !base.contains('*'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
# comment: with: colons
PyList_GetItem:PyObject*::0:
PyList_GetItem:PyObject*:list:0:
PyList_GetItem:Py_ssize_t:index::

PyList_New:PyObject*::+1:
PyList_New:Py_ssize_t:len::

PyErr_Format:PyObject*::null:
PyErr_Format:PyObject*:exception:+1:

PyErr_Restore:void:::
PyErr_Restore:PyObject*:type:-1:
PyErr_Restore:PyObject*:value:-1:
PyErr_Restore:PyObject*:traceback:-1:

PyErr_SetRaisedException:void:::
PyErr_SetRaisedException:PyObject *:exc:0:stolen

PyCapsule_GetPointer:void*:::
PyModule_GetDef:PyModuleDef*::0:
PyObject_GC_New:TYPE*::+1:
PyCapsule_GetDestructor:void (*)(PyObject *):::
PyList_Size:Py_ssize_t:::
";

    fn find<'a>(all: &'a [ApiFunction], name: &str) -> &'a ApiFunction {
        all.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("{name} not parsed"))
    }

    #[test]
    fn parses_returns() {
        let all = parse(SAMPLE);
        assert_eq!(all.len(), 10);
        assert_eq!(find(&all, "PyList_GetItem").returns, Returns::Borrowed);
        let new = find(&all, "PyList_New");
        assert_eq!((new.returns, new.failure), (Returns::New, Failure::Null));
        let format = find(&all, "PyErr_Format");
        assert_eq!((format.returns, format.sets_exception), (Returns::Value, true));
        assert_eq!(find(&all, "PyCapsule_GetPointer").returns, Returns::NonObject);
        assert_eq!(find(&all, "PyModule_GetDef").returns, Returns::NonObject);
        assert_eq!(find(&all, "PyObject_GC_New").returns, Returns::New);
        assert_eq!(find(&all, "PyCapsule_GetDestructor").returns, Returns::NonObject);
        let size = find(&all, "PyList_Size");
        assert_eq!((size.returns, size.failure), (Returns::Value, Failure::Never));
    }

    #[test]
    fn parses_marked_steals() {
        let all = parse(SAMPLE);
        let restore = find(&all, "PyErr_Restore");
        assert_eq!(restore.steals, vec![(0, Steal::Always), (1, Steal::Always), (2, Steal::Always)]);
        assert_eq!(find(&all, "PyErr_SetRaisedException").steal(0), Some(Steal::Always));
        assert!(find(&all, "PyErr_Format").steals.is_empty());
    }

    #[test]
    fn skips_malformed_lines() {
        let text = "garbage\n::::\n:int:::\nBad Name:int:::\nPyA:int\nPyB:PyObject*::7:\nPyB:int:x::\n\
                    PyC:int:::\nPyC:PyObject*:o:-1:\nPyC:int:::\nPyC:PyObject*:p:-1:\nPyD:int:p:0:\n\u{0}:\u{1}:::\n";
        let all = parse(text);
        let names: Vec<&str> = all.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["PyC"]);
        // A second block for the same function is ignored, parameters included.
        assert_eq!(all[0].steals, vec![(0, Steal::Always)]);
    }

    #[test]
    fn empty_input() {
        assert!(parse("").is_empty());
    }
}
