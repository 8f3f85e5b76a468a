//! The text of a `.ftl` file as a [`Catalog`]. Anything bitext cannot keep
//! (Junk, terms, attributes, placeables other than string literals) is an
//! error with its line, never dropped.

use std::collections::HashSet;

use fluent_syntax::ast::{Comment, Entry, Resource};

use crate::{Catalog, Error, Fingerprint, Message, Result, escape};

/// The group comment that starts the obsolete messages.
pub(crate) const OBSOLETE: &str = "bitext: obsolete";

/// Parses Fluent text: the resource, and its syntax errors with their lines.
pub(crate) fn parse_resource(src: &str) -> (Resource<&str>, Vec<Error>) {
    match fluent_syntax::parser::parse(src) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, parse_errors)) => {
            let errors = parse_errors
                .iter()
                .map(|e| Error {
                    // The start of the entry that became Junk reads better than
                    // where the parser gave up (often the next line).
                    line: line_of(src, e.slice.as_ref().map_or(e.pos.start, |s| s.start)),
                    message: e.to_string(),
                })
                .collect();
            (resource, errors)
        }
    }
}

/// Reads a catalog; every problem is reported, each with its line.
pub fn parse(src: &str) -> Result<Catalog> {
    match crate::plain::parse(src) {
        Some(catalog) => Ok(catalog),
        None => parse_full(src),
    }
}

/// Reads a catalog with fluent-syntax, whatever its shape.
pub(crate) fn parse_full(src: &str) -> Result<Catalog> {
    let (resource, mut errors) = parse_resource(src);
    let mut catalog = Catalog::default();
    let mut seen = HashSet::new();
    let mut obsolete = false;
    // Entries come in file order: each one is searched for after the last.
    let mut cursor = crate::read::Cursor::default();
    for entry in &resource.body {
        match entry {
            Entry::ResourceComment(comment) => header(comment, &mut catalog),
            Entry::GroupComment(comment) => {
                if comment.content.iter().any(|l| l.trim() == OBSOLETE) {
                    obsolete = true;
                }
            }
            Entry::Comment(_) | Entry::Junk { .. } => {}
            Entry::Term(term) => errors.push(Error {
                line: line_of_id(src, &format!("-{}", term.id.name), &mut cursor),
                message: format!(
                    "term `-{}`: bitext catalogs hold messages only",
                    term.id.name
                ),
            }),
            Entry::Message(message) => {
                let id = message.id.name;
                let line = line_of_id(src, id, &mut cursor);
                if !seen.insert(id) {
                    errors.push(Error {
                        line,
                        message: format!("duplicate message id `{id}`"),
                    });
                    continue;
                }
                if !message.attributes.is_empty() {
                    errors.push(Error {
                        line,
                        message: format!(
                            "message `{id}` has attributes; bitext messages are plain text"
                        ),
                    });
                    continue;
                }
                let text = match &message.value {
                    Some(pattern) => escape::from_pattern(&pattern.elements),
                    None => Err("has no value".to_owned()),
                };
                let text = match text {
                    Ok(text) => text,
                    Err(why) => {
                        errors.push(Error {
                            line,
                            message: format!("message `{id}` {why}"),
                        });
                        continue;
                    }
                };
                let mut parsed = Message {
                    id: id.to_owned(),
                    text,
                    ..Message::default()
                };
                if let Some(comment) = &message.comment {
                    metadata(comment, &mut parsed);
                }
                if obsolete {
                    catalog.obsolete.push(parsed);
                } else {
                    catalog.messages.push(parsed);
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(catalog)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

pub(crate) fn header(comment: &Comment<&str>, catalog: &mut Catalog) {
    for line in &comment.content {
        if let Some(page) = line.strip_prefix("bitext: page ") {
            catalog.page = Some(page.trim().to_owned());
        } else if let Some(revision) = line.strip_prefix("bitext: revision ") {
            catalog.revision = Some(revision.trim().to_owned());
        } else if let Some(ids) = line.strip_prefix("bitext: retired ") {
            catalog
                .retired
                .extend(ids.split_whitespace().map(str::to_owned));
        }
    }
}

pub(crate) fn metadata(comment: &Comment<&str>, message: &mut Message) {
    let mut previous: Option<Vec<&str>> = None;
    for &line in &comment.content {
        if let Some(lines) = previous.as_mut() {
            if line == "|" {
                lines.push("");
                continue;
            }
            if let Some(rest) = line.strip_prefix("| ") {
                lines.push(rest);
                continue;
            }
        }
        if let Some(hex) = line.strip_prefix("bitext: source ") {
            message.source = Fingerprint::parse(hex.trim());
        } else if line == "bitext: stale" {
            message.stale = true;
        } else if line == "bitext: stale, previous source:" {
            message.stale = true;
            previous = Some(Vec::new());
        } else {
            message.notes.push(line.to_owned());
        }
    }
    message.previous = previous.map(|lines| lines.join("\n"));
}

/// The 1-based line of a byte offset.
pub(crate) fn line_of(src: &str, offset: usize) -> usize {
    1 + src.as_bytes()[..offset.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Where the search for the next entry starts: a byte offset at a line
/// start, and that line's number (1-based).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cursor {
    offset: usize,
    line: usize,
}

impl Default for Cursor {
    fn default() -> Cursor {
        Cursor { offset: 0, line: 1 }
    }
}

/// The line where the entry `id` starts, searching from `cursor` and
/// moving it past the entry (the cursor's line when it cannot be found).
/// Lines are counted as the search goes, so a whole file costs one pass.
pub(crate) fn line_of_id(src: &str, id: &str, cursor: &mut Cursor) -> usize {
    let mut offset = cursor.offset;
    for (line_no, line) in (cursor.line..).zip(src[cursor.offset..].split_inclusive('\n')) {
        if let Some(rest) = line.strip_prefix(id)
            && rest.trim_start().starts_with('=')
        {
            cursor.offset = offset + line.len();
            cursor.line = line_no + 1;
            return line_no;
        }
        offset += line.len();
    }
    cursor.line
}
