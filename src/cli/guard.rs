//! What keeps one bad input from hurting the rest of a run: panic isolation per file, folder
//! walking that says what it skipped, and reading within limits.

use essaylint::input::{self, Format};
use std::cell::RefCell;
use std::path::{Path, PathBuf};

thread_local! {
    /// The last panic on this thread: message and place.
    static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replaces the panic hook with one that records the panic for [`isolate`] instead of printing
/// it (the file is then named in a proper message). Idempotent.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let msg = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            let at = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let recorded = PANIC.with(|p| {
                p.borrow_mut().replace(format!("{msg}{at}"));
                true
            });
            if std::env::var_os("ESSAYLINT_BACKTRACE").is_some() || !recorded {
                default(info);
            }
        }));
    });
}

/// Runs `f` for the input shown as `shown`; if it panics, the panic becomes a message naming
/// the file (the last line of defence: bugs are fixed where they are, this only keeps one file's
/// bug from stopping the run).
pub fn isolate<T>(shown: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    PANIC.with(|p| p.borrow_mut().take());
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|_| {
        let why = PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "unknown cause".into());
        format!(
            "{shown}: internal error: essaylint failed on this file ({why}); the other files were still checked. Please report this bug with the file."
        )
    })
}

/// Files under `dir` in a format essaylint reads, skipping hidden files and whatever
/// `.gitignore`, `.ignore` and `.essaylintignore` files exclude (inside a Git repository or
/// not). Symbolic links are followed inside the folder; a link leading out of it, or to a file
/// already found, is skipped with a note. Returns false if part of the folder could not be read
/// (each such place is named on standard error).
pub fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> bool {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .follow_links(true)
        .add_custom_ignore_filename(".essaylintignore")
        .build();
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut seen: std::collections::HashMap<PathBuf, PathBuf> = std::collections::HashMap::new();
    let mut ok = true;
    let note = |p: &Path, what: &str| {
        eprintln!(
            "essaylint: {}: {what}",
            essaylint::output::sanitize::escape_line(&p.display().to_string())
        );
    };
    for entry in walker {
        match entry {
            Ok(e) => {
                if !e.file_type().is_some_and(|t| t.is_file()) {
                    if e.path_is_symlink() && e.file_type().is_none_or(|t| t.is_symlink()) {
                        note(e.path(), "skipped: a broken symbolic link");
                    }
                    continue;
                }
                let p = e.into_path();
                if Format::from_path(&p).is_some() {
                    let real = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
                    if !real.starts_with(&root) {
                        note(
                            &p,
                            &format!(
                                "skipped: a symbolic link to {}, outside the folder (name it to check it)",
                                real.display()
                            ),
                        );
                    } else if let Some(first) = seen.get(&real) {
                        note(
                            &p,
                            &format!("skipped: the same file as {} (a link)", first.display()),
                        );
                    } else {
                        seen.insert(real, p.clone());
                        out.push(p);
                    }
                } else if let Some(why) = input::unsupported(&p) {
                    note(&p, &format!("skipped: {why}"));
                }
            }
            Err(e) => {
                // An unreadable subfolder or a link loop: part of the folder was not checked.
                ok = false;
                eprintln!(
                    "essaylint: {}: not checked: {}",
                    essaylint::output::sanitize::escape_line(&dir.display().to_string()),
                    essaylint::output::sanitize::escape_line(&e.to_string())
                );
            }
        }
    }
    ok
}

/// Test hook, in debug builds only: `ESSAYLINT_TEST_PANIC=essay.txt` makes checking a file of
/// that name panic, so the isolation above can be tested without a real bug.
#[cfg(debug_assertions)]
pub fn test_panic(path: &Path) {
    if let Some(name) = std::env::var_os("ESSAYLINT_TEST_PANIC") {
        if path.file_name() == Some(name.as_os_str()) {
            panic!("test panic requested by ESSAYLINT_TEST_PANIC");
        }
    }
}
