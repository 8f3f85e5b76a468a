//! Why a catalog could not be read.

/// A problem in a `.ftl` file, with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct Error {
    pub line: usize,
    pub message: String,
}

pub type Result<T, E = Vec<Error>> = std::result::Result<T, E>;
