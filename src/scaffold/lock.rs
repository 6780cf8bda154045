//! `Cargo.lock` must list the new crate (CPython's build runs cargo with
//! `--locked`). Cargo itself updates it, offline; when it cannot, the lock
//! is left exactly as it was and the user gets the command to run.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What updating the lock did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockOutcome {
    /// The lock now lists the package.
    Updated,
    /// There is no lock to update.
    Skipped(String),
    /// Cargo could not do it offline; the lock is unchanged.
    Failed { reason: String },
}

/// The command run, as the user would type it.
pub const COMMAND: &str = "cargo update --workspace --offline";

/// How long cargo may take before it is stopped (it can wait on the package cache lock).
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// Add `package` to the lock of the workspace at `root`.
pub fn refresh(root: &Path, package: &str, timeout: Duration) -> LockOutcome {
    let lock = root.join("Cargo.lock");
    let Ok(before) = std::fs::read(&lock) else {
        return LockOutcome::Skipped("the checkout has no Cargo.lock".into());
    };
    let result = run_cargo(root, timeout);
    let after = std::fs::read_to_string(&lock).unwrap_or_default();
    let listed = after.lines().any(|l| l.trim() == format!("name = \"{package}\""));
    match result {
        Ok(()) if listed => LockOutcome::Updated,
        outcome => {
            if after.as_bytes() != before.as_slice() {
                // Best effort: cargo only writes the lock after a successful resolve.
                let _ = std::fs::write(&lock, &before);
            }
            let reason = match outcome {
                Ok(()) => format!("`{COMMAND}` did not add `{package}`"),
                Err(e) => e,
            };
            LockOutcome::Failed { reason }
        }
    }
}

fn run_cargo(root: &Path, timeout: Duration) -> Result<(), String> {
    let mut child = Command::new("cargo")
        .args(["update", "--workspace", "--offline", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(stderr) = stderr.as_mut() {
            let _ = stderr.read_to_string(&mut text);
        }
        text
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break Err(format!("`{COMMAND}` took longer than {} seconds and was stopped", timeout.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => break Err(format!("cannot wait for cargo: {e}")),
        }
    };
    let stderr = reader.join().unwrap_or_default();
    let status = status?;
    if status.success() {
        Ok(())
    } else {
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no output");
        Err(format!("`{COMMAND}` failed: {}", last.trim()))
    }
}
