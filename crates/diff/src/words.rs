//! Word-level changes between an old and a new text, for translators and
//! maintainers to see what an edit did.

use similar::{ChangeTag, TextDiff};

/// Whether a piece of text was kept, removed or added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Equal,
    Delete,
    Insert,
}

impl ChangeKind {
    /// `equal`, `delete` or `insert`.
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Equal => "equal",
            ChangeKind::Delete => "delete",
            ChangeKind::Insert => "insert",
        }
    }
}

/// A run of words (with the blanks between them) of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub text: String,
}

/// The word-level changes that turn `old` into `new`; neighbouring pieces
/// of the same kind are merged.
pub fn word_diff(old: &str, new: &str) -> Vec<Change> {
    let diff = TextDiff::from_words(old, new);
    let mut changes: Vec<Change> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => ChangeKind::Equal,
            ChangeTag::Delete => ChangeKind::Delete,
            ChangeTag::Insert => ChangeKind::Insert,
        };
        match changes.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => changes.push(Change {
                kind,
                text: change.value().to_owned(),
            }),
        }
    }
    changes
}

/// The changes as one line of text: `[-removed-]` and `{+added+}`, as
/// `git diff --word-diff` writes them.
pub fn render_inline(changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        match change.kind {
            ChangeKind::Equal => out.push_str(&change.text),
            ChangeKind::Delete => {
                out.push_str("[-");
                out.push_str(&change.text);
                out.push_str("-]");
            }
            ChangeKind::Insert => {
                out.push_str("{+");
                out.push_str(&change.text);
                out.push_str("+}");
            }
        }
    }
    out
}
