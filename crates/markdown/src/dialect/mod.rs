//! Dialects: what a site's Markdown adds to CommonMark and GFM. The walk
//! is one; each dialect is a module that fills in [`Rules`]: the parser's
//! options, the structural tags that open and close block containers
//! (`:::note`, `{{< tab >}}`, `<TabItem>`), the inline placeholders kept
//! whole (`{{cssxref("color")}}`, `{{% param %}}`), and which front-matter
//! keys are prose. Adding a dialect is adding a module here and a corpus.

mod docusaurus;
mod gfm;
mod hugo;
mod mdn;
mod mkdocs;
pub(crate) mod tags;

use std::fmt;
use std::ops::Range;

use model::{Container, SegmentKind};

/// A family of Markdown sites, each with its own syntax beyond CommonMark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Dialect {
    /// MkDocs Material and Python-Markdown: `!!! note`, `=== "Tab"`, attribute lists.
    #[default]
    Mkdocs,
    /// Hugo: shortcodes `{{< name >}}`, `{{% name %}}`; TOML or YAML front matter.
    Hugo,
    /// Docusaurus, VitePress and Starlight: `:::note`, MDX `import`, JSX elements.
    Docusaurus,
    /// MDN Web Docs: KumaScript macros `{{Name(args)}}`, `- term` / `  - : definition`.
    Mdn,
    /// CommonMark with GitHub's tables, footnotes and alerts `> [!NOTE]`.
    Gfm,
}

impl Dialect {
    pub const ALL: [Dialect; 5] = [
        Dialect::Mkdocs,
        Dialect::Hugo,
        Dialect::Docusaurus,
        Dialect::Mdn,
        Dialect::Gfm,
    ];

    /// The name used in `bitext.toml` and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Mkdocs => "mkdocs",
            Dialect::Hugo => "hugo",
            Dialect::Docusaurus => "docusaurus",
            Dialect::Mdn => "mdn",
            Dialect::Gfm => "gfm",
        }
    }

    pub fn from_name(name: &str) -> Option<Dialect> {
        Dialect::ALL.into_iter().find(|d| d.name() == name)
    }

    /// Front-matter keys whose values are prose, by default.
    pub fn front_matter_keys(self) -> &'static [&'static str] {
        self.rules().front_matter_keys
    }

    /// Shortcode arguments and JSX attributes whose values are prose, by default.
    pub fn prose_arguments(self) -> &'static [&'static str] {
        self.rules().prose_arguments
    }

    /// Files or folders at a project's root that tell this dialect, as
    /// relative paths (`*` stands for any name within one folder). The
    /// first dialect, in [`Dialect::ALL`] order, with one found wins; GFM
    /// is what is left.
    pub fn markers(self) -> &'static [&'static str] {
        self.rules().markers
    }

    pub(crate) fn rules(self) -> &'static Rules {
        match self {
            Dialect::Mkdocs => &mkdocs::RULES,
            Dialect::Hugo => &hugo::RULES,
            Dialect::Docusaurus => &docusaurus::RULES,
            Dialect::Mdn => &mdn::RULES,
            Dialect::Gfm => &gfm::RULES,
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a dialect adds, as the walk asks for it.
#[derive(Debug)]
pub(crate) struct Rules {
    pub parser_options: pulldown_cmark::Options,
    /// MkDocs containers (`!!!`, `???`, `===` with indented bodies),
    /// `<div markdown>`, attribute lists, icons, abbreviations, snippets.
    pub mkdocs: bool,
    /// The structural tag at the start of a text, if any.
    pub tag: Option<TagFn>,
    /// MDX `import`/`export` blocks at the top level.
    pub esm: bool,
    /// MDN definition lists: `- term` then an item `  - : definition`.
    pub dash_definitions: bool,
    /// `<summary>` titles of `<details>` blocks are segments.
    pub summaries: bool,
    /// The length of an inline placeholder at the start of a text.
    pub placeholder: fn(&str) -> Option<usize>,
    pub front_matter_keys: &'static [&'static str],
    pub prose_arguments: &'static [&'static str],
    pub markers: &'static [&'static str],
}

/// Recognises a structural tag at the start of `text` (which starts a
/// line's content, or follows another tag on the line).
pub(crate) type TagFn = fn(text: &str, prose: &[String]) -> Option<Tag>;

/// What a structural tag does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TagKind {
    /// Opens a container; a closer with the same `name` ends it.
    Open,
    Close,
    /// Stands alone (a self-closing shortcode or element).
    Single,
    /// Opens a container when a closer follows, else stands alone (Hugo
    /// shortcodes may or may not take a body).
    Maybe,
}

/// A structural tag found at the start of a text.
#[derive(Debug, Clone)]
pub(crate) struct Tag {
    pub kind: TagKind,
    /// What closers are matched by: the element or shortcode name, or the
    /// fence (`:::`) of a directive.
    pub name: String,
    /// Its length in bytes; a JSX tag may span lines.
    pub len: usize,
    /// The container it opens (for `Open` and `Maybe`).
    pub container: Option<Container>,
    /// Ranges of its prose (a title, prose arguments), relative to its start.
    pub prose: Vec<(Range<usize>, SegmentKind)>,
    /// How the tag reads in structure findings: name and non-prose
    /// arguments (`:::note`, `{{< tab >}}`, `<TabItem value="x">`).
    pub shape: String,
}

/// An inline placeholder of any dialect: a Hugo shortcode (`{{< x >}}`,
/// `{{% x %}}`) or a KumaScript macro (`{{Name(args)}}`), kept whole by
/// translators and compared as a fact.
pub(crate) fn template_len(text: &str) -> Option<usize> {
    model::text::placeholder_len(text)
}

/// No inline placeholders beyond a dialect's own syntax.
pub(crate) fn no_placeholder(_: &str) -> Option<usize> {
    None
}
