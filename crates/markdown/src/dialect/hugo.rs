//! Hugo: shortcodes `{{< name args >}}` and `{{% name args %}}`, with a
//! body up to `{{< /name >}}` or none; prose arguments (`title=`,
//! `caption=`, a tab's header) are segments, other arguments stay in the
//! skeleton, and a shortcode inside a sentence is a placeholder. Front
//! matter in YAML or TOML; Goldmark's definition lists and GitHub alerts.

use pulldown_cmark::Options;

use super::{Rules, Tag, tags, template_len};

fn tag(text: &str, prose: &[String]) -> Option<Tag> {
    tags::shortcode(text, prose)
}

pub(crate) const RULES: Rules = Rules {
    parser_options: Options::ENABLE_TABLES
        .union(Options::ENABLE_FOOTNOTES)
        .union(Options::ENABLE_STRIKETHROUGH)
        .union(Options::ENABLE_TASKLISTS)
        .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
        .union(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS)
        .union(Options::ENABLE_DEFINITION_LIST)
        .union(Options::ENABLE_GFM),
    mkdocs: false,
    tag: Some(tag),
    esm: false,
    dash_definitions: false,
    summaries: true,
    placeholder: template_len,
    front_matter_keys: &["title", "linkTitle", "description", "summary"],
    prose_arguments: &[
        "title",
        "caption",
        "alt",
        "description",
        "summary",
        "header",
        "text",
        "label",
        "placeholder",
    ],
    markers: &[
        "hugo.toml",
        "hugo.yaml",
        "hugo.yml",
        "hugo.json",
        "config/_default/hugo.toml",
        "config/_default/hugo.yaml",
        "config/_default/hugo.yml",
        "config/_default/hugo.json",
        "config/_default/config.toml",
        "config/_default/config.yaml",
        "config.toml",
    ],
};
