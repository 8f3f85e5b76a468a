//! Segmentation of Markdown: MkDocs Material and Python-Markdown on top of
//! CommonMark and GFM. The only user of pulldown-cmark.
//!
//! Input: a file's text. Output: a [`model::Document`] (ordered segments and
//! the skeleton that holds everything else) and diagnostics about the content.
//! `assemble::assemble(&doc.skeleton, &doc.texts())` gives the input back byte
//! for byte, whatever the input.
//!
//! MkDocs containers (`!!!`, `???`, `???+`, `===`) are found where
//! pulldown-cmark sees a paragraph starting with their marker; their indented
//! bodies are parsed again as Markdown, to any depth. Ignored on purpose:
//! code blocks (never segments), HTML blocks other than `markdown` elements,
//! link destinations, icon shortcodes and attribute lists (skeleton), and
//! what the text means (that is for the checks).

mod finish;
mod front_matter;
mod recover;
mod region;
mod syntax;
mod walk;

use model::{Diagnostic, Document};

pub use recover::{IndentedBlock, container_line, indented_blocks};

/// Choices about what is translatable.
#[derive(Debug, Clone)]
pub struct Options {
    /// Front-matter keys whose values are translated.
    pub front_matter_keys: Vec<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            front_matter_keys: vec!["title".to_owned(), "description".to_owned()],
        }
    }
}

/// Segments a document with the default [`Options`].
pub fn segment(src: &str) -> (Document, Vec<Diagnostic>) {
    segment_with(src, &Options::default())
}

/// Segments a document.
pub fn segment_with(src: &str, options: &Options) -> (Document, Vec<Diagnostic>) {
    let config = walk::Config {
        front_matter_keys: &options.front_matter_keys,
    };
    let mut collected = walk::Collected::default();
    // A byte order mark stays in the skeleton.
    let body = src.strip_prefix('\u{feff}').unwrap_or(src);
    let offset = src.len() - body.len();
    if offset == 0 {
        walk::walk(
            &region::Region::whole(src),
            &config,
            Vec::new().into(),
            &mut collected,
        );
    } else {
        let lines = vec![(offset..src.len(), 0)];
        let region = region::Region::whole(src).child(&lines);
        walk::walk(&region, &config, Vec::new().into(), &mut collected);
    }
    finish::finish(src, collected)
}

/// The text to write into slot `index` of `skeleton` so that the page reads
/// `text` back as that segment: an attribute value that the source left
/// unquoted (`title=Homepage`) is quoted when the new text has a space or
/// a brace (`title="Pagina principale"`). Other texts are written as they are.
pub fn fit<'a>(
    skeleton: &model::Skeleton,
    index: usize,
    kind: model::SegmentKind,
    text: &'a str,
) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let unquoted = kind == model::SegmentKind::AttributeTitle
        && skeleton
            .slots
            .get(index)
            .is_some_and(|slot| skeleton.text[..slot.at].ends_with('='));
    let needs_quotes = text.is_empty()
        || text
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '}' | '"' | '\''));
    if !unquoted || !needs_quotes {
        return Cow::Borrowed(text);
    }
    if !text.contains('"') {
        Cow::Owned(format!("\"{text}\""))
    } else if !text.contains('\'') {
        Cow::Owned(format!("'{text}'"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A bare pulldown-cmark pass with the segmenter's options, counting events:
/// the floor that benchmarks compare segmentation with.
#[doc(hidden)]
pub fn bare_parse(src: &str) -> usize {
    pulldown_cmark::Parser::new_ext(src, walk::parser_options())
        .into_offset_iter()
        .count()
}

#[cfg(test)]
mod tests;
