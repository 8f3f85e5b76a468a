//! Reassembly: writes segment texts back into a skeleton.
//!
//! Inputs: a [`model::Skeleton`] and one text per slot (a translation, or the
//! source text itself). Output: the document. Multi-line text is re-indented
//! to its container: the line breaks the source had are written as they were
//! (with the same indentation), further ones with the slot's continuation.
//! This crate knows nothing of Markdown or catalogs; it only splices.

mod error;

pub use error::{Error, Result};

use model::Skeleton;

/// Rebuilds a document from its skeleton and one text per slot, in slot order.
///
/// `assemble(&doc.skeleton, &doc.texts())` returns the segmented source byte for byte.
pub fn assemble<S: AsRef<str>>(skeleton: &Skeleton, texts: &[S]) -> Result<String> {
    if texts.len() != skeleton.slots.len() {
        return Err(Error::TextCount {
            expected: skeleton.slots.len(),
            found: texts.len(),
        });
    }
    let extra: usize = texts.iter().map(|t| t.as_ref().len()).sum();
    let mut out = String::with_capacity(skeleton.text.len() + extra + extra / 8);
    let mut copied = 0;
    for (slot, text) in skeleton.slots.iter().zip(texts) {
        out.push_str(&skeleton.text[copied..slot.at]);
        copied = slot.at;
        for (i, line) in text.as_ref().split('\n').enumerate() {
            if i > 0 {
                let separator = slot
                    .separators
                    .get(i - 1)
                    .map_or(&*slot.continuation, String::as_str);
                out.push_str(separator);
            }
            out.push_str(line);
        }
    }
    out.push_str(&skeleton.text[copied..]);
    Ok(out)
}

#[cfg(test)]
mod tests;
