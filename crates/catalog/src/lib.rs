//! Fluent catalogs: one locale's messages for one page, with the metadata
//! bitext keeps in Fluent comments (which Pontoon shows as context). The only
//! user of fluent-syntax.
//!
//! Inputs: the text of a `.ftl` file, or a [`Catalog`] value. Outputs: a
//! [`Catalog`] ([`parse`]) or the text of a `.ftl` file ([`write`]), and the
//! pure steps of `bitext sync` ([`sync_source`], [`sync_target`]). Writing is
//! deterministic and escapes what Fluent needs so that every message formats
//! to exactly its segment text. It ignores on purpose where files live, how
//! segments are matched between versions (the caller passes the matching)
//! and Markdown.
//!
//! Metadata, all in comments:
//!
//! ```ftl
//! ### bitext: page guide/install
//! ### bitext: retired intro-paragraph-3
//!
//! # bitext: source 5f1d3a2c9b7e4410
//! # bitext: stale, previous source:
//! # | The old source text
//! intro-paragraph-1 = Il testo tradotto
//!
//! ## bitext: obsolete
//!
//! removed-paragraph-1 = Un testo che non ha più una sorgente
//! ```

mod error;
mod escape;
mod fingerprint;
mod plain;
mod read;
mod sync;
mod terms;
mod ui;
mod write;

pub use error::{Error, Result};
pub use fingerprint::Fingerprint;
pub use read::parse;
pub use sync::{SourceIds, SourceSync, TargetSync, source_ids, sync_source, sync_target};
pub use terms::{Term, parse_terms};
pub use ui::{UiEntry, UiProblem, compare_ui, parse_ui, plural_categories};
pub use write::write;

/// The messages of one locale for one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// The source page path (`guide/install`), recorded in source catalogs.
    pub page: Option<String>,
    /// The source revision the catalog was synced with (a git commit).
    pub revision: Option<String>,
    /// Ids that were used once and must never be given to another segment.
    pub retired: Vec<String>,
    /// Messages in source order.
    pub messages: Vec<Message>,
    /// Translations whose source segment was removed, kept until pruned.
    pub obsolete: Vec<Message>,
}

impl Catalog {
    /// The message with this id, among the current (not obsolete) ones.
    pub fn get(&self, id: &str) -> Option<&Message> {
        self.messages.iter().find(|m| m.id == id)
    }
}

/// One message: an id, its text and what bitext knows about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    pub id: String,
    /// The text exactly as the segment holds it (escaping is the writer's job).
    pub text: String,
    /// The fingerprint of the source text this translation was made from.
    pub source: Option<Fingerprint>,
    /// The source changed since the translation was made.
    pub stale: bool,
    /// For a stale message, the source text the translation was made from.
    pub previous: Option<String>,
    /// Comment lines that are not bitext's (translators' notes), kept as they are.
    pub notes: Vec<String>,
}

impl Message {
    /// The fingerprint of the source text this translation was made from:
    /// the recorded one, or else that of the text the source catalog had
    /// (`old_source`), or else that of the current source text.
    pub fn made_from(&self, old_source: Option<&str>, current: &str) -> Fingerprint {
        self.source
            .unwrap_or_else(|| Fingerprint::of(old_source.unwrap_or(current)))
    }

    /// Whether this translation is up to date with the `current` source text.
    pub fn is_current(&self, old_source: Option<&str>, current: &str) -> bool {
        self.made_from(old_source, current).matches(current)
    }

    /// The source text this translation was made from, when known: the one
    /// recorded with it, or else `old_source` if its fingerprint matches.
    pub fn previous_source<'a>(
        &'a self,
        old_source: Option<&'a str>,
        current: &str,
    ) -> Option<&'a str> {
        let made_from = self.made_from(old_source, current);
        self.previous
            .as_deref()
            .or_else(|| old_source.filter(|t| made_from.matches(t)))
    }
}

#[cfg(test)]
mod tests;
