//! A segmented document: the segments a translator sees and the skeleton
//! that holds everything else.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::SegmentId;

/// What kind of translatable unit a segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SegmentKind {
    /// A translatable front-matter value such as `title`.
    FrontMatter,
    Heading,
    Paragraph,
    /// The paragraph (or tight text) of a list item.
    ListItem,
    TableCell,
    /// The quoted title of `!!! type "title"` or `??? type "title"`.
    AdmonitionTitle,
    /// The quoted title of a content tab, `=== "title"`.
    TabTitle,
    /// The text of a link in a paragraph made only of links and images.
    LinkText,
    /// The title of a link or image in such a paragraph.
    LinkTitle,
    /// An image's alt text in such a paragraph.
    ImageAlt,
    /// A `title=` value of an attribute list in such a paragraph.
    AttributeTitle,
    /// The text of a footnote definition.
    Footnote,
    /// The expansion of an abbreviation, `*[KEY]: expansion`.
    Abbreviation,
    /// The term of a definition list.
    Term,
    /// The definition of a definition list.
    Definition,
    /// A prose argument of a Hugo shortcode (`title="…"`, a tab's header)
    /// or a prose attribute of a JSX element (`label="…"`).
    Argument,
}

impl SegmentKind {
    /// Every kind, in declaration order.
    pub const ALL: [SegmentKind; 16] = [
        SegmentKind::FrontMatter,
        SegmentKind::Heading,
        SegmentKind::Paragraph,
        SegmentKind::ListItem,
        SegmentKind::TableCell,
        SegmentKind::AdmonitionTitle,
        SegmentKind::TabTitle,
        SegmentKind::LinkText,
        SegmentKind::LinkTitle,
        SegmentKind::ImageAlt,
        SegmentKind::AttributeTitle,
        SegmentKind::Footnote,
        SegmentKind::Abbreviation,
        SegmentKind::Term,
        SegmentKind::Definition,
        SegmentKind::Argument,
    ];

    /// The stable kebab-case name used in ids and JSON.
    pub fn name(self) -> &'static str {
        match self {
            SegmentKind::FrontMatter => "front-matter",
            SegmentKind::Heading => "heading",
            SegmentKind::Paragraph => "paragraph",
            SegmentKind::ListItem => "list-item",
            SegmentKind::TableCell => "table-cell",
            SegmentKind::AdmonitionTitle => "admonition-title",
            SegmentKind::TabTitle => "tab-title",
            SegmentKind::LinkText => "link-text",
            SegmentKind::LinkTitle => "link-title",
            SegmentKind::ImageAlt => "image-alt",
            SegmentKind::AttributeTitle => "attribute-title",
            SegmentKind::Footnote => "footnote",
            SegmentKind::Abbreviation => "abbreviation",
            SegmentKind::Term => "term",
            SegmentKind::Definition => "definition",
            SegmentKind::Argument => "argument",
        }
    }
}

impl fmt::Display for SegmentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A block that encloses a segment, outermost first in [`Segment::containers`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "container", rename_all = "kebab-case")]
pub enum Container {
    /// `!!! kind`, or with `collapsible` `??? kind` (`open` for `???+`).
    Admonition {
        kind: String,
        collapsible: bool,
        open: bool,
    },
    /// A content tab, `=== "title"`.
    Tab,
    BlockQuote,
    ListItem,
    Table,
    FootnoteDefinition,
    DefinitionList,
    /// An HTML block with the `markdown` attribute, such as `<div markdown>`.
    HtmlMarkdown,
    /// A fenced directive of Docusaurus, VitePress or Starlight, `:::kind`.
    Directive {
        kind: String,
    },
    /// A Hugo shortcode with a body, `{{< name >}}…{{< /name >}}`.
    Shortcode {
        name: String,
    },
    /// A JSX element with children on lines of their own, `<Name>…</Name>`.
    Element {
        name: String,
    },
    /// A GitHub alert, `> [!NOTE]` (inside its block quote).
    Alert {
        kind: String,
    },
}

impl fmt::Display for Container {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Container::Admonition {
                kind,
                collapsible,
                open,
            } => {
                let marker = match (collapsible, open) {
                    (false, _) => "!!!",
                    (true, false) => "???",
                    (true, true) => "???+",
                };
                write!(f, "{marker} {kind}")
            }
            Container::Tab => f.write_str("tab"),
            Container::BlockQuote => f.write_str("blockquote"),
            Container::ListItem => f.write_str("list-item"),
            Container::Table => f.write_str("table"),
            Container::FootnoteDefinition => f.write_str("footnote"),
            Container::DefinitionList => f.write_str("definition-list"),
            Container::HtmlMarkdown => f.write_str("html"),
            Container::Directive { kind } => write!(f, ":::{kind}"),
            Container::Shortcode { name } => write!(f, "{{{{< {name} >}}}}"),
            Container::Element { name } => write!(f, "<{name}>"),
            Container::Alert { kind } => write!(f, "[!{kind}]"),
        }
    }
}

/// One translatable unit of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub id: SegmentId,
    pub kind: SegmentKind,
    /// The byte ranges of the source that hold the text, one per line, in order.
    /// What lies between two spans (a line break and container indentation)
    /// belongs to the skeleton.
    pub spans: Spans,
    /// The 1-based line of the first span.
    pub line: usize,
    /// The inline Markdown, lines joined with `\n`, container indentation removed.
    pub text: String,
    /// The blocks around the segment, outermost first (shared by the
    /// segments of one block).
    pub containers: Arc<[Container]>,
    /// The index of the nearest heading segment before this one, if any.
    pub heading: Option<usize>,
}

/// The byte ranges of a segment's source lines, in order, read as a slice.
/// Most segments are one line, held without an allocation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Spans(SpansInner);

#[derive(Debug, Clone, PartialEq, Eq)]
enum SpansInner {
    One(Range<usize>),
    Many(Vec<Range<usize>>),
}

impl Default for SpansInner {
    fn default() -> SpansInner {
        SpansInner::Many(Vec::new())
    }
}

impl Spans {
    /// Adds the range of the next line.
    pub fn push(&mut self, span: Range<usize>) {
        match &mut self.0 {
            SpansInner::Many(many) if many.is_empty() => self.0 = SpansInner::One(span),
            SpansInner::Many(many) => many.push(span),
            SpansInner::One(first) => {
                let first = first.clone();
                self.0 = SpansInner::Many(vec![first, span]);
            }
        }
    }
}

impl std::ops::Deref for Spans {
    type Target = [Range<usize>];

    fn deref(&self) -> &[Range<usize>] {
        match &self.0 {
            SpansInner::One(one) => std::slice::from_ref(one),
            SpansInner::Many(many) => many,
        }
    }
}

impl<'a> IntoIterator for &'a Spans {
    type Item = &'a Range<usize>;
    type IntoIter = std::slice::Iter<'a, Range<usize>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl From<Vec<Range<usize>>> for Spans {
    fn from(spans: Vec<Range<usize>>) -> Spans {
        let mut out = Spans::default();
        for span in spans {
            out.push(span);
        }
        out
    }
}

impl Serialize for Spans {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Where a segment's text goes back into the skeleton.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// The byte offset in [`Skeleton::text`] where the segment's text starts.
    pub at: usize,
    /// What stood between the source lines of the segment (`\n` and the
    /// container indentation of the next line), used in order for the
    /// line breaks of the text written back.
    pub separators: Vec<String>,
    /// The separator for line breaks beyond those of the source: a newline
    /// and the container's indentation (shared by neighbouring slots).
    pub continuation: Arc<str>,
}

/// A document with every segment's text cut out. Slot `i` belongs to segment `i`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Skeleton {
    pub text: String,
    pub slots: Vec<Slot>,
}

/// A segmented document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub segments: Vec<Segment>,
    pub skeleton: Skeleton,
}

impl Document {
    /// The segments' texts in order, ready for assembly.
    pub fn texts(&self) -> Vec<&str> {
        self.segments.iter().map(|s| s.text.as_str()).collect()
    }
}

/// Something worth telling about a document that is not an error of the run:
/// bad or suspicious content, with its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// A stable kebab-case name.
    pub kind: &'static str,
    /// The 1-based line it is about.
    pub line: usize,
    pub message: String,
}
