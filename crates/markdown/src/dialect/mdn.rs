//! MDN Web Docs: KumaScript macros `{{Name(args)}}` are placeholders
//! inside sentences and stay in the skeleton on a line of their own
//! (`{{CSSRef}}`, `{{EmbedLiveSample(…)}}`); definition lists are lists
//! whose items hold a term and a nested item `- : definition`; GitHub
//! alerts `> [!NOTE]`. Front matter `title` and `short-title` are prose.

use pulldown_cmark::Options;

use super::{Rules, template_len};

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
    dash_definitions: true,
    summaries: true,
    placeholder: template_len,
    front_matter_keys: &["title", "short-title"],
    prose_arguments: &[],
    markers: &["files/en-us/*", "content/files/en-us/*"],
};
