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
    #[error("{}", catalog_errors(path, errors))]
    Catalog {
        path: PathBuf,
        errors: Vec<catalog::Error>,
    },
    #[error("unknown locale `{locale}` (this project has: {known})")]
    UnknownLocale { locale: String, known: String },
    #[error("{path}: {message}")]
    Manifest { path: PathBuf, message: String },
    #[error("cannot list {path}: {source}")]
    List {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// One line per problem, each naming the file and line.
fn catalog_errors(path: &std::path::Path, errors: &[catalog::Error]) -> String {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| format!("{}:{}: {}", path.display(), e.line, e.message))
        .collect();
    lines.join("\n")
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
