//! An edit plan: every file to create or change, computed in memory first,
//! then applied as one transaction. Applying writes a journal, stages each
//! new content in a temporary file beside its target, keeps a second name
//! (a hard link) for each original, then renames the new files into place:
//! every step is atomic, so no file is ever missing, and a failure or a kill
//! at any point is undone from the journal (`journal::repair`).

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::journal::{self, Journal};

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

    /// Apply every change, or none. A journal written before the first change
    /// lets [`journal::repair`] undo a run killed midway; each file is replaced
    /// by renaming a complete new file over it, so no file is ever missing.
    /// On success, what could not be cleaned up (leftover backups) is returned.
    pub fn apply(&self, options: &ApplyOptions) -> Result<Vec<String>, ApplyError> {
        let fail = |message: String| ApplyError { message, rollback_errors: Vec::new() };
        for change in &self.changes {
            self.check_unchanged(change).map_err(fail)?;
            self.check_writable(change).map_err(fail)?;
        }
        let journal_path = journal::state_dir(&self.root).join(journal::JOURNAL);
        if journal_path.exists() {
            return Err(fail(format!(
                "an interrupted new-module left `{}`; run `cpython-rs new-module --repair` first",
                display(&journal_path)
            )));
        }
        let journal = self.journal();
        // A new folder (`--out-of-tree`) must exist to hold the journal; the journal lists it for a rollback.
        if !self.root.exists() {
            fs::create_dir_all(&self.root)
                .map_err(|e| fail(format!("cannot create `{}`: {e}", display(&self.root))))?;
        }
        journal.write(&journal_path).map_err(|e| fail(format!("cannot write `{}`: {e}", display(&journal_path))))?;
        match self.run(&journal, options) {
            Ok(()) => {
                let mut leftovers = Vec::new();
                for entry in &journal.entries {
                    if let Some(backup) = &entry.backup {
                        if let Err(e) = fs::remove_file(self.root.join(backup)) {
                            leftovers.push(format!("cannot remove the backup `{backup}`: {e}"));
                        }
                    }
                }
                if leftovers.is_empty() {
                    if let Err(e) = fs::remove_file(&journal_path) {
                        leftovers.push(format!("cannot remove `{}`: {e}", display(&journal_path)));
                    }
                }
                Ok(leftovers)
            }
            Err(message) => {
                let rollback_errors = match journal::repair(&journal_path) {
                    Ok(_) => Vec::new(),
                    Err(errors) => errors,
                };
                Err(ApplyError { message, rollback_errors })
            }
        }
    }

    /// The journal of this plan: every file, its staging and backup names, the folders to create.
    fn journal(&self) -> Journal {
        let mut created_dirs: Vec<String> = Vec::new();
        let mut entries = Vec::new();
        for change in &self.changes {
            let target = self.root.join(&change.path);
            let parent = target.parent().unwrap_or(&self.root);
            let mut missing: Vec<&Path> = parent.ancestors().take_while(|d| !d.exists()).collect();
            missing.reverse();
            for dir in missing {
                let rel = relative(&self.root, dir);
                if !created_dirs.contains(&rel) {
                    created_dirs.push(rel);
                }
            }
            entries.push(journal::Entry {
                path: change.path.clone(),
                staged: relative(&self.root, &sibling(&target, "new")),
                backup: change.before.is_some().then(|| relative(&self.root, &sibling(&target, "old"))),
                after: journal::digest(change.after.as_bytes()),
            });
        }
        Journal { root: self.root.clone(), created_dirs, entries }
    }

    fn run(&self, journal: &Journal, options: &ApplyOptions) -> Result<(), String> {
        for dir in &journal.created_dirs {
            let dir = self.root.join(dir);
            match fs::create_dir(&dir) {
                Err(e) if e.kind() != io::ErrorKind::AlreadyExists => {
                    return Err(format!("cannot create `{}`: {e}", display(&dir)));
                }
                _ => {}
            }
        }
        for (change, entry) in self.changes.iter().zip(&journal.entries) {
            let target = self.root.join(&change.path);
            let temp = self.root.join(&entry.staged);
            let file = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)
                .map_err(|e| format!("cannot write `{}`: {e}", display(&temp)))?;
            fill(file, &temp, &change.after, change.before.is_some().then_some(target.as_path()))
                .map_err(|e| format!("cannot write `{}`: {e}", display(&temp)))?;
            if let Some(backup) = &entry.backup {
                // A second name for the original: it survives the rename below untouched.
                let backup = self.root.join(backup);
                if !cfg!(unix) || fs::hard_link(&target, &backup).is_err() {
                    fs::copy(&target, &backup).map_err(|e| format!("cannot back up `{}`: {e}", display(&target)))?;
                }
            }
        }
        for (index, (change, entry)) in self.changes.iter().zip(&journal.entries).enumerate() {
            if options.fail_before_commit == Some(index) {
                return Err(format!("injected failure before writing `{}`", display(&self.root.join(&change.path))));
            }
            let target = self.root.join(&change.path);
            fs::rename(self.root.join(&entry.staged), &target)
                .map_err(|e| format!("cannot write `{}`: {e}", display(&target)))?;
        }
        Ok(())
    }

    /// new-module does not replace a file its owner made read-only.
    fn check_writable(&self, change: &FileChange) -> Result<(), String> {
        if change.before.is_none() {
            return Ok(());
        }
        let path = self.root.join(&change.path);
        match fs::metadata(&path) {
            Ok(meta) if meta.permissions().readonly() => Err(format!(
                "`{}` is read-only; nothing was written (make it writable, or make this change by hand)",
                change.path
            )),
            _ => Ok(()),
        }
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

/// `path` relative to `root`, with `/`.
fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
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
