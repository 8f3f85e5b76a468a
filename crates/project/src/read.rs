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
        Ok(text) => match memchr::memchr(0, text.as_bytes()) {
            Some(offset) => Err(binary(offset)),
            None => Ok(text),
        },
        Err(e) => match memchr::memchr(0, e.as_bytes()) {
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

/// The lines of files read on demand, for showing the lines findings
/// point at (a finding keeps only line numbers: a large site has millions
/// of findings). The last few files read are kept.
#[derive(Debug, Default)]
pub struct LineReader {
    /// Most recent last: a file, its text (none if unreadable) and where
    /// each line starts.
    files: Vec<(std::path::PathBuf, String, Vec<usize>)>,
}

impl LineReader {
    const KEPT: usize = 4;

    /// Line `n` (1-based) of the file at `path` as it is now, without its
    /// line ending; empty when the file or the line is not there.
    pub fn line(&mut self, path: &Path, n: usize) -> &str {
        let at = match self.files.iter().position(|(p, _, _)| p == path) {
            Some(at) => at,
            None => {
                if self.files.len() == Self::KEPT {
                    self.files.remove(0);
                }
                let text = read_text(path).unwrap_or_default();
                let mut starts = vec![0];
                starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
                self.files.push((path.to_path_buf(), text, starts));
                self.files.len() - 1
            }
        };
        let (_, text, starts) = &self.files[at];
        let Some(&start) = n.checked_sub(1).and_then(|k| starts.get(k)) else {
            return "";
        };
        let end = starts.get(n).map_or(text.len(), |&next| next - 1);
        text[start..end].trim_end_matches('\r')
    }
}
