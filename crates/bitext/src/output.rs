//! Terminal styling: colour only when stdout is a terminal and `NO_COLOR` is unset.

use std::path::Path;

/// The version of every `--format json` output's shape (its `"version"`
/// key; the schemas are in `docs/schema/`): raised when a key changes
/// meaning or goes away, not when one is added.
pub const JSON_VERSION: u32 = 1;

/// How to style human output.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub colour: bool,
    /// `-q`: findings and results only, no notes or summaries.
    pub quiet: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    pub fn error(self, text: &str) -> String {
        self.paint("1;31", text)
    }

    pub fn warning(self, text: &str) -> String {
        self.paint("1;33", text)
    }

    pub fn good(self, text: &str) -> String {
        self.paint("32", text)
    }

    pub fn bad(self, text: &str) -> String {
        self.paint("31", text)
    }

    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
}

/// A path as the user should see it: relative to `base` when inside it, `/`-separated.
pub fn shown(path: &Path, base: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    let text = rel.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_owned).unwrap_or(text)
}

/// [`shown`] for paths that come in runs (the findings of one file): the
/// last path and how it shows are kept (at first the empty path, which
/// shows as nothing).
pub struct LastShown<'b> {
    base: &'b Path,
    last: (std::path::PathBuf, String),
}

impl<'b> LastShown<'b> {
    pub fn new(base: &'b Path) -> LastShown<'b> {
        LastShown {
            base,
            last: Default::default(),
        }
    }

    pub fn get(&mut self, path: &Path) -> &str {
        if self.last.0 != path {
            self.last = (path.to_owned(), shown(path, self.base));
        }
        &self.last.1
    }
}

/// A count and a noun: `1 page`, `3 pages`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The first ten digits of a commit id, as bitext shows commits.
pub fn short_commit(commit: &str) -> &str {
    &commit[..commit.len().min(10)]
}

/// What a run wrote, for its summary: catalogs, and the state files kept
/// beside them (`.bitext/state/…`) when any.
pub fn written(paths: &[std::path::PathBuf]) -> String {
    let state = paths
        .iter()
        .filter(|p| p.components().any(|c| c.as_os_str() == ".bitext"))
        .count();
    let catalogs = plural(paths.len() - state, "catalog");
    match state {
        0 => catalogs,
        n => format!("{catalogs} and {}", plural(n, "state file")),
    }
}

/// Where `-v`'s cache line says the answers came from: the cache folder,
/// or the `which` cache (off) with `--no-cache` or `[cache] enabled = false`.
pub fn cache_from(config: &project::Config, no_cache: bool, which: &str) -> String {
    match no_cache || !config.cache.enabled {
        true => format!("the {which} cache (off)"),
        false => config.cache.dir.display().to_string(),
    }
}
