//! MkDocs Material and Python-Markdown: containers with indented bodies
//! (`!!! type "title"`, `??? type`, `=== "Tab"`), `<div markdown>`,
//! attribute lists, icon shortcodes, abbreviations, snippets, definition
//! lists and math. The walk's own recognisers (`syntax`) read them; this
//! module only turns them on.

use pulldown_cmark::Options;

use super::{Rules, no_placeholder};

pub(crate) const RULES: Rules = Rules {
    parser_options: Options::ENABLE_TABLES
        .union(Options::ENABLE_FOOTNOTES)
        .union(Options::ENABLE_STRIKETHROUGH)
        .union(Options::ENABLE_TASKLISTS)
        .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
        .union(Options::ENABLE_DEFINITION_LIST)
        .union(Options::ENABLE_MATH)
        .union(Options::ENABLE_GFM),
    mkdocs: true,
    tag: None,
    esm: false,
    dash_definitions: false,
    summaries: false,
    placeholder: no_placeholder,
    front_matter_keys: &["title", "description"],
    prose_arguments: &[],
    markers: &["mkdocs.yml", "mkdocs.yaml"],
};
