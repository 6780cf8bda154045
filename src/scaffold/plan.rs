//! An edit plan: every file to create or change, computed in memory first,
//! then applied as one transaction. Applying stages each new content in a
//! temporary file beside its target, then moves the targets into place; on
//! any failure it puts back every original and removes every file and
//! directory it created, so the tree is exactly as it was.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What a change does to its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// A new file.
    Create,
    /// A file this tool generated earlier, written again (`--force`).
    Overwrite,
    /// An existing file, changed by a small edit.
    Edit,
}

/// One file's change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// Relative to the plan's root, with `/`.
    pub path: String,
    pub kind: ChangeKind,
    /// The contents the plan was computed from (`None`: the file must not exist).
    pub before: Option<String>,
    pub after: String,
    /// What the change is for, shown in the change list.
    pub summary: String,
}

/// Every change, relative to `root`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub root: PathBuf,
    pub changes: Vec<FileChange>,
}

/// Knobs for [`Plan::apply`].
#[derive(Debug, Clone, Copy, Default)]
pub struct ApplyOptions {
    /// Fail just before moving the change with this index into place, as a
    /// crash midway would (tests use it to exercise the rollback).
    pub fail_before_commit: Option<usize>,
}

/// Applying failed; the tree was put back unless `rollback_errors` says otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyError {
    pub message: String,
    pub rollback_errors: Vec<String>,
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        for e in &self.rollback_errors {
            write!(f, "\n  rollback: {e}")?;
        }
        Ok(())
    }
}

impl Plan {
    pub fn new(root: PathBuf) -> Plan {
        Plan { root, changes: Vec::new() }
    }

    /// The changes that write a whole file (create or overwrite).
    pub fn written(&self) -> impl Iterator<Item = &FileChange> {
        self.changes.iter().filter(|c| c.kind != ChangeKind::Edit)
    }

    /// The changes that edit an existing file.
    pub fn edited(&self) -> impl Iterator<Item = &FileChange> {
        self.changes.iter().filter(|c| c.kind == ChangeKind::Edit)
    }

    /// Apply every change, or none.
    pub fn apply(&self, options: &ApplyOptions) -> Result<(), ApplyError> {
        let mut tx = Transaction::default();
        match self.run(&mut tx, options) {
            Ok(()) => {
                tx.discard_backups();
                Ok(())
            }
            Err(message) => Err(ApplyError { message, rollback_errors: tx.roll_back() }),
        }
    }

    fn run(&self, tx: &mut Transaction, options: &ApplyOptions) -> Result<(), String> {
        for change in &self.changes {
            self.check_unchanged(change)?;
        }
        let mut staged = Vec::with_capacity(self.changes.len());
        for change in &self.changes {
            let target = self.root.join(&change.path);
            let parent = target.parent().unwrap_or(&self.root);
            tx.create_dirs(parent).map_err(|e| format!("cannot create `{}`: {e}", display(parent)))?;
            let temp = sibling(&target, "new");
            let file = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)
                .map_err(|e| format!("cannot write `{}`: {e}", display(&temp)))?;
            // Only a file this run created is removed on rollback.
            tx.staged.push(temp.clone());
            fill(file, &temp, &change.after, change.before.is_some().then_some(target.as_path()))
                .map_err(|e| format!("cannot write `{}`: {e}", display(&temp)))?;
            staged.push((target, temp));
        }
        for (index, (target, temp)) in staged.into_iter().enumerate() {
            if options.fail_before_commit == Some(index) {
                return Err(format!("injected failure before writing `{}`", display(&target)));
            }
            let backup = if self.changes[index].before.is_some() {
                let backup = sibling(&target, "old");
                fs::rename(&target, &backup).map_err(|e| format!("cannot move `{}` aside: {e}", display(&target)))?;
                Some(backup)
            } else {
                None
            };
            tx.committed.push(Committed { target: target.clone(), backup, placed: false });
            fs::rename(&temp, &target).map_err(|e| format!("cannot write `{}`: {e}", display(&target)))?;
            tx.staged.retain(|p| p != &temp);
            if let Some(last) = tx.committed.last_mut() {
                last.placed = true;
            }
        }
        Ok(())
    }

    /// The file must still hold what the plan was computed from.
    fn check_unchanged(&self, change: &FileChange) -> Result<(), String> {
        let path = self.root.join(&change.path);
        let current = match fs::read(&path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(format!("cannot read `{}`: {e}", display(&path))),
        };
        if current.as_deref() == change.before.as_deref().map(str::as_bytes) {
            Ok(())
        } else if current.is_some() && change.before.is_none() {
            Err(format!("`{}` appeared while planning; nothing was written", change.path))
        } else {
            Err(format!("`{}` changed while planning; nothing was written", change.path))
        }
    }

    /// The files the plan writes, as a tree under `label`.
    pub fn tree(&self, label: &str) -> String {
        let mut root = Node::default();
        for change in self.written() {
            let mut node = &mut root;
            for part in change.path.split('/') {
                node = node.children.entry(part.to_string()).or_default();
            }
        }
        let mut out = format!("{label}\n");
        render_children(&root, "", &mut out);
        out
    }
}

/// A unified diff of one edit, with `a/` and `b/` paths as git prints them.
pub fn unified_diff(change: &FileChange) -> String {
    let before = change.before.as_deref().unwrap_or("");
    similar::TextDiff::from_lines(before, &change.after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{}", change.path), &format!("b/{}", change.path))
        .to_string()
}

#[derive(Default)]
struct Node {
    children: BTreeMap<String, Node>,
}

fn render_children(node: &Node, prefix: &str, out: &mut String) {
    let count = node.children.len();
    for (i, (name, child)) in node.children.iter().enumerate() {
        let last = i + 1 == count;
        // A directory with a single subdirectory prints as one `a/b/` line.
        let mut label = name.clone();
        let mut child = child;
        while child.children.len() == 1 {
            let (sub, grandchild) = child.children.iter().next().expect("one child");
            if grandchild.children.is_empty() {
                break;
            }
            label = format!("{label}/{sub}");
            child = grandchild;
        }
        if !child.children.is_empty() {
            label.push('/');
        }
        out.push_str(&format!("{prefix}{}{label}\n", if last { "└── " } else { "├── " }));
        render_children(child, &format!("{prefix}{}", if last { "    " } else { "│   " }), out);
    }
}

/// One target moved into place (or being moved).
struct Committed {
    target: PathBuf,
    /// Where the original went, if there was one.
    backup: Option<PathBuf>,
    /// Whether the new contents are in place yet.
    placed: bool,
}

/// What has been done so far, to undo it.
#[derive(Default)]
struct Transaction {
    created_dirs: Vec<PathBuf>,
    staged: Vec<PathBuf>,
    committed: Vec<Committed>,
}

impl Transaction {
    /// Create `dir` and any missing parents, remembering each one created.
    fn create_dirs(&mut self, dir: &Path) -> io::Result<()> {
        let missing: Vec<&Path> = dir.ancestors().take_while(|d| !d.exists()).collect();
        for d in missing.into_iter().rev() {
            fs::create_dir(d)?;
            self.created_dirs.push(d.to_path_buf());
        }
        Ok(())
    }

    /// Undo everything, newest first; returns what could not be undone.
    fn roll_back(self) -> Vec<String> {
        let mut errors = Vec::new();
        for c in self.committed.iter().rev() {
            let result = match (&c.backup, c.placed) {
                (Some(backup), _) => fs::rename(backup, &c.target),
                (None, true) => fs::remove_file(&c.target),
                (None, false) => Ok(()),
            };
            if let Err(e) = result {
                errors.push(format!("cannot restore `{}`: {e}", display(&c.target)));
            }
        }
        for temp in &self.staged {
            match fs::remove_file(temp) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    errors.push(format!("cannot remove `{}`: {e}", display(temp)));
                }
                _ => {}
            }
        }
        for dir in self.created_dirs.iter().rev() {
            if let Err(e) = fs::remove_dir(dir) {
                errors.push(format!("cannot remove `{}`: {e}", display(dir)));
            }
        }
        errors
    }

    /// After success: drop the originals kept for a rollback.
    fn discard_backups(self) {
        for backup in self.committed.iter().filter_map(|c| c.backup.as_ref()) {
            // A leftover backup is a hidden file beside its target; nothing depends on it.
            let _ = fs::remove_file(backup);
        }
    }
}

/// `.<file>.cpython-rs.<pid>.<what>` beside `target`.
fn sibling(target: &Path, what: &str) -> PathBuf {
    let file = target.file_name().map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    target.with_file_name(format!(".{file}.cpython-rs.{}.{what}", std::process::id()))
}

/// Write `contents` to the new `file` at `path`, with the permissions of `like` when given.
fn fill(mut file: fs::File, path: &Path, contents: &str, like: Option<&Path>) -> io::Result<()> {
    file.write_all(contents.as_bytes())?;
    file.sync_all()?;
    if let Some(like) = like {
        fs::set_permissions(path, fs::metadata(like)?.permissions())?;
    }
    Ok(())
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(path: &str, kind: ChangeKind) -> FileChange {
        FileChange { path: path.into(), kind, before: None, after: String::new(), summary: String::new() }
    }

    #[test]
    fn tree_merges_single_directory_chains() {
        let plan = Plan {
            root: PathBuf::from("/x"),
            changes: vec![
                change("Modules/_x/Cargo.toml", ChangeKind::Create),
                change("Modules/_x/build.rs", ChangeKind::Create),
                change("Modules/_x/src/lib.rs", ChangeKind::Create),
                change("Lib/test/test__x.py", ChangeKind::Create),
                change("Cargo.toml", ChangeKind::Edit),
            ],
        };
        assert_eq!(
            plan.tree("cpython/"),
            "cpython/\n\
             ├── Lib/test/\n\
             │   └── test__x.py\n\
             └── Modules/_x/\n    \
                 ├── Cargo.toml\n    \
                 ├── build.rs\n    \
                 └── src/\n        \
                     └── lib.rs\n"
        );
    }
}
