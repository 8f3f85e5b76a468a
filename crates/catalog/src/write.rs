//! A [`Catalog`] as the text of a `.ftl` file: deterministic, escaped, with
//! bitext's metadata in comments.

use fluent_syntax::ast::{Comment, Entry, Identifier, Message as FluentMessage, Pattern, Resource};

use crate::{Catalog, Message, escape};

/// How many retired ids go on one comment line.
const RETIRED_PER_LINE: usize = 6;

/// The `.ftl` text of a catalog. The same catalog always gives the same bytes.
pub fn write(catalog: &Catalog) -> String {
    let mut body = Vec::new();
    let mut header = Vec::new();
    if let Some(page) = &catalog.page {
        header.push(format!("bitext: page {page}"));
    }
    if let Some(revision) = &catalog.revision {
        header.push(format!("bitext: revision {revision}"));
    }
    for ids in catalog.retired.chunks(RETIRED_PER_LINE) {
        header.push(format!("bitext: retired {}", ids.join(" ")));
    }
    if !header.is_empty() {
        body.push(Entry::ResourceComment(Comment { content: header }));
    }
    body.extend(catalog.messages.iter().map(entry));
    if !catalog.obsolete.is_empty() {
        body.push(Entry::GroupComment(Comment {
            content: vec![crate::read::OBSOLETE.to_owned()],
        }));
        body.extend(catalog.obsolete.iter().map(entry));
    }
    fluent_syntax::serializer::serialize(&Resource { body })
}

fn entry(message: &Message) -> Entry<String> {
    let mut content = message.notes.clone();
    if let Some(source) = message.source {
        content.push(format!("bitext: source {source}"));
    }
    if message.stale {
        match &message.previous {
            Some(previous) => {
                content.push("bitext: stale, previous source:".to_owned());
                content.extend(previous.split('\n').map(|line| {
                    if line.is_empty() {
                        "|".to_owned()
                    } else {
                        format!("| {line}")
                    }
                }));
            }
            None => content.push("bitext: stale".to_owned()),
        }
    }
    Entry::Message(FluentMessage {
        id: Identifier {
            name: message.id.clone(),
        },
        value: Some(Pattern {
            elements: escape::to_pattern(&message.text),
        }),
        attributes: Vec::new(),
        comment: (!content.is_empty()).then_some(Comment { content }),
    })
}
