//! Writing a fixed file back without losing an edit.
//!
//! What [`write_fixed`] guarantees (the README's `--fix` section says the same):
//!
//! - **Only what essaylint read is replaced.** The file is opened and locked (an advisory
//!   `flock`, so two essaylint runs, or an editor that locks, wait for each other); its content
//!   is compared with what was checked, and compared again, with the file's identity (device
//!   and inode behind the path), immediately before the new content takes its place. If
//!   anything differs — an editor saved meanwhile, or replaced the file — nothing is written and
//!   the file is reported as changed. (An edit saved by a program that ignores the lock in the
//!   few microseconds between that last comparison and the rename can still be overwritten; no
//!   portable file system call closes that window.)
//! - **The file stays the same file.** Usually a temporary file in the same folder, given the
//!   original's mode and group, is written, synced, read back and renamed over the original
//!   (atomic: a crash leaves the old or the new file, never half of one). When the file has
//!   other hard links, belongs to another user, or its group cannot be kept, renaming would
//!   split the links or change the owner, so the new content is written **in place** instead:
//!   first a checked copy of the original is made next to it (or in the temporary folder), then
//!   the file is overwritten, synced and read back; if that fails the original is put back from
//!   the copy, and if even that fails the copy is kept and named in the error.
//! - **Read-only files are refused**, as are files this user may not write.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Why a fixed file was not written.
#[derive(Debug)]
pub enum WriteError {
    Io(std::io::Error),
    /// The file changed (content or identity) after essaylint read it.
    Changed,
    /// The file is read-only, or this user may not write it.
    ReadOnly,
    /// Another program holds the file's lock.
    Locked,
    /// Writing in place failed and the original could not be put back: it is in this copy.
    Stranded(std::io::Error, PathBuf),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Io(e) => write!(f, "{e}"),
            WriteError::Changed => f.write_str(
                "the file changed while essaylint was checking it; not written (run again to fix the new version)",
            ),
            WriteError::ReadOnly => {
                f.write_str("the file is read-only (or not yours to write); not written")
            }
            WriteError::Locked => {
                f.write_str("another program holds the file's lock; not written")
            }
            WriteError::Stranded(e, copy) => write!(
                f,
                "writing failed ({e}) and the original could not be restored: it is saved in {}",
                copy.display()
            ),
        }
    }
}

impl std::error::Error for WriteError {}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// How the file was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// A temporary file renamed over the original.
    Renamed,
    /// The original overwritten in place (hard links, another owner).
    InPlace,
}

fn read_all(f: &mut File) -> std::io::Result<Vec<u8>> {
    f.seek(SeekFrom::Start(0))?;
    let mut buf = Vec::new();
    f.read_to_end(&mut buf)?;
    Ok(buf)
}

/// Replaces the content of the file at `path` with `bytes`, if it still holds `original`. A
/// symbolic link is followed (the file it points to is written, the link kept). See the module
/// documentation for what is guaranteed.
pub fn write_fixed(path: &Path, original: &[u8], bytes: &[u8]) -> Result<Method, WriteError> {
    let target = std::fs::canonicalize(path)?;
    let mut f = File::open(&target)?;
    let meta = f.metadata()?;
    if !meta.is_file() {
        return Err(WriteError::Changed);
    }
    if meta.permissions().readonly() || !may_write(&target) {
        return Err(WriteError::ReadOnly);
    }
    let _lock = lock(&f)?;
    if read_all(&mut f)? != original {
        return Err(WriteError::Changed);
    }
    if must_write_in_place(&meta) {
        return in_place(&target, &mut f, &meta, original, bytes);
    }
    match renamed(&target, &mut f, &meta, original, bytes)? {
        Some(m) => Ok(m),
        // The group (or owner) could not be given to a new file: keep the file itself.
        None => in_place(&target, &mut f, &meta, original, bytes),
    }
}

/// True if `target` still is the file `meta` describes and still holds `original`.
fn unchanged(
    target: &Path,
    f: &mut File,
    meta: &std::fs::Metadata,
    original: &[u8],
) -> std::io::Result<bool> {
    let now = std::fs::metadata(target)?;
    Ok(same_file(&now, meta) && read_all(f)? == original)
}

/// Temporary file, renamed over the original. `None` if it cannot carry the original's owner
/// and group.
fn renamed(
    target: &Path,
    f: &mut File,
    meta: &std::fs::Metadata,
    original: &[u8],
    bytes: &[u8],
) -> Result<Option<Method>, WriteError> {
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let mut tmp = match tempfile::Builder::new()
        .prefix(".essaylint-")
        .suffix(".tmp")
        .tempfile_in(dir)
    {
        Ok(t) => t,
        // A folder we may not create files in: the file itself can still be written.
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if !copy_owner(tmp.as_file(), meta) {
        return Ok(None);
    }
    tmp.write_all(bytes)?;
    tmp.as_file().set_permissions(meta.permissions())?;
    tmp.as_file().sync_all()?;
    if read_all(tmp.as_file_mut())? != bytes {
        return Err(WriteError::Io(std::io::Error::other(
            "the temporary copy did not read back as written",
        )));
    }
    if !unchanged(target, f, meta, original)? {
        return Err(WriteError::Changed);
    }
    tmp.persist(target).map_err(|e| WriteError::Io(e.error))?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(Some(Method::Renamed))
}

/// Overwrites the file itself, keeping a checked copy of the original until the new content
/// has been read back.
fn in_place(
    target: &Path,
    f: &mut File,
    meta: &std::fs::Metadata,
    original: &[u8],
    bytes: &[u8],
) -> Result<Method, WriteError> {
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let backup = tempfile::Builder::new()
        .prefix(".essaylint-original-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .or_else(|_| {
            tempfile::Builder::new()
                .prefix("essaylint-original-")
                .tempfile()
        });
    let mut backup = backup?;
    backup.write_all(original)?;
    backup.as_file().sync_all()?;
    if read_all(backup.as_file_mut())? != original {
        return Err(WriteError::Io(std::io::Error::other(
            "the copy of the original did not read back as written",
        )));
    }
    let mut w = OpenOptions::new().write(true).open(target)?;
    if !same_file(&w.metadata()?, meta) || !unchanged(target, f, meta, original)? {
        return Err(WriteError::Changed);
    }
    let write = |w: &mut File, data: &[u8]| -> std::io::Result<()> {
        w.seek(SeekFrom::Start(0))?;
        w.write_all(data)?;
        w.set_len(data.len() as u64)?;
        w.sync_all()
    };
    let result = write(&mut w, bytes).and_then(|()| {
        if read_all(f)? == bytes {
            Ok(())
        } else {
            Err(std::io::Error::other(
                "the file did not read back as written",
            ))
        }
    });
    match result {
        Ok(()) => Ok(Method::InPlace),
        Err(e) => {
            if write(&mut w, original).is_ok() && read_all(f).is_ok_and(|b| b == original) {
                Err(WriteError::Io(e))
            } else {
                let (_, kept) = backup.keep().map_err(|k| WriteError::Io(k.error))?;
                Err(WriteError::Stranded(e, kept))
            }
        }
    }
}

#[cfg(unix)]
mod sys {
    use std::fs::{File, Metadata};
    use std::os::unix::fs::MetadataExt;
    use std::os::unix::io::AsRawFd;

    /// Held while the file is open (the lock goes with the descriptor when it closes).
    pub struct Lock(i32);

    impl Drop for Lock {
        fn drop(&mut self) {
            // SAFETY: flock on a descriptor the caller's File still owns (it outlives the lock).
            unsafe { libc::flock(self.0, libc::LOCK_UN) };
        }
    }

    /// An exclusive advisory lock, waited for up to two seconds.
    pub fn lock(f: &File) -> Result<Lock, super::WriteError> {
        let fd = f.as_raw_fd();
        for _ in 0..40 {
            // SAFETY: flock on a descriptor this File owns.
            if unsafe { libc::flock(fd, libc::LOCK_EX | libc::LOCK_NB) } == 0 {
                return Ok(Lock(fd));
            }
            let e = std::io::Error::last_os_error();
            if e.raw_os_error() != Some(libc::EWOULDBLOCK) {
                // File systems without locks (some network mounts): go on unlocked.
                return Ok(Lock(-1));
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Err(super::WriteError::Locked)
    }

    pub fn may_write(p: &std::path::Path) -> bool {
        use std::os::unix::ffi::OsStrExt;
        let Ok(c) = std::ffi::CString::new(p.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: a valid NUL-terminated path.
        unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
    }

    pub fn same_file(a: &Metadata, b: &Metadata) -> bool {
        a.dev() == b.dev() && a.ino() == b.ino()
    }

    /// Other hard links, or another owner: a new file would split the links or change hands.
    pub fn must_write_in_place(m: &Metadata) -> bool {
        // SAFETY: geteuid has no preconditions.
        m.nlink() > 1 || m.uid() != unsafe { libc::geteuid() }
    }

    /// Gives the new file the original's group (its owner is ours, as `must_write_in_place`
    /// checked); false if that is not allowed.
    pub fn copy_owner(f: &File, m: &Metadata) -> bool {
        let now = match f.metadata() {
            Ok(n) => n,
            Err(_) => return false,
        };
        if now.gid() == m.gid() && now.uid() == m.uid() {
            return true;
        }
        std::os::unix::fs::fchown(f, Some(m.uid()), Some(m.gid())).is_ok()
    }
}

#[cfg(not(unix))]
mod sys {
    use std::fs::{File, Metadata};

    pub struct Lock;

    pub fn lock(_: &File) -> Result<Lock, super::WriteError> {
        Ok(Lock)
    }
    pub fn may_write(_: &std::path::Path) -> bool {
        true
    }
    pub fn same_file(a: &Metadata, b: &Metadata) -> bool {
        a.len() == b.len() && a.modified().ok() == b.modified().ok()
    }
    pub fn must_write_in_place(_: &Metadata) -> bool {
        false
    }
    pub fn copy_owner(_: &File, _: &Metadata) -> bool {
        true
    }
}

use sys::{copy_owner, lock, may_write, must_write_in_place, same_file};

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("essaylint-rewrite-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn writes_only_what_was_read() {
        let d = dir("basic");
        let p = d.join("e.txt");
        std::fs::write(&p, "old").unwrap();
        assert_eq!(write_fixed(&p, b"old", b"new").unwrap(), Method::Renamed);
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        assert!(matches!(
            write_fixed(&p, b"old", b"x"),
            Err(WriteError::Changed)
        ));
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        // No temporary files left behind.
        assert_eq!(std::fs::read_dir(&d).unwrap().count(), 1);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn hard_links_are_kept() {
        let d = dir("links");
        let p = d.join("e.txt");
        let q = d.join("link.txt");
        std::fs::write(&p, "old text").unwrap();
        std::fs::hard_link(&p, &q).unwrap();
        assert_eq!(
            write_fixed(&p, b"old text", b"new").unwrap(),
            Method::InPlace
        );
        assert_eq!(std::fs::read(&q).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(&d).unwrap().count(), 2);
        let _ = std::fs::remove_dir_all(&d);
    }
}
