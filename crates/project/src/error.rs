//! Why a project operation failed.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: binary file (NUL byte at offset {offset})")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: {message}")]
    ConfigSyntax { path: PathBuf, message: String },
    #[error("{root} is not in a git repository: `bitext diff` reads the source's history from git")]
    NoRepository { root: PathBuf },
    #[error(
        "no revision `{rev}` in this repository ({message}); in a shallow clone (CI checkouts often are), fetch the history: `fetch-depth: 0`"
    )]
    Revision { rev: String, message: String },
    #[error(
        "{path}: not a bitext state file: {message} (after a merge conflict, keep either side; `bitext sync` rewrites it)"
    )]
    State { path: PathBuf, message: String },
    #[error(
        "{path}: a file for locale `{declared}`, not `{locale}`; nothing was imported (import it with --locale {declared})"
    )]
    WrongLocale {
        path: PathBuf,
        declared: String,
        locale: String,
    },
    #[error("{path}: {message}")]
    Charset { path: PathBuf, message: String },
    #[error(
        "no translations found at `{pattern}`: set `locales` in bitext.toml, or `[paths] translation` to where the translated pages are"
    )]
    NoLocales { pattern: String },
    #[error("--page `{glob}`: {message}")]
    PageGlob { glob: String, message: String },
    #[error("no check is named `{name}`; the checks are: {known}")]
    UnknownCheck { name: String, known: String },
    #[error("{path}: not a saved `bitext check --format json` run: {message}")]
    Baseline { path: PathBuf, message: String },
    #[error("{path}: `{key}` {message}")]
    ConfigKey {
        path: PathBuf,
        key: String,
        message: String,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", located(path, errors.iter().map(|e| (e.line, e.message.as_str()))))]
    Catalog {
        path: PathBuf,
        errors: Vec<catalog::Error>,
    },
    #[error("{}", located(path, errors.iter().map(|e| (e.line, e.message.as_str()))))]
    TranslatorFile {
        path: PathBuf,
        errors: Vec<exchange::Error>,
    },
    #[error("{path}: unknown file type (bitext imports .ftl, .po and .xliff/.xlf files)")]
    UnknownFormat { path: PathBuf },
    #[error(
        "`{locale}` is the source locale: its catalogs are written by `bitext sync`, not imported"
    )]
    ImportIntoSource { locale: String },
    #[error(transparent)]
    History(#[from] history::Error),
    /// A command asked for what the project cannot do as configured.
    #[error("{message}")]
    Usage { message: String },
    #[error("unknown locale `{locale}` (this project has: {known})")]
    UnknownLocale { locale: String, known: String },
    #[error("{path}: {message}")]
    Manifest { path: PathBuf, message: String },
    #[error("{path}: not a Hunspell dictionary bitext can read: {message}")]
    Dictionary { path: PathBuf, message: String },
    #[error(
        "no source page matches `{pattern}` under {root} (set `[paths] source` in bitext.toml)"
    )]
    NoPages { pattern: String, root: PathBuf },
    #[error(
        "{link} is a link to {target}, outside the project: bitext reads and writes only inside {root} (remove the link, or point `[paths]` at the real folder)"
    )]
    LinkOutside {
        link: PathBuf,
        target: PathBuf,
        root: PathBuf,
    },
    #[error(
        "another bitext run holds the project's lock ({path}); run again when it is done, or without --no-wait to wait for it"
    )]
    Locked { path: PathBuf },
    #[error("cannot list {path}: {source}")]
    List {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// One line per problem, each naming the file and line.
fn located<'a>(path: &std::path::Path, problems: impl Iterator<Item = (usize, &'a str)>) -> String {
    let lines: Vec<String> = problems
        .map(|(line, message)| format!("{}:{line}: {message}", path.display()))
        .collect();
    lines.join("\n")
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
