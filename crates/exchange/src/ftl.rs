//! Pending messages as one Fluent file, and translations read back from one.

use std::collections::HashMap;

use catalog::{Catalog, Fingerprint, Message};

use crate::{Error, Pending, PendingState, Submitted, one_line};

/// The note that names a message's page in a pending Fluent file.
const PAGE_NOTE: &str = "page: ";

/// The pending messages as one Fluent file: a missing message's value is its
/// source text, a stale one's is the current translation; the page, the
/// source, the heading and the previous source are comments. The source
/// fingerprint is recorded so that an import knows what was translated.
pub fn pending_ftl(pending: &[Pending]) -> String {
    let messages = pending
        .iter()
        .map(|p| {
            let mut notes = vec![format!("{PAGE_NOTE}{}", p.page)];
            if let Some(heading) = &p.heading {
                notes.push(format!("heading: {}", one_line(heading)));
            }
            notes.push("source:".to_owned());
            notes.extend(p.source.split('\n').map(|l| format!("> {l}")));
            Message {
                id: p.id.clone(),
                text: p.translation.clone().unwrap_or_else(|| p.source.clone()),
                source: Some(Fingerprint::of(&p.source)),
                stale: p.state == PendingState::Stale,
                previous: p.previous.clone(),
                notes,
            }
        })
        .collect();
    catalog::write(&Catalog {
        messages,
        ..Catalog::default()
    })
}

/// The messages of a Fluent file (a pending file or a whole catalog). The
/// page comes from a `page:` note, else from the catalog's page. A value
/// still equal to the source it was exported from is untranslated.
/// Obsolete messages are not read.
pub fn read_ftl(text: &str) -> Result<Vec<Submitted>, Vec<Error>> {
    let catalog = catalog::parse(text).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| Error {
                line: e.line,
                message: e.message,
            })
            .collect::<Vec<_>>()
    })?;
    let lines = message_lines(text);
    Ok(catalog
        .messages
        .iter()
        .map(|m| {
            let page = m
                .notes
                .iter()
                .find_map(|n| n.strip_prefix(PAGE_NOTE))
                .map(|p| p.trim().to_owned())
                .or_else(|| catalog.page.clone());
            let untranslated = m.source.is_some_and(|fp| fp.matches(&m.text));
            Submitted {
                line: lines.get(m.id.as_str()).copied().unwrap_or(1),
                page,
                id: m.id.clone(),
                source_text: None,
                source: m.source,
                translation: (!untranslated).then(|| m.text.clone()),
                needs_review: false,
            }
        })
        .collect())
}

/// The line of each `id =` that starts a line.
fn message_lines(text: &str) -> HashMap<&str, usize> {
    text.split('\n')
        .enumerate()
        .filter(|(_, line)| line.as_bytes().first().is_some_and(u8::is_ascii_alphabetic))
        .filter_map(|(i, line)| Some((line.split_once('=')?.0.trim_end(), i + 1)))
        .collect()
}
