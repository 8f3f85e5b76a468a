//! Segmentation of Markdown in the dialects documentation sites write:
//! MkDocs Material, Hugo, Docusaurus/MDX, MDN and GitHub's, on top of
//! CommonMark. The only user of pulldown-cmark.
//!
//! Input: a file's text. Output: a [`model::Document`] (ordered segments and
//! the skeleton that holds everything else) and diagnostics about the content.
//! `assemble::assemble(&doc.skeleton, &doc.texts())` gives the input back byte
//! for byte, whatever the input.
//!
//! MkDocs containers (`!!!`, `???`, `???+`, `===`) are found where
//! pulldown-cmark sees a paragraph starting with their marker; their indented
//! bodies are parsed again as Markdown, to any depth. The other dialects'
//! containers (`:::note`, `{{< tab >}}`, `<TabItem>`) are found by a line
//! scan before parsing ([`layout`]); what each dialect adds is declared in
//! its module of [`dialect`]. Ignored on purpose:
//! code blocks (never segments), HTML blocks other than `markdown` elements,
//! link destinations, icon shortcodes and attribute lists (skeleton), and
//! what the text means (that is for the checks).

mod dialect;
mod finish;
mod front_matter;
mod layout;
mod pseudo;
mod recover;
mod region;
mod syntax;
mod walk;

use model::{Diagnostic, Document};

pub use dialect::Dialect;
pub use front_matter::front_matter_value;
pub use pseudo::pseudo;
pub use recover::{IndentedBlock, container_line, indented_blocks};

/// Choices about what is translatable.
#[derive(Debug, Clone)]
pub struct Options {
    /// The syntax pages are written in.
    pub dialect: Dialect,
    /// Front-matter keys whose values are translated.
    pub front_matter_keys: Vec<String>,
    /// Shortcode arguments and JSX attributes whose values are translated.
    pub prose_arguments: Vec<String>,
}

impl Options {
    /// The dialect's defaults.
    pub fn for_dialect(dialect: Dialect) -> Options {
        let owned = |keys: &[&str]| keys.iter().map(|&k| k.to_owned()).collect();
        Options {
            dialect,
            front_matter_keys: owned(dialect.front_matter_keys()),
            prose_arguments: owned(dialect.prose_arguments()),
        }
    }
}

impl Default for Options {
    fn default() -> Options {
        Options::for_dialect(Dialect::default())
    }
}

/// Segments a document with the default [`Options`].
pub fn segment(src: &str) -> (Document, Vec<Diagnostic>) {
    segment_with(src, &Options::default())
}

/// Segments a document.
pub fn segment_with(src: &str, options: &Options) -> (Document, Vec<Diagnostic>) {
    let config = walk::Config {
        rules: options.dialect.rules(),
        front_matter_keys: &options.front_matter_keys,
        prose_arguments: &options.prose_arguments,
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

/// A piece of a dialect's block structure that a translation keeps as the
/// source has it: a container's opening or closing tag (`:::note`, `:::`,
/// `{{< tab >}}`, `</TabItem>`), an MDX `import`, a line of macros
/// (`{{embedlivesample(examples)}}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Landmark {
    /// The 1-based line it starts on.
    pub line: usize,
    /// How it reads, without its prose (titles, prose arguments).
    pub shape: String,
}

/// A page's landmarks and the problems of its block structure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Landmarks {
    /// In page order.
    pub items: Vec<Landmark>,
    /// Tags glued to a paragraph, left open or closing nothing.
    pub problems: Vec<Diagnostic>,
}

/// The landmarks of a page. MkDocs pages have none: their containers are
/// checked through the segments and indented blocks.
pub fn landmarks(src: &str, options: &Options) -> Landmarks {
    let layout = layout::scan(src, options.dialect.rules(), &options.prose_arguments);
    let line_of = |at: usize| 1 + memchr::memchr_iter(b'\n', &src.as_bytes()[..at]).count();
    let mut lines = 1;
    let mut counted = 0;
    let items = layout
        .landmarks
        .into_iter()
        .map(|(at, shape)| {
            lines += memchr::memchr_iter(b'\n', &src.as_bytes()[counted..at]).count();
            counted = at;
            Landmark { line: lines, shape }
        })
        .collect();
    let problems = layout
        .diagnostics
        .into_iter()
        .map(|(at, kind, message)| Diagnostic {
            kind,
            line: line_of(at),
            message,
        })
        .collect();
    Landmarks { items, problems }
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
    bare_parse_with(src, Dialect::Mkdocs)
}

/// [`bare_parse`] with a dialect's parser options.
#[doc(hidden)]
pub fn bare_parse_with(src: &str, dialect: Dialect) -> usize {
    pulldown_cmark::Parser::new_ext(src, dialect.rules().parser_options)
        .into_offset_iter()
        .count()
}

#[cfg(test)]
mod tests;
