//! Reading input files within limits: regular files only (a FIFO would block forever, a
//! device such as `/dev/zero` never ends), and never more than the input size limit, so memory
//! stays bounded whatever is named.

use super::InputError;
use std::io::Read;
use std::path::Path;

/// What a non-regular file is, in words; `None` for a regular file.
pub fn kind_of(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    if t.is_dir() {
        return Some("a folder");
    }
    Some("not a file")
}

/// The bytes of the regular file at `path` (a symbolic link is followed), at most `limit`.
/// The file is opened without blocking, so a FIFO is refused rather than waited on.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let meta = std::fs::metadata(path)?;
    if let Some(what) = kind_of(&meta) {
        return Err(InputError::NotRegular(what));
    }
    if meta.len() > limit {
        return Err(InputError::TooLarge(limit));
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Swapped for a FIFO between the check and the open: do not block on it.
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let f = opts.open(path)?;
    // The file opened may not be the one checked.
    if let Some(what) = kind_of(&f.metadata()?) {
        return Err(InputError::NotRegular(what));
    }
    read_limited(f, limit)
}

/// Everything `r` yields, unless it is more than `limit` bytes.
pub fn read_limited(r: impl Read, limit: u64) -> Result<Vec<u8>, InputError> {
    let mut buf = Vec::new();
    r.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(InputError::TooLarge(limit));
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_hold() {
        assert!(matches!(
            read_limited(&b"0123456789"[..], 5),
            Err(InputError::TooLarge(5))
        ));
        assert_eq!(read_limited(&b"01234"[..], 5).unwrap(), b"01234");
        #[cfg(unix)]
        {
            assert!(matches!(
                read_regular(Path::new("/dev/zero"), 100),
                Err(InputError::NotRegular("a device"))
            ));
            assert!(matches!(
                read_regular(Path::new("/"), 100),
                Err(InputError::NotRegular("a folder"))
            ));
        }
    }
}
