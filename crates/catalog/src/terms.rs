//! Glossary files: Fluent terms (`-sealed-sender = Sealed Sender`), one
//! file per locale, that say how a term of the source must be translated.

use fluent_syntax::ast::Entry;

use crate::read::{line_of_id, parse_resource};
use crate::{Error, Result, escape};

/// One term of a glossary file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Without its leading `-`.
    pub id: String,
    pub value: String,
    /// The 1-based line of its definition.
    pub line: usize,
}

/// Reads a glossary file: terms with plain text values. Messages, Junk,
/// attributes and placeables other than string literals are errors with
/// their line.
pub fn parse_terms(src: &str) -> Result<Vec<Term>> {
    let (resource, mut errors) = parse_resource(src);
    let mut cursor = crate::read::Cursor::default();
    let mut terms = Vec::new();
    for entry in &resource.body {
        match entry {
            Entry::Term(term) => {
                let id = term.id.name;
                let line = line_of_id(src, &format!("-{id}"), &mut cursor);
                if !term.attributes.is_empty() {
                    errors.push(Error {
                        line,
                        message: format!("term `-{id}`: attributes are not read in a glossary"),
                    });
                    continue;
                }
                match escape::from_pattern(&term.value.elements) {
                    Ok(value) => terms.push(Term {
                        id: id.to_owned(),
                        value,
                        line,
                    }),
                    Err(message) => errors.push(Error {
                        line,
                        message: format!("term `-{id}`: {message}"),
                    }),
                }
            }
            Entry::Message(message) => errors.push(Error {
                line: line_of_id(src, message.id.name, &mut cursor),
                message: format!(
                    "message `{}`: a glossary holds terms only (`-{} = …`)",
                    message.id.name, message.id.name
                ),
            }),
            _ => {}
        }
    }
    if errors.is_empty() {
        Ok(terms)
    } else {
        Err(errors)
    }
}
