//! Reading inputs safely: only regular files, never blocking on a FIFO or a
//! device, and never more than a size limit (`--config /dev/zero` must not
//! read until memory runs out).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Largest Rust source file read (a generated table of this size still
/// analyses in well under a second per MiB).
pub const MAX_SOURCE_BYTES: u64 = 32 << 20;

/// Largest config file or manifest read.
pub const MAX_CONFIG_BYTES: u64 = 4 << 20;

/// Open `path` without blocking (a FIFO opens at once instead of waiting
/// for a writer), check that it is a regular file no larger than `limit`,
/// and read it.
pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, not_regular(&meta)));
    }
    if meta.len() > limit {
        return Err(too_large(limit));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

/// [`read_limited`] as UTF-8 text.
pub fn read_text_limited(path: &Path, limit: u64) -> io::Result<String> {
    String::from_utf8(read_limited(path, limit)?)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("not valid UTF-8: {}", e.utf8_error())))
}

fn too_large(limit: u64) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("larger than {} MiB; not read", limit >> 20))
}

/// What kind of special file `meta` describes, for an error message.
pub fn not_regular(meta: &std::fs::Metadata) -> String {
    if meta.is_dir() {
        return "is a directory, not a file".to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let ty = meta.file_type();
        let kind = if ty.is_fifo() {
            "a FIFO"
        } else if ty.is_socket() {
            "a socket"
        } else if ty.is_char_device() || ty.is_block_device() {
            "a device"
        } else {
            "a special file"
        };
        format!("is {kind}, not a regular file; not read")
    }
    #[cfg(not(unix))]
    "is not a regular file; not read".to_string()
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn special_files_are_refused_without_blocking() {
        let err = read_limited(Path::new("/dev/zero"), MAX_CONFIG_BYTES).unwrap_err();
        assert!(err.to_string().contains("device"), "{err}");
        let dir = std::env::temp_dir();
        assert!(read_limited(&dir, MAX_CONFIG_BYTES).unwrap_err().to_string().contains("directory"));
    }

    #[test]
    fn files_over_the_limit_are_refused() {
        let tmp = std::env::temp_dir().join(format!("cpython-rs-fsio-{}", std::process::id()));
        std::fs::write(&tmp, vec![b'a'; 2048]).unwrap();
        assert!(read_limited(&tmp, 1024).unwrap_err().to_string().contains("larger than"));
        assert_eq!(read_limited(&tmp, 4096).unwrap().len(), 2048);
        let _ = std::fs::remove_file(&tmp);
    }
}
