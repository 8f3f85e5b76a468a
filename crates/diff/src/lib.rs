//! Old source against new source, in the same language: which segment of a
//! new version continues which segment of an old one, and what changed in
//! its words.
//!
//! Inputs: two ordered lists of segment texts (with their kinds). Outputs: a
//! matching that keeps order where it can ([`match_segments`]) and word-level
//! changes ([`word_diff`]); the lines a new version of a page added
//! ([`new_lines`]). It ignores on purpose where the texts come from
//! (files, catalogs, git) and translations (that is `align`).

mod lines;
mod matching;
mod words;

pub use lines::new_lines;
pub use matching::{Item, match_segments, similarity};
pub use words::{Change, ChangeKind, render_inline, word_diff};

#[cfg(test)]
mod tests;
