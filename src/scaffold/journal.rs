//! Keeping the user's files safe while `new-module` edits a checkout: a lock
//! so that two runs never interleave, and a journal written before the first
//! edit so that a run killed midway can be undone (`new-module --repair`,
//! or the next run, does it; `doctor` reports it).
//!
//! Both live in the checkout's git directory when there is one (`.git/`), so
//! they never show up as untracked files, else at the checkout root.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};

/// The lock file's name.
pub const LOCK: &str = "cpython-rs-new-module.lock";
/// The journal's name.
pub const JOURNAL: &str = "cpython-rs-new-module.journal";

/// Where the lock and the journal of the checkout at `root` live.
pub fn state_dir(root: &Path) -> PathBuf {
    let git = root.join(".git");
    if git.is_dir() {
        return git;
    }
    // A worktree or submodule: `.git` is a file `gitdir: <path>`.
    if let Ok(text) = fs::read_to_string(&git) {
        if let Some(dir) = text.trim().strip_prefix("gitdir:") {
            let dir = root.join(dir.trim());
            if dir.is_dir() {
                return dir;
            }
        }
    }
    root.to_path_buf()
}

/// Remove a journal a run was killed while writing: it had changed nothing yet.
pub fn discard_unfinished_journal(root: &Path) {
    let _ = fs::remove_file(state_dir(root).join(JOURNAL).with_extension("journal.tmp"));
}

/// The journal of an interrupted run, if there is one.
pub fn pending(root: &Path) -> Option<PathBuf> {
    let path = state_dir(root).join(JOURNAL);
    path.is_file().then_some(path)
}

// ---------------------------------------------------------------------------
// The lock

/// The checkout's lock, held until dropped. Taken with `flock`, which the
/// kernel releases when the holder dies, however it dies: a lock file left
/// by a killed run is stale by construction and taken over.
pub struct Lock {
    path: PathBuf,
    #[cfg_attr(not(unix), allow(dead_code))]
    file: fs::File,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another run held it for the whole wait.
    Busy {
        pid: Option<u32>,
        path: PathBuf,
    },
    Io(String),
}

impl Lock {
    /// Take the lock of the checkout at `root`, waiting up to `wait` for
    /// another run to finish; `waiting` is called once if it has to wait.
    pub fn acquire(root: &Path, wait: Duration, mut waiting: impl FnMut(Option<u32>)) -> Result<Lock, LockError> {
        let path = state_dir(root).join(LOCK);
        let started = Instant::now();
        let mut told = false;
        loop {
            let file = fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| LockError::Io(format!("cannot open `{}`: {e}", path.display())))?;
            if try_lock(&file).map_err(|e| LockError::Io(format!("cannot lock `{}`: {e}", path.display())))? {
                // The holder before us may have removed the file after we opened it:
                // then our lock is on a file nobody else will open. Start again.
                if same_open_file(&file, &path) {
                    let mut lock = Lock { path, file };
                    lock.write_pid().map_err(|e| LockError::Io(format!("cannot write the lock: {e}")))?;
                    return Ok(lock);
                }
                continue;
            }
            let pid = read_pid(&path);
            if started.elapsed() >= wait {
                return Err(LockError::Busy { pid, path });
            }
            if !told {
                waiting(pid);
                told = true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn write_pid(&mut self) -> io::Result<()> {
        self.file.set_len(0)?;
        self.file.write_all(format!("{}\n", std::process::id()).as_bytes())?;
        self.file.flush()
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Remove the file while still holding the lock; a waiter that opened it
        // notices (`same_file`) and opens the path again.
        let _ = fs::remove_file(&self.path);
    }
}

fn read_pid(path: &Path) -> Option<u32> {
    let mut text = String::new();
    fs::File::open(path).ok()?.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

#[cfg(unix)]
fn try_lock(file: &fs::File) -> io::Result<bool> {
    use std::os::unix::io::AsRawFd;
    // SAFETY: `flock` on a descriptor this `File` owns and keeps open.
    let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if rc == 0 {
        return Ok(true);
    }
    let error = io::Error::last_os_error();
    if error.kind() == io::ErrorKind::WouldBlock {
        Ok(false)
    } else {
        Err(error)
    }
}

/// Whether two paths name one file (hard links).
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(a: &Path, b: &Path) -> bool {
    // No hard links are made where they cannot be compared: the backup is a copy.
    let _ = (a, b);
    false
}

#[cfg(unix)]
fn same_open_file(file: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn try_lock(file: &fs::File) -> io::Result<bool> {
    file.try_lock().map(|()| true).or_else(|e| match e {
        fs::TryLockError::WouldBlock => Ok(false),
        fs::TryLockError::Error(e) => Err(e),
    })
}

#[cfg(not(unix))]
fn same_open_file(_: &fs::File, path: &Path) -> bool {
    path.is_file()
}

// ---------------------------------------------------------------------------
// The journal

/// What a run is about to do, written before its first change.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Journal {
    /// The checkout the paths are relative to.
    pub root: PathBuf,
    /// Directories the run creates, parents first.
    pub created_dirs: Vec<String>,
    pub entries: Vec<Entry>,
}

/// One file of the run.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    /// Where the new contents are staged before being renamed into place.
    pub staged: String,
    /// For a file that existed: where the original is kept (a hard link) until the run ends.
    pub backup: Option<String>,
    /// MD5 of the new contents, to tell whether the file holds them.
    pub after: String,
}

/// Remove a file that may not exist; the error worth reporting, if any.
fn remove(path: &Path) -> Option<String> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Some(format!("cannot remove `{}`: {e}", path.display())),
        _ => None,
    }
}

/// The hex MD5 of `text`.
pub fn digest(text: &[u8]) -> String {
    Md5::digest(text).iter().map(|b| format!("{b:02x}")).collect()
}

impl Journal {
    /// Write it durably, replacing any journal (through a temporary file and a rename).
    pub fn write(&self, path: &Path) -> io::Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(io::Error::other)?;
        let temp = path.with_extension("journal.tmp");
        let mut file = fs::File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        if let Some(dir) = path.parent() {
            // Make the rename itself durable where the platform allows opening a directory.
            if let Ok(dir) = fs::File::open(dir) {
                let _ = dir.sync_all();
            }
        }
        Ok(())
    }

    pub fn read(path: &Path) -> Result<Journal, String> {
        let text = fs::read_to_string(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("`{}` is not a new-module journal: {e}", path.display()))
    }
}

/// What [`repair`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repaired {
    /// Every file already held its new contents: the run had finished; only its leftovers were removed.
    Finished,
    /// The originals were put back and the new files removed: the tree is as it was before the run.
    RolledBack,
}

/// Finish or undo the run the journal at `path` describes, then remove the journal.
/// Errors leave the journal in place, so that the repair can be run again.
pub fn repair(path: &Path) -> Result<Repaired, Vec<String>> {
    let journal = Journal::read(path).map_err(|e| vec![e])?;
    let root = &journal.root;
    let holds_new = |e: &Entry| fs::read(root.join(&e.path)).is_ok_and(|bytes| digest(&bytes) == e.after);
    let finished = journal.entries.iter().all(holds_new);
    let mut errors = Vec::new();
    for entry in journal.entries.iter().rev() {
        let target = root.join(&entry.path);
        let staged = root.join(&entry.staged);
        // Only a file: a folder of that name is not something a run creates.
        if fs::symlink_metadata(&staged).is_ok_and(|m| m.is_file()) {
            errors.extend(remove(&staged));
        }
        match &entry.backup {
            Some(backup) if !finished => {
                let backup = root.join(backup);
                if same_file(&backup, &target) {
                    // Killed before the rename: the target still is the original
                    // (and renaming one link over the other would do nothing).
                    errors.extend(remove(&backup));
                } else if backup.is_file() {
                    // One atomic step: the original is back, and the target never went missing.
                    if let Err(e) = fs::rename(&backup, &target) {
                        errors.push(format!("cannot restore `{}`: {e}", target.display()));
                    }
                }
            }
            Some(backup) => errors.extend(remove(&root.join(backup))),
            // A file the run created: removed only if it holds what the run wrote.
            None if !finished && holds_new(entry) => errors.extend(remove(&target)),
            None => {}
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    fs::remove_file(path).map_err(|e| vec![format!("cannot remove `{}`: {e}", path.display())])?;
    if !finished {
        for dir in journal.created_dirs.iter().rev() {
            // Only empty ones: anything else in them is not ours.
            let _ = fs::remove_dir(root.join(dir));
        }
    }
    Ok(if finished { Repaired::Finished } else { Repaired::RolledBack })
}
