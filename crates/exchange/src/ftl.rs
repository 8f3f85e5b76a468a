//! Pending messages as one Fluent file, and translations read back from one.

use std::collections::{HashMap, HashSet};

use catalog::{Catalog, Fingerprint, Message};

use crate::{Error, FileHeader, MessageState, Pending, Submitted, push_one_line};

/// The note that names a message's page in a pending Fluent file.
const PAGE_NOTE: &str = "page: ";
/// The note with the fingerprint of the translation as exported.
const EXPORTED_NOTE: &str = "exported: ";
/// The note before the quoted source text.
const SOURCE_NOTE: &str = "source:";
/// The note that gives a message's id in its page's catalog, when the
/// Fluent id is not that id.
const ID_NOTE: &str = "id: ";

/// Messages as one Fluent file for `locale` (none: a template): a missing
/// message's value is its source text, a stale or current one's is the
/// translation; the page, the
/// source, the heading and the previous source are comments. The source
/// fingerprint is recorded so that an import knows what was translated.
///
/// Ids are unique within a page only, and a Fluent file may not repeat one:
/// when the messages come from several pages, each Fluent id is the page
/// and the id (`guide_install--intro-paragraph-1`) and an `id:` note keeps
/// the catalog's id for the import.
pub fn pending_ftl(pending: &[Pending], header: FileHeader<'_>) -> String {
    let several_pages = pending.windows(2).any(|w| w[0].page != w[1].page);
    let mut taken: HashSet<String> = HashSet::new();
    let messages = pending
        .iter()
        .map(|p| {
            let mut notes = vec![format!("{PAGE_NOTE}{}", p.page)];
            let id = if several_pages {
                notes.push(format!("{ID_NOTE}{}", p.id));
                unique_id(&format!("{}--{}", page_key(&p.page), p.id), &mut taken)
            } else {
                p.id.clone()
            };
            if let Some(heading) = &p.heading {
                let mut note = String::from("heading: ");
                push_one_line(&mut note, heading);
                notes.push(note);
            }
            if let Some(translation) = &p.translation {
                notes.push(format!("{EXPORTED_NOTE}{}", Fingerprint::of(translation)));
            }
            notes.push(SOURCE_NOTE.to_owned());
            notes.extend(p.source.split('\n').map(|l| format!("> {l}")));
            Message {
                id,
                text: p.translation.clone().unwrap_or_else(|| p.source.clone()),
                source: Some(Fingerprint::of(&p.source)),
                stale: p.state == MessageState::Stale,
                previous: p.previous.clone(),
                notes,
            }
        })
        .collect();
    let body = catalog::write(&Catalog {
        messages,
        ..Catalog::default()
    });
    // The locale first, as a resource comment of its own: an import for
    // another locale is refused. A template (no locale) has none.
    let project = format!("{PROJECT_HEADER}{}\n", header.project);
    match header.target {
        Some(locale) => format!("{LOCALE_HEADER}{locale}\n{project}\n{body}"),
        None => format!("{project}\n{body}"),
    }
}

/// The resource comment that names a pending Fluent file's locale.
pub(crate) const LOCALE_HEADER: &str = "### bitext: locale ";
/// The resource comment that names its project.
const PROJECT_HEADER: &str = "### bitext: project ";

/// A page path as the start of a Fluent identifier: ASCII letters, digits
/// and `-` kept, anything else `_`, and a letter first.
fn page_key(page: &str) -> String {
    let mut key: String = page
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !key.starts_with(|c: char| c.is_ascii_alphabetic()) {
        key.insert(0, 'p');
    }
    key
}

/// `id`, or `id-2`, `id-3`… if it is taken (two pages whose keys are the
/// same, such as `a/b` and `a_b`); the result is taken.
fn unique_id(id: &str, taken: &mut HashSet<String>) -> String {
    let mut candidate = id.to_owned();
    let mut n = 1;
    while !taken.insert(candidate.clone()) {
        n += 1;
        candidate = format!("{id}-{n}");
    }
    candidate
}

/// The messages of a Fluent file (a pending file or a whole catalog). The
/// page comes from a `page:` note, else from the catalog's page; the id from
/// an `id:` note, else the Fluent id; the source text from the `source:`
/// note when its fingerprint is the recorded one. A value still equal to
/// the source it was exported from is untranslated. Obsolete messages are not read.
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
            let id = m
                .notes
                .iter()
                .find_map(|n| n.strip_prefix(ID_NOTE))
                .map_or_else(|| m.id.clone(), |id| id.trim().to_owned());
            let untranslated = m.source.is_some_and(|fp| fp.matches(&m.text));
            Submitted {
                reference: None,
                exported: m
                    .notes
                    .iter()
                    .find_map(|n| n.strip_prefix(EXPORTED_NOTE))
                    .and_then(|f| Fingerprint::parse(f.trim())),
                line: lines.get(m.id.as_str()).copied().unwrap_or(1),
                page,
                id,
                source_text: source_note(&m.notes)
                    .filter(|text| m.source.is_some_and(|fp| fp.matches(text))),
                source: m.source,
                translation: (!untranslated).then(|| m.text.clone()),
                needs_review: false,
            }
        })
        .collect())
}

/// The source text a pending file's `source:` note quotes (`> ` before each
/// line), if the message has one.
fn source_note(notes: &[String]) -> Option<String> {
    let at = notes
        .iter()
        .position(|n| n.trim_end() == SOURCE_NOTE.trim_end())?;
    let lines: Vec<&str> = notes[at + 1..]
        .iter()
        .map_while(|n| n.strip_prefix("> ").or_else(|| (n == ">").then_some("")))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The line of each `id =` that starts a line.
fn message_lines(text: &str) -> HashMap<&str, usize> {
    text.split('\n')
        .enumerate()
        .filter(|(_, line)| line.as_bytes().first().is_some_and(u8::is_ascii_alphabetic))
        .filter_map(|(i, line)| Some((line.split_once('=')?.0.trim_end(), i + 1)))
        .collect()
}
