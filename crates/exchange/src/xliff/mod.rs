//! Messages as XLIFF 2.0 or 1.2, and translations read back from either.
//!
//! One `<file>` per page (`original` is the page path), one unit per message
//! (`id` is the message id). The heading, the previous source and the word
//! diff are notes. Inline codes (code spans, HTML tags, template calls) are
//! placeholders: in 2.0 a `<ph>` whose `dataRef` names the code in the
//! unit's `<originalData>`, in 1.2 a `<ph>` holding the code itself; either
//! reads back as the code, so the text comes back exactly. The project is
//! a file note in 2.0 (`category="project"`), `product-name` in 1.2.
//!
//! How a message's state is written:
//!
//! | state   | 2.0 segment                                | 1.2 target                               |
//! |---------|--------------------------------------------|------------------------------------------|
//! | missing | `state="initial" subState="bitext:missing"`, no target | no target                      |
//! | stale   | `state="initial" subState="bitext:stale"`, the translation | `state="needs-review-translation"` |
//! | current | `state="translated"`, the translation      | `state="translated"`                     |

mod read;
mod write;

pub use read::read_xliff;
pub use write::{XliffVersion, xliff};

const NAMESPACE_2: &str = "urn:oasis:names:tc:xliff:document:2.0";
const NAMESPACE_1_2: &str = "urn:oasis:names:tc:xliff:document:1.2";
/// bitext's own attributes in XLIFF 2.0 (`bitext:translation` on a unit:
/// the fingerprint of the translation as exported).
const NAMESPACE_BITEXT: &str = "urn:bitext:xliff";
/// The same in XLIFF 1.2, where a unit's `extradata` holds it.
const EXTRADATA: &str = "bitext-translation:";

#[cfg(test)]
mod tests;
