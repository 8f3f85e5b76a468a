//! The project lock: a run that writes holds an exclusive lock on the
//! project, a run that only reads a shared one, so two overlapping runs
//! happen one after the other. The lock is the operating system's advisory
//! lock on `.bitext/lock` under the project root (`std::fs::File::lock`,
//! `flock` on Unix), so a killed process never leaves it held. A writer
//! that holds it also clears what killed runs left: bitext's temporary
//! files beside the files they were writing.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::{Config, Error, Result};

/// The project's state folder, below its root.
pub const STATE_DIR: &str = ".bitext";

/// What a run does to the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reads only: runs alongside other readers.
    Shared,
    /// Writes: runs alone.
    Exclusive,
}

/// How long a run waits before it says it is waiting.
pub const PATIENCE: Duration = Duration::from_secs(1);

/// Held while the run lasts; the lock is released when it is dropped (or
/// the process ends, however it ends).
#[derive(Debug)]
pub struct ProjectLock {
    /// `None` when a reader found the project read-only and took no lock.
    _file: Option<File>,
    /// Temporary files of killed runs removed when the lock was taken.
    pub removed: Vec<PathBuf>,
}

/// Takes the project's lock for `access`. When another run holds it,
/// waits (calling `waiting` once, after [`PATIENCE`]), or with `no_wait`
/// fails at once. A reader takes no lock where no writer ever made one,
/// nor where the lock file cannot be opened (a read-only checkout). A writer then removes
/// the temporary files that killed runs left in the folders bitext writes.
pub fn lock(
    config: &Config,
    access: Access,
    no_wait: bool,
    waiting: &mut dyn FnMut(),
) -> Result<ProjectLock> {
    let dir = config.root.join(STATE_DIR);
    let path = dir.join("lock");
    // A reader never makes the state folder: a project no writer has run
    // on has nothing to be written while it reads.
    if access == Access::Shared && !path.is_file() {
        return Ok(ProjectLock {
            _file: None,
            removed: Vec::new(),
        });
    }
    let file = match open(&dir, &path) {
        Ok(file) => file,
        Err(_) if access == Access::Shared => {
            return Ok(ProjectLock {
                _file: None,
                removed: Vec::new(),
            });
        }
        Err(source) => return Err(Error::Write { path, source }),
    };
    let started = Instant::now();
    let mut told = false;
    loop {
        let tried = match access {
            Access::Shared => file.try_lock_shared(),
            Access::Exclusive => file.try_lock(),
        };
        match tried {
            Ok(()) => break,
            Err(TryLockError::WouldBlock) => {
                if no_wait {
                    return Err(Error::Locked { path });
                }
                if !told && started.elapsed() >= PATIENCE {
                    waiting();
                    told = true;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(TryLockError::Error(source)) => return Err(Error::Write { path, source }),
        }
    }
    let removed = match access {
        Access::Exclusive => {
            ignore_in_git(config);
            remove_debris(config)
        }
        Access::Shared => Vec::new(),
    };
    Ok(ProjectLock {
        _file: Some(file),
        removed,
    })
}

/// Opens (creating) the lock file, and the state folder with a
/// `.gitignore` that keeps it out of commits.
fn open(dir: &Path, path: &Path) -> std::io::Result<File> {
    if !dir.is_dir() {
        std::fs::create_dir_all(dir)?;
        std::fs::write(
            dir.join(".gitignore"),
            "# bitext's own state: the lock and caches\n*\n",
        )?;
    }
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .read(true)
        .open(path)
}

/// Where bitext writes: the translation and catalog folders, the state
/// folder and the check cache's, as real folders of the project.
fn written_folders(config: &Config) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = [&config.translation, &config.catalog]
        .iter()
        .map(|p| config.root.join(p.base_dir()))
        .collect();
    dirs.push(config.root.join(STATE_DIR));
    dirs.push(config.root.join(&config.cache.dir));
    dirs.sort();
    dirs.dedup();
    // A folder inside another is walked with it.
    let mut out: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        if !out.iter().any(|d| dir.starts_with(d)) {
            out.push(dir);
        }
    }
    out
}

/// Removes bitext's temporary files (`.NAME.bitext-PID.tmp`) below the
/// folders it writes: with the exclusive lock held, no other run is
/// writing them, so every one is left by a run that was killed.
fn remove_debris(config: &Config) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    for dir in written_folders(config) {
        let entries = walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_entry(|e| !(e.file_type().is_dir() && e.file_name() == ".git"));
        for entry in entries.flatten() {
            if entry.file_type().is_file()
                && crate::files::is_temporary(entry.file_name())
                && std::fs::remove_file(entry.path()).is_ok()
            {
                removed.push(entry.path().to_path_buf());
            }
        }
    }
    removed
}

/// In a git checkout, lists bitext's temporary files in the repository's
/// own exclude file (`.git/info/exclude`, never committed), so that a
/// file left by a killed run is never added by `git add -A`.
fn ignore_in_git(config: &Config) {
    const PATTERN: &str = ".*.bitext-*.tmp";
    let info = config.root.join(".git/info");
    if !config.root.join(".git").is_dir() {
        return;
    }
    let exclude = info.join("exclude");
    let text = std::fs::read_to_string(&exclude).unwrap_or_default();
    if text.lines().any(|l| l.trim() == PATTERN) {
        return;
    }
    let mut new = text;
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    new.push_str("# bitext's temporary files, left only by a killed run\n");
    new.push_str(PATTERN);
    new.push('\n');
    let _ = std::fs::create_dir_all(&info);
    let _ = crate::write_atomic(&exclude, new.as_bytes());
}
