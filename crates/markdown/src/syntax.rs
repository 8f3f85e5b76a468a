//! Small recognisers for MkDocs Material and Python-Markdown syntax that
//! pulldown-cmark does not know: container markers, attribute lists, icon
//! shortcodes, abbreviations, snippets and bitext's own directives.

use std::ops::Range;

use model::Container;

/// A container marker line: `!!! type "title"`, `??? type`, `???+ type`, `=== "title"`.
#[derive(Debug)]
pub(crate) struct Marker {
    pub container: Container,
    /// The title between the quotes, as a range of the line; `None` when
    /// there is none or it is empty.
    pub title: Option<Range<usize>>,
}

/// Recognises a container marker at the start of `line` (which holds no line terminator).
pub(crate) fn marker(line: &str) -> Option<Marker> {
    let (shape, title) = marker_shape(line)?;
    let container = match shape {
        Shape::Tab => Container::Tab,
        Shape::Admonition {
            kind,
            collapsible,
            open,
        } => Container::Admonition {
            kind: line[kind].to_owned(),
            collapsible,
            open,
        },
    };
    Some(Marker { container, title })
}

/// Whether `line` starts with a container marker ([`marker`] without making the container).
pub(crate) fn is_marker(line: &str) -> bool {
    marker_shape(line).is_some()
}

/// What a marker line opens: a tab, or an admonition with the range of its type.
enum Shape {
    Tab,
    Admonition {
        kind: Range<usize>,
        collapsible: bool,
        open: bool,
    },
}

/// A marker line's container and title range.
fn marker_shape(line: &str) -> Option<(Shape, Option<Range<usize>>)> {
    let bytes = line.as_bytes();
    let (rest_at, shape) = if let Some(rest) = line.strip_prefix("===") {
        let flags = rest
            .bytes()
            .take_while(|b| matches!(b, b'+' | b'!'))
            .count();
        (3 + flags, Shape::Tab)
    } else if line.starts_with("!!!") || line.starts_with("???") {
        let collapsible = bytes[0] == b'?';
        let open = collapsible && bytes.get(3) == Some(&b'+');
        let at = if open { 4 } else { 3 };
        let shape = Shape::Admonition {
            kind: 0..0,
            collapsible,
            open,
        };
        (at, shape)
    } else {
        return None;
    };
    let rest = &line[rest_at..];
    let after_spaces = rest.trim_start_matches(' ');
    let mut at = rest_at + (rest.len() - after_spaces.len());
    let shape = match shape {
        Shape::Tab => {
            // A tab needs at least one space and a quoted title.
            if at == rest_at || !after_spaces.starts_with('"') {
                return None;
            }
            Shape::Tab
        }
        Shape::Admonition {
            collapsible, open, ..
        } => {
            // The type: one or more words of letters, digits, `-` and `_`.
            let word_len = after_spaces
                .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(after_spaces.len());
            let kind = at..at + word_len;
            if kind.is_empty() && !after_spaces.starts_with('"') {
                return None;
            }
            // Further class words (`inline end`) belong to the type line.
            let mut tail = &line[at + word_len..];
            loop {
                let trimmed = tail.trim_start_matches(' ');
                let len = trimmed
                    .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                    .unwrap_or(trimmed.len());
                if len == 0 || trimmed.len() == tail.len() {
                    break;
                }
                tail = &trimmed[len..];
            }
            at = line.len() - tail.len();
            Shape::Admonition {
                kind,
                collapsible,
                open,
            }
        }
    };
    let rest = &line[at..];
    let trimmed = rest.trim_start_matches(' ');
    if trimmed.is_empty() {
        return Some((shape, None));
    }
    // A quoted title, then nothing but spaces.
    let open_quote = at + (rest.len() - trimmed.len());
    if !trimmed.starts_with('"') {
        return None;
    }
    let close = line.trim_end().rfind('"').filter(|&c| c > open_quote)?;
    if !line[close + 1..].trim().is_empty() {
        return None;
    }
    let title = (close > open_quote + 1).then(|| open_quote + 1..close);
    Some((shape, title))
}

/// Whether an attribute list starts at `text` (`{ .class #id key=val }`, `{: …}`),
/// returning its length including the braces.
pub(crate) fn attr_list_len(text: &str) -> Option<usize> {
    if !text.starts_with('{') {
        return None;
    }
    let mut quote = None;
    for (i, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '}') => {
                let inner = text[1..i].trim().trim_start_matches(':').trim_start();
                let looks_like_attrs = inner.is_empty()
                    || inner.starts_with(['.', '#'])
                    || inner
                        .split_whitespace()
                        .all(|t| t.starts_with(['.', '#']) || t.contains('='));
                return looks_like_attrs.then_some(i + 1);
            }
            (None, '\n' | '{') => return None,
            (None, _) => {}
        }
    }
    None
}

/// The ranges (relative to `attrs`, an attribute list with braces) of the values of its `title` keys.
pub(crate) fn attr_titles(attrs: &str) -> Vec<Range<usize>> {
    let mut titles = Vec::new();
    let mut at = 1;
    let end = attrs.len().saturating_sub(1);
    while at < end {
        let rest = &attrs[at..end];
        let token_start = at + (rest.len() - rest.trim_start().len());
        let rest = &attrs[token_start..end];
        if rest.is_empty() {
            break;
        }
        let key_len = rest.find(['=', ' ', '\t']).unwrap_or(rest.len());
        let key = &rest[..key_len];
        if rest[key_len..].starts_with('=') {
            let value_start = token_start + key_len + 1;
            let value = &attrs[value_start..end];
            let (range, next) = match value.chars().next() {
                Some(q @ ('"' | '\'')) => match value[1..].find(q) {
                    Some(close) => (
                        value_start + 1..value_start + 1 + close,
                        value_start + close + 2,
                    ),
                    None => break,
                },
                _ => {
                    let len = value.find([' ', '\t']).unwrap_or(value.len());
                    (value_start..value_start + len, value_start + len)
                }
            };
            if key == "title" && !range.is_empty() {
                titles.push(range);
            }
            at = next;
        } else {
            at = token_start + key_len.max(1);
        }
    }
    titles
}

/// The length of an icon or emoji shortcode at the start of `text`
/// (`:material-chat:`, `:octicons-home-16:`, `:smile:`).
pub(crate) fn shortcode_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix(':')?;
    let len = rest
        .find(|c: char| {
            !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '+'))
        })
        .unwrap_or(rest.len());
    (len > 0 && rest[len..].starts_with(':')).then_some(len + 2)
}

/// The length of a code annotation marker `(1)` at the start of `text`.
pub(crate) fn annotation_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('(')?;
    let len = rest.bytes().take_while(u8::is_ascii_digit).count();
    (len > 0 && rest[len..].starts_with(')')).then_some(len + 2)
}

/// Trims whitespace and icon shortcodes from both ends of `range` in `text`.
pub(crate) fn trim_decoration(text: &str, range: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (range.start, range.end);
    loop {
        let slice = &text[start..end];
        let trimmed = slice.trim_start();
        start += slice.len() - trimmed.len();
        match shortcode_len(trimmed) {
            Some(len) => start += len,
            None => break,
        }
    }
    loop {
        let slice = &text[start..end];
        let trimmed = slice.trim_end();
        end = start + trimmed.len();
        let Some(colon) = trimmed.strip_suffix(':').and_then(|t| t.rfind(':')) else {
            break;
        };
        if shortcode_len(&trimmed[colon..]) == Some(trimmed.len() - colon) {
            end = start + colon;
        } else {
            break;
        }
    }
    start..end.max(start)
}

/// Whether a segment text has anything to translate: a letter outside inline
/// code, shortcodes, link destinations, HTML tags, attribute lists and URLs.
pub(crate) fn has_words(text: &str, placeholder: fn(&str) -> Option<usize>) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let skip = match bytes[i] {
            b'`' => {
                let ticks = rest.bytes().take_while(|&b| b == b'`').count();
                let fence = &rest[..ticks];
                rest[ticks..].find(fence).map(|j| ticks + j + ticks)
            }
            b':' => shortcode_len(rest),
            b']' if rest.starts_with("](") => rest.find(')').map(|j| j + 1),
            b'<' => rest.find('>').map(|j| j + 1),
            b'{' => placeholder(rest).or_else(|| attr_list_len(rest)),
            b'h' if rest.starts_with("http://") || rest.starts_with("https://") => {
                Some(rest.find(char::is_whitespace).unwrap_or(rest.len()))
            }
            _ => None,
        };
        match skip {
            Some(len) => i += len.max(1),
            None => {
                let c = rest.chars().next().expect("i is below the text length");
                if c.is_alphabetic() {
                    return true;
                }
                i += c.len_utf8();
            }
        }
    }
    false
}

/// Whether a paragraph is a snippet inclusion (`--8<-- "file"`), which stays in the skeleton.
pub(crate) fn is_snippet(paragraph: &str) -> bool {
    let p = paragraph.trim_start_matches(';');
    p.starts_with("--8<--")
}

/// If every line of `paragraph` is an abbreviation definition `*[KEY]: expansion`,
/// the range of each expansion.
pub(crate) fn abbreviations(paragraph: &str) -> Option<Vec<Range<usize>>> {
    // Most paragraphs are not: told from their first bytes.
    if !paragraph.trim_start().starts_with("*[") {
        return None;
    }
    let mut out = Vec::new();
    let mut at = 0;
    for line in paragraph.split_inclusive('\n') {
        let content = line.trim_end();
        let start = at + (content.len() - content.trim_start().len());
        let content = content.trim_start();
        let key_end = content.strip_prefix("*[")?.find("]:")? + 2;
        let value = &content[key_end + 2..];
        let value_start = start + key_end + 2 + (value.len() - value.trim_start().len());
        let value_end = start + content.len();
        if value_end > value_start {
            out.push(value_start..value_end);
        }
        at += line.len();
    }
    (!out.is_empty()).then_some(out)
}

/// A bitext directive in an HTML comment, which marks blocks not to translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Skip {
    /// `<!-- bitext: skip -->`: the next block is not translated.
    Next,
    /// `<!-- bitext: skip-start -->` … `<!-- bitext: skip-end -->`.
    Start,
    End,
}

pub(crate) fn directive(html: &str) -> Option<Skip> {
    let inner = html
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let word = inner.strip_prefix("bitext:")?.trim();
    match word {
        "skip" => Some(Skip::Next),
        "skip-start" => Some(Skip::Start),
        "skip-end" => Some(Skip::End),
        _ => None,
    }
}

/// Whether an HTML block's first line opens an element with the `markdown`
/// attribute (`<div class="grid" markdown>`), whose content is Markdown.
pub(crate) fn opens_markdown_html(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('<')
        && !line.starts_with("</")
        && line.ends_with('>')
        && line[1..line.len() - 1]
            .split_whitespace()
            .skip(1)
            .any(|attr| attr == "markdown" || attr.starts_with("markdown="))
}
