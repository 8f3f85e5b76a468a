//! Docusaurus (also VitePress and Starlight): fenced directives `:::type`,
//! `:::type Title`, `:::type[Title]` nested with more colons; MDX `import`
//! and `export` blocks (skeleton); JSX elements on lines of their own
//! (tags and attributes in the skeleton except prose attributes such as
//! `label=`; children segmented as Markdown); `{expressions}` and
//! `{/* comments */}` inline are placeholders.

use pulldown_cmark::Options;

use super::{Rules, Tag, tags};

fn tag(text: &str, prose: &[String]) -> Option<Tag> {
    match text.as_bytes().first()? {
        b':' => tags::directive(text),
        b'<' => tags::element(text, prose),
        _ => None,
    }
}

/// An MDX expression `{…}` (braces balanced, on one line), or a template
/// placeholder.
fn placeholder(text: &str) -> Option<usize> {
    if !text.starts_with('{') {
        return None;
    }
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b'\n' => return None,
            _ => {}
        }
    }
    None
}

pub(crate) const RULES: Rules = Rules {
    parser_options: Options::ENABLE_TABLES
        .union(Options::ENABLE_FOOTNOTES)
        .union(Options::ENABLE_STRIKETHROUGH)
        .union(Options::ENABLE_TASKLISTS)
        .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
        .union(Options::ENABLE_GFM),
    mkdocs: false,
    tag: Some(tag),
    esm: true,
    dash_definitions: false,
    summaries: true,
    placeholder,
    front_matter_keys: &["title", "sidebar_label", "description"],
    prose_arguments: &["label", "title", "alt", "description", "placeholder"],
    markers: &[
        "docusaurus.config.js",
        "docusaurus.config.ts",
        "docusaurus.config.mjs",
        "docusaurus.config.cjs",
        "*/docusaurus.config.js",
        "*/docusaurus.config.ts",
        "*/docusaurus.config.mjs",
        "astro.config.mjs",
        ".vitepress",
        "docs/.vitepress",
    ],
};
