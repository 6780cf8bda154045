//! What the checker knows about each C-API function: what it returns, which
//! arguments it steals, how it reports failure, whether it needs an attached
//! thread state.
//!
//! Three layers, later ones filling gaps, never overriding the curated one:
//! the curated table (`curated.rs`), a checkout's `Doc/data/refcounts.dat`
//! (`refcounts.rs`; it knows returns but not steals), and the user's
//! `[api.functions]` config entries (which do override: they describe the
//! user's own helpers).

mod curated;
pub mod refcounts;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// What a function returns, as far as reference counting cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Returns {
    /// A new (strong) reference the caller owns.
    New,
    /// A borrowed reference the caller must not release.
    Borrowed,
    /// A pointer that is not a Python object (`PyCapsule_GetPointer`, `PyMem_Malloc`).
    NonObject,
    /// No pointer: void, a status code, a C number.
    #[serde(alias = "none", alias = "status")]
    Value,
}

/// How a function reports failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Failure {
    /// Returns NULL with an exception set.
    Null,
    /// Returns NULL, which can also mean "no result" without an exception
    /// (`PyIter_Next` when exhausted, `PyDict_GetItemWithError` for a missing key),
    /// or a failure without an exception (`PyMem_Malloc`: the caller raises `MemoryError`).
    NullOrAbsent,
    /// Returns -1 (or any negative value) with an exception set.
    MinusOne,
    /// Returns 0 with an exception set (`PyArg_Parse*`).
    Zero,
    /// Returns -1 that is also a valid result: check `PyErr_Occurred()`
    /// (`PyLong_AsLong`, `PyFloat_AsDouble`).
    Ambiguous,
    /// Cannot fail, or fails without telling (`PyList_GetItem` on a bad index does set one,
    /// but such APIs are described by `Null`).
    #[serde(alias = "none")]
    Never,
}

/// When an argument's reference is taken over by the callee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Steal {
    /// Stolen whether the call succeeds or fails (`PyTuple_SetItem`, `PyList_SetItem`, `PyModule_Add`).
    Always,
    /// Stolen only when the call succeeds (`PyModule_AddObject`).
    OnSuccess,
}

/// Reference-count primitives, which the flow engine treats specially.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefOp {
    /// `Py_INCREF(o)`: o must not be NULL.
    Incref,
    /// `Py_XINCREF(o)`.
    XIncref,
    /// `Py_DECREF(o)`: releases o, which must not be NULL.
    Decref,
    /// `Py_XDECREF(o)`.
    XDecref,
    /// `Py_CLEAR(place)`: releases and nulls the place.
    Clear,
    /// `Py_NewRef(o)` / `Py_XNewRef(o)`: increfs and returns o as a new reference.
    NewRef,
    XNewRef,
    /// `Py_SETREF(place, new)` / `Py_XSETREF`: releases the old value, stores a new one.
    SetRef,
}

/// One C-API function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiFunction {
    pub name: String,
    pub returns: Returns,
    pub failure: Failure,
    /// (0-based argument index, when it is stolen).
    pub steals: Vec<(usize, Steal)>,
    /// For a borrowed return: the argument that owns the returned object
    /// (`PyList_GetItem(list, i)` borrows from argument 0), when there is one.
    pub borrowed_from: Option<usize>,
    /// Whether a stolen argument may be NULL (`PyModule_Add` accepts and reports a NULL value).
    pub accepts_null_steal: bool,
    /// Whether the calling thread must hold an attached thread state (the GIL).
    pub needs_thread_state: bool,
    /// `Some` for the refcount primitives.
    pub refop: Option<RefOp>,
    /// Whether it sets an exception itself, whatever its result (`PyErr_SetString`, `PyErr_Format`).
    pub sets_exception: bool,
    /// A replacement returning a strong reference, for free-threaded code
    /// (`PyList_GetItem` -> `PyList_GetItemRef`).
    pub strong_replacement: Option<&'static str>,
    /// `PyObject **` out-parameters the callee writes a reference into:
    /// (0-based argument index, `New` or `Borrowed`). `PyDict_GetItemRef(d, k, &v)`
    /// writes a new reference into argument 2; `PyDict_Next` borrowed ones into 2 and 3.
    pub out_refs: Vec<(usize, Returns)>,
}

impl ApiFunction {
    /// A function that returns a plain value, cannot fail and needs a thread state.
    pub fn plain(name: impl Into<String>) -> Self {
        ApiFunction {
            name: name.into(),
            returns: Returns::Value,
            failure: Failure::Never,
            steals: Vec::new(),
            borrowed_from: None,
            accepts_null_steal: false,
            needs_thread_state: true,
            refop: None,
            sets_exception: false,
            strong_replacement: None,
            out_refs: Vec::new(),
        }
    }

    /// How the argument at `index` is stolen, if it is.
    pub fn steal(&self, index: usize) -> Option<Steal> {
        self.steals.iter().find(|(i, _)| *i == index).map(|(_, s)| *s)
    }

    /// What the callee writes through the out-parameter at `index`, if it writes a reference.
    pub fn out_ref(&self, index: usize) -> Option<Returns> {
        self.out_refs.iter().find(|(i, _)| *i == index).map(|(_, r)| *r)
    }

    /// Whether the result is a Python object reference (new or borrowed).
    pub fn returns_object(&self) -> bool {
        matches!(self.returns, Returns::New | Returns::Borrowed)
    }
}

/// A user's description of one of their own helpers (`[api.functions]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UserFunction {
    pub returns: Option<Returns>,
    pub failure: Option<Failure>,
    /// 0-based indexes of arguments the helper always steals.
    #[serde(default)]
    pub steals: Vec<usize>,
    #[serde(default)]
    pub steals_on_success: Vec<usize>,
    pub needs_thread_state: Option<bool>,
}

/// The lookup table the rules consult.
#[derive(Debug, Clone, Default)]
pub struct ApiTable {
    functions: HashMap<String, ApiFunction>,
}

impl ApiTable {
    /// The curated table alone, built once.
    pub fn curated() -> &'static ApiTable {
        static TABLE: OnceLock<ApiTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            let mut table = ApiTable::default();
            for f in curated::functions() {
                table.functions.insert(f.name.clone(), f);
            }
            table
        })
    }

    /// Look a call up by its last path segment (`ffi::PyList_Append` -> `PyList_Append`).
    pub fn get(&self, name: &str) -> Option<&ApiFunction> {
        self.functions.get(name)
    }

    pub fn len(&self) -> usize {
        self.functions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.functions.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &ApiFunction> {
        self.functions.values()
    }

    /// This table without the named functions: a crate that defines a function
    /// of the same name calls its own (a compat shim whose contract may differ),
    /// and its summary describes it, not the C API's.
    pub fn without<'n>(&self, names: impl IntoIterator<Item = &'n str>) -> ApiTable {
        let mut table = self.clone();
        for name in names {
            table.functions.remove(name);
        }
        table
    }

    /// Add the functions a `refcounts.dat` knows that this table lacks.
    pub fn fill_from_refcounts(&mut self, dat: &str) {
        for f in refcounts::parse(dat) {
            self.functions.entry(f.name.clone()).or_insert(f);
        }
    }

    /// Add or override the user's own helpers.
    pub fn add_user_functions<'a>(&mut self, functions: impl IntoIterator<Item = (&'a String, &'a UserFunction)>) {
        for (name, user) in functions {
            let mut f = self.functions.get(name).cloned().unwrap_or_else(|| {
                let mut f = ApiFunction::plain(name.clone());
                f.needs_thread_state = true;
                f
            });
            if let Some(returns) = user.returns {
                f.returns = returns;
                if user.failure.is_none() && returns == Returns::New {
                    f.failure = Failure::Null;
                }
            }
            if let Some(failure) = user.failure {
                f.failure = failure;
            }
            if !user.steals.is_empty() || !user.steals_on_success.is_empty() {
                f.steals = user.steals.iter().map(|&i| (i, Steal::Always)).collect();
                f.steals.extend(user.steals_on_success.iter().map(|&i| (i, Steal::OnSuccess)));
            }
            if let Some(needs) = user.needs_thread_state {
                f.needs_thread_state = needs;
            }
            self.functions.insert(name.clone(), f);
        }
    }
}
