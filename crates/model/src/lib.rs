//! The words every bitext crate shares: segments, skeletons, documents,
//! diagnostics, segment ids and locale codes.
//!
//! Inputs: none; this crate only defines values. Outputs: plain data types
//! that the other crates produce and consume. It ignores on purpose how
//! Markdown is parsed, how catalogs are stored and how anything is printed.

mod document;
pub mod hash;
mod id;
mod locale;
pub mod text;

pub use document::{Container, Diagnostic, Document, Segment, SegmentKind, Skeleton, Slot, Spans};
pub use id::{SegmentId, slug};
pub use locale::Locale;

#[cfg(test)]
mod tests;
