//! Why an assembly cannot be done.

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the skeleton has {expected} slots but {found} texts were given")]
    TextCount { expected: usize, found: usize },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
