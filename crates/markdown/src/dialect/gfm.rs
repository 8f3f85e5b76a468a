//! CommonMark with GitHub's additions: tables, task lists, strikethrough,
//! footnotes and alerts (`> [!NOTE]`, read by pulldown-cmark). What is left
//! when no other dialect is detected.

use pulldown_cmark::Options;

use super::{Rules, no_placeholder};

pub(crate) const RULES: Rules = Rules {
    parser_options: Options::ENABLE_TABLES
        .union(Options::ENABLE_FOOTNOTES)
        .union(Options::ENABLE_STRIKETHROUGH)
        .union(Options::ENABLE_TASKLISTS)
        .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
        .union(Options::ENABLE_GFM),
    mkdocs: false,
    tag: None,
    esm: false,
    dash_definitions: false,
    summaries: true,
    placeholder: no_placeholder,
    front_matter_keys: &["title", "description"],
    prose_arguments: &[],
    markers: &[],
};
