//! Messages as JSON, and translations read back from it.
//!
//! One object: `format` (`bitext-messages`), `version` (1), `locale` (absent
//! in a template), `project`, and `messages`, each with its page, id, status
//! (`missing`, `stale`, `current`), kind (`paragraph`…), source, heading, and when known the
//! previous source, the word diff and the translation. A translator fills
//! in or edits `translation`; everything else is read only to know what was
//! translated (the source) and where it goes (page and id).

use serde::{Deserialize, Serialize};

use catalog::Fingerprint;

use crate::{Error, FileHeader, Pending, Submitted};

const FORMAT: &str = "bitext-messages";
const VERSION: u32 = 1;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    locale: Option<&'a str>,
    project: &'a str,
    messages: Vec<MessageOut<'a>>,
}

#[derive(Serialize)]
struct MessageOut<'a> {
    page: &'a str,
    id: &'a str,
    status: &'static str,
    kind: &'static str,
    source: &'a str,
    heading: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<Vec<ChangeOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    translation: Option<&'a str>,
    /// The fingerprint of `translation` as exported, for the import.
    #[serde(skip_serializing_if = "Option::is_none")]
    exported: Option<String>,
}

#[derive(Serialize)]
struct ChangeOut<'a> {
    kind: &'static str,
    text: &'a str,
}

/// `messages` as a JSON file with `header`'s locale and project (no
/// locale and no translations: a template).
pub fn messages_json(messages: &[Pending], header: FileHeader<'_>) -> String {
    let (locale, project) = (header.target, header.project);
    let file = FileOut {
        format: FORMAT,
        version: VERSION,
        locale,
        project,
        messages: messages
            .iter()
            .map(|p| MessageOut {
                page: &p.page,
                id: &p.id,
                status: p.state.name(),
                kind: p.kind,
                source: &p.source,
                heading: p.heading.as_deref(),
                previous: p.previous.as_deref(),
                diff: p.diff.as_ref().map(|changes| {
                    changes
                        .iter()
                        .map(|c| ChangeOut {
                            kind: c.kind.name(),
                            text: &c.text,
                        })
                        .collect()
                }),
                translation: p.translation.as_deref().filter(|_| locale.is_some()),
                exported: p
                    .translation
                    .as_deref()
                    .filter(|_| locale.is_some())
                    .map(|t| Fingerprint::of(t).to_string()),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("plain data");
    text.push('\n');
    text
}

#[derive(Deserialize)]
struct FileIn {
    format: Option<String>,
    version: Option<u32>,
    messages: Vec<MessageIn>,
}

#[derive(Deserialize)]
struct MessageIn {
    page: Option<String>,
    id: String,
    source: Option<String>,
    translation: Option<String>,
    exported: Option<String>,
}

/// The translations of a JSON file bitext wrote (and a translator edited).
/// A message's line is the line of its `"id"`.
pub fn read_json(text: &str) -> Result<Vec<Submitted>, Vec<Error>> {
    let file: FileIn = serde_json::from_str(text).map_err(|e| {
        vec![Error {
            line: e.line().max(1),
            message: format!("not a bitext JSON file: {e}"),
        }]
    })?;
    if let Some(format) = file.format.as_deref().filter(|f| *f != FORMAT) {
        return Err(vec![Error {
            line: 1,
            message: format!("format `{format}`: bitext reads `{FORMAT}`"),
        }]);
    }
    if let Some(version) = file.version.filter(|v| *v > VERSION) {
        return Err(vec![Error {
            line: 1,
            message: format!("version {version}: this bitext reads version {VERSION}"),
        }]);
    }
    let mut lines = id_lines(text);
    Ok(file
        .messages
        .into_iter()
        .map(|m| Submitted {
            reference: None,
            exported: m.exported.as_deref().and_then(Fingerprint::parse),
            line: lines.next().unwrap_or(1),
            page: m.page,
            id: m.id,
            source: m.source.as_deref().map(Fingerprint::of),
            source_text: m.source,
            translation: m.translation.filter(|t| !t.is_empty()),
            needs_review: false,
        })
        .collect())
}

/// The lines of the `"id":` keys of `text`, in order: the messages' lines,
/// since each message has one and a quote inside a string is escaped.
fn id_lines(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut line = 1;
    let mut counted = 0;
    text.match_indices("\"id\"").filter_map(move |(at, key)| {
        let after = text[at + key.len()..].trim_start();
        if !after.starts_with(':') {
            return None;
        }
        line += text.as_bytes()[counted..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted = at;
        Some(line)
    })
}

/// The locale a JSON file names.
pub(crate) fn declared_locale(text: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Head {
        locale: Option<String>,
    }
    serde_json::from_str::<Head>(text).ok()?.locale
}
