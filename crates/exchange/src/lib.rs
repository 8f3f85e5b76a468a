//! Translator files: the pending messages of a locale written as Fluent,
//! gettext PO or XLIFF 2.0, and the translations read back from those files.
//! The only user of quick-xml.
//!
//! Inputs: [`Pending`] messages (what `bitext pending` found), or the text of
//! a translator's file. Outputs: the text of a file ([`pending_ftl`],
//! [`pending_po`], [`pending_xliff`]), or the [`Submitted`] translations in it
//! ([`read`]). Every format carries the same data: page, id, source text (or
//! its fingerprint), nearest heading, and for stale messages the previous
//! source and the current translation. It ignores on purpose where files
//! live, which ids exist and what a catalog holds now: deciding what an
//! import changes is the caller's job.

use std::sync::Arc;

mod ftl;
mod inline;
mod json;
mod po;
mod xliff;

pub use ftl::{pending_ftl, read_ftl};
pub use json::{messages_json, read_json};
pub use po::{pending_po, po_entries, po_header, read_po};
pub use xliff::{XliffVersion, read_xliff, xliff};

use catalog::Fingerprint;

/// What a translator's file says about itself: the languages (no target in
/// a template) and the project, so that an import can tell a file for
/// another locale and people can tell where a file comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileHeader<'a> {
    pub source: &'a str,
    pub target: Option<&'a str>,
    pub project: &'a str,
}

/// Where a message's translation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageState {
    /// No translation yet.
    Missing,
    /// Translated, but the source changed since.
    Stale,
    /// Translated from the current source: only a full export
    /// (`bitext export`) holds such messages, never a pending list.
    Current,
}

impl MessageState {
    pub fn name(self) -> &'static str {
        match self {
            MessageState::Missing => "missing",
            MessageState::Stale => "stale",
            MessageState::Current => "current",
        }
    }
}

/// A message of a translator's file: one a translator has to work on
/// (pending), or any message of the locale (a full export).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The page, shared by its messages.
    pub page: Arc<str>,
    /// The source file (relative to the project), shared by the page's
    /// messages, and the segment's line in it: a PO reference (`#: a.md:12`).
    pub file: Arc<str>,
    pub line: usize,
    pub id: String,
    pub state: MessageState,
    /// The current source text.
    pub source: String,
    /// What the segment is: its kind's name (`paragraph`, `list-item`,
    /// `table-cell`…).
    pub kind: &'static str,
    /// The nearest heading before the segment, if any (shared by the
    /// messages under it).
    pub heading: Option<Arc<str>>,
    /// For a stale message: the source the translation was made from (when
    /// known), the word diff from it to the current source, and the translation.
    pub previous: Option<String>,
    pub diff: Option<Vec<diff::Change>>,
    pub translation: Option<String>,
}

/// One translation found in a translator's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    /// The 1-based line where the entry starts.
    pub line: usize,
    /// The source page, when the file says (PO msgctxt, XLIFF `original`,
    /// a `page:` note or the catalog's page in Fluent).
    pub page: Option<String>,
    /// The message id; empty when the file does not say (a PO entry whose
    /// msgctxt a tool dropped), and then `reference` and `source_text` tell.
    pub id: String,
    /// A PO entry's first reference (`#: path:line`): the source file and line.
    pub reference: Option<(String, usize)>,
    /// The source text the translation was made from, when the file holds it.
    pub source_text: Option<String>,
    /// The fingerprint of that source text (recorded, or computed from it).
    pub source: Option<Fingerprint>,
    /// The translation; `None` when the entry is still untranslated (empty
    /// `msgstr`, no `<target>`, a Fluent value left equal to its source).
    pub translation: Option<String>,
    /// The fingerprint of the translation the file was exported with, when
    /// it says: an import tells a translator's revision of an up-to-date
    /// translation (the catalog still holds the exported one) from a
    /// conflict (the catalog changed since the export).
    pub exported: Option<Fingerprint>,
    /// The translator marked the entry as needing review (PO `fuzzy`,
    /// XLIFF `state="initial"`): gettext tools do not use such entries.
    pub needs_review: bool,
}

/// A translator's file format, known by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Ftl,
    Po,
    Xliff,
    Json,
}

impl Format {
    /// The format of a file named `name`: `.ftl`, `.po`/`.pot`,
    /// `.xliff`/`.xlf`, `.json`.
    pub fn from_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "ftl" => Some(Format::Ftl),
            "po" | "pot" => Some(Format::Po),
            "xliff" | "xlf" => Some(Format::Xliff),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// A problem in a translator's file, with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub line: usize,
    pub message: String,
}

/// The translations in `text`, a file in `format`; every problem is reported.
pub fn read(format: Format, text: &str) -> Result<Vec<Submitted>, Vec<Error>> {
    match format {
        Format::Ftl => read_ftl(text),
        Format::Po => read_po(text),
        Format::Xliff => read_xliff(text),
        Format::Json => read_json(text),
    }
}

/// The locale a translator's file says it is in, when it says: the Fluent
/// header bitext writes (`### bitext: locale it`), a PO header's
/// `Language:`, XLIFF 2.0 `trgLang`, XLIFF 1.2 `target-language` or the
/// JSON `locale`.
pub fn declared_locale(format: Format, text: &str) -> Option<String> {
    let value = match format {
        Format::Json => return json::declared_locale(text).filter(|v| !v.is_empty()),
        Format::Ftl => text
            .lines()
            .take_while(|l| l.is_empty() || l.starts_with('#'))
            .find_map(|l| l.strip_prefix(ftl::LOCALE_HEADER))
            .map(str::trim),
        Format::Po => text
            .lines()
            .take_while(|l| !l.starts_with("msgctxt") && !l.starts_with("#:"))
            .find_map(|l| l.trim().strip_prefix("\"Language:"))
            .map(|v| v.trim_end_matches('"').trim_end_matches("\\n").trim()),
        Format::Xliff => {
            // The root element and the first `<file>` tag (XLIFF 1.2 puts
            // the languages on each file).
            let end = text
                .find("<file")
                .and_then(|at| text[at..].find('>').map(|e| at + e))
                .unwrap_or(text.len());
            let head = &text[..end];
            ["trgLang=", "target-language="].iter().find_map(|key| {
                let at = head.find(key)? + key.len();
                let quote = head[at..].chars().next()?;
                let rest = &head[at + 1..];
                rest.find(quote).map(|end| &rest[..end])
            })
        }
    };
    value.filter(|v| !v.is_empty()).map(str::to_owned)
}

/// Whether two locale codes name the same locale (`pt_BR`, `pt-br`).
pub fn same_locale(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.trim().replace('_', "-").to_ascii_lowercase();
    norm(a) == norm(b)
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Appends `text` with its line breaks made spaces.
fn push_one_line(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = memchr::memchr(b'\n', rest.as_bytes()) {
        out.push_str(&rest[..at]);
        out.push(' ');
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests;
