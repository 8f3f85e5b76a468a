//! Reading documents: UTF-8 text or a clear error, never a panic.

use std::path::Path;

use model::{Diagnostic, Document};

use crate::{Error, Result};

/// Reads a text file, refusing binary files (a NUL byte) and invalid UTF-8
/// with the byte offset of the first bad byte.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let binary = |offset| Error::Binary {
        path: path.to_path_buf(),
        offset,
    };
    match String::from_utf8(bytes) {
        // `find` looks for the NUL byte with memchr.
        Ok(text) => match text.find('\0') {
            Some(offset) => Err(binary(offset)),
            None => Ok(text),
        },
        Err(e) => match e.as_bytes().iter().position(|&b| b == 0) {
            Some(offset) => Err(binary(offset)),
            None => Err(Error::InvalidUtf8 {
                path: path.to_path_buf(),
                offset: e.utf8_error().valid_up_to(),
            }),
        },
    }
}

/// Reads and segments a Markdown file.
pub fn segment_file(
    path: &Path,
    options: &markdown::Options,
) -> Result<(String, Document, Vec<Diagnostic>)> {
    let text = read_text(path)?;
    let (doc, diags) = markdown::segment_with(&text, options);
    Ok((text, doc, diags))
}
