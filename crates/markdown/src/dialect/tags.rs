//! Recognisers of structural tags shared by dialects: Docusaurus fences
//! (`:::note Title`), Hugo shortcodes (`{{< name args >}}`) and JSX
//! elements (`<TabItem value="x" label="Y">`), with the ranges of their
//! prose.

use std::ops::Range;

use model::{Container, SegmentKind};

use super::{Tag, TagKind};

/// A Docusaurus, VitePress or Starlight fence: `:::kind`, `:::kind Title`,
/// `:::kind[Title]`, `:::kind{attrs}`, and `:::` that closes; any number of
/// colons from three (more for an outer fence). The whole line.
pub(crate) fn directive(text: &str) -> Option<Tag> {
    let colons = text.bytes().take_while(|&b| b == b':').count();
    if colons < 3 {
        return None;
    }
    let line_end = text.find(['\n', '\r']).unwrap_or(text.len());
    let line = &text[..line_end];
    let rest = &line[colons..];
    if rest.trim().is_empty() {
        return Some(Tag {
            kind: TagKind::Close,
            name: ":::".to_owned(),
            len: line.trim_end().len(),
            container: None,
            prose: Vec::new(),
            shape: ":::".to_owned(),
        });
    }
    let kind_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    if kind_len == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let kind = &rest[..kind_len];
    let after = &rest[kind_len..];
    let at = colons + kind_len;
    let mut prose = Vec::new();
    if let Some(bracketed) = after.strip_prefix('[') {
        // `:::tip[Title]`, perhaps followed by `{attrs}`.
        let close = bracketed.rfind(']')?;
        let title = at + 1..at + 1 + close;
        if has_letters(&text[title.clone()]) {
            prose.push((title, SegmentKind::AdmonitionTitle));
        }
        let tail = bracketed[close + 1..].trim();
        if !(tail.is_empty() || (tail.starts_with('{') && tail.ends_with('}'))) {
            return None;
        }
    } else if after.starts_with([' ', '\t']) {
        // `:::note Title`: the rest of the line, without trailing `{attrs}`.
        let title_text = after.trim();
        let start = at + (after.len() - after.trim_start().len());
        let mut end = start + title_text.len();
        if let Some(open) = title_text.rfind('{')
            && title_text.ends_with('}')
        {
            end = start + title_text[..open].trim_end().len();
        }
        if end > start && has_letters(&text[start..end]) {
            prose.push((start..end, SegmentKind::AdmonitionTitle));
        }
    } else if !(after.trim().is_empty() || after.starts_with('{')) {
        return None;
    }
    Some(Tag {
        kind: TagKind::Open,
        name: ":::".to_owned(),
        len: line.trim_end().len(),
        container: Some(Container::Directive {
            kind: kind.to_owned(),
        }),
        prose,
        shape: format!(":::{kind}"),
    })
}

/// A Hugo shortcode: `{{< name args >}}`, `{{% name args %}}`, a closer
/// `{{< /name >}}` or a self-closing `{{< name />}}`. Arguments named in
/// `prose` (`title="…"`) and a tab's first positional argument are prose.
pub(crate) fn shortcode(text: &str, prose_names: &[String]) -> Option<Tag> {
    let rest = text.strip_prefix("{{")?;
    let (delimiter, close) = match rest.as_bytes().first()? {
        b'<' => ('<', ">}}"),
        b'%' => ('%', "%}}"),
        _ => return None,
    };
    let inner_start = 3;
    let end = rest.find(close)?;
    let inner = &text[inner_start..2 + end];
    // `{{</* x */>}}` shows a shortcode without running it.
    if inner.trim_start().starts_with("/*") {
        return None;
    }
    let len = 2 + end + close.len();
    let trimmed = inner.trim_start();
    let lead = inner.len() - trimmed.len();
    let (closing, body) = match trimmed.strip_prefix('/') {
        Some(b) => (true, b.trim_start()),
        None => (false, trimmed),
    };
    let body_at = inner_start + lead + (trimmed.len() - body.len());
    // A name may hold slashes (`homepage/signal`, a shortcode in a
    // folder); a slash at its end closes the tag (`{{< br/>}}`).
    let name_len = body
        .char_indices()
        .find(|&(k, c)| c.is_whitespace() || (c == '/' && body[k + 1..].trim().is_empty()))
        .map_or(body.len(), |(k, _)| k);
    let name = &body[..name_len];
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
    {
        return None;
    }
    let shown = |name: &str, args: &str| {
        let args = if args.is_empty() {
            String::new()
        } else {
            format!(" {args}")
        };
        match delimiter {
            '<' => format!("{{{{< {name}{args} >}}}}"),
            _ => format!("{{{{% {name}{args} %}}}}"),
        }
    };
    if closing {
        return Some(Tag {
            kind: TagKind::Close,
            name: name.to_owned(),
            len,
            container: None,
            prose: Vec::new(),
            shape: shown(&format!("/{name}"), ""),
        });
    }
    let args_text = &body[name_len..];
    let self_closing = args_text.trim_end().ends_with('/');
    let args_at = body_at + name_len;
    let mut prose = Vec::new();
    let mut kept = Vec::new();
    for (k, arg) in arguments(args_text.trim_end().trim_end_matches('/'))
        .into_iter()
        .enumerate()
    {
        let value = &args_text[arg.value.clone()];
        let is_prose = match &arg.key {
            Some(key) => prose_key(key, prose_names),
            None => k == 0 && name == "tab",
        } && is_prose_value(value);
        if is_prose {
            let value = trim_range(args_text, arg.value);
            let range = args_at + value.start..args_at + value.end;
            prose.push((range, SegmentKind::Argument));
        } else {
            kept.push(args_text[arg.whole].to_owned());
        }
    }
    Some(Tag {
        kind: if self_closing {
            TagKind::Single
        } else {
            TagKind::Maybe
        },
        name: name.to_owned(),
        len,
        container: Some(Container::Shortcode {
            name: name.to_owned(),
        }),
        prose,
        shape: shown(name, &kept.join(" ")),
    })
}

/// A JSX element tag that starts a line: `<Name attrs>`, `<Name attrs />`
/// or `</Name>`, for a capitalised component name or `details`; attribute
/// values may be strings or `{expressions}` spanning lines. Attributes
/// named in `prose` are prose.
pub(crate) fn element(text: &str, prose_names: &[String]) -> Option<Tag> {
    let rest = text.strip_prefix('<')?;
    let (closing, body) = match rest.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, rest),
    };
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
        .unwrap_or(body.len());
    let name = &body[..name_len];
    let component = name.starts_with(|c: char| c.is_ascii_uppercase());
    if !(component || name == "details") {
        return None;
    }
    let body_at = 1 + usize::from(closing) + name_len;
    // Up to the `>` that ends the tag, outside quotes and braces.
    let bytes = text.as_bytes();
    let mut i = body_at;
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let end = loop {
        let &b = bytes.get(i)?;
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'' | b'`') => quote = Some(b),
            (None, b'{') => depth += 1,
            (None, b'}') => depth = depth.checked_sub(1)?,
            (None, b'>') if depth == 0 => break i,
            (None, b'<') if depth == 0 => return None,
            _ => {}
        }
        i += 1;
    };
    let len = end + 1;
    if closing {
        if !text[body_at..end].trim().is_empty() {
            return None;
        }
        return Some(Tag {
            kind: TagKind::Close,
            name: name.to_owned(),
            len,
            container: None,
            prose: Vec::new(),
            shape: format!("</{name}>"),
        });
    }
    let attrs_text = &text[body_at..end];
    let self_closing = attrs_text.trim_end().ends_with('/');
    let mut prose = Vec::new();
    let mut kept = Vec::new();
    for arg in arguments(attrs_text.trim_end().trim_end_matches('/')) {
        let value = &attrs_text[arg.value.clone()];
        let quoted = arg.quoted;
        let is_prose = quoted
            && arg.key.as_ref().is_some_and(|k| prose_key(k, prose_names))
            && is_prose_value(value);
        if is_prose {
            let value = trim_range(attrs_text, arg.value);
            prose.push((
                body_at + value.start..body_at + value.end,
                SegmentKind::Argument,
            ));
        } else {
            kept.push(
                attrs_text[arg.whole]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    let args = if kept.is_empty() {
        String::new()
    } else {
        format!(" {}", kept.join(" "))
    };
    Some(Tag {
        kind: if self_closing {
            TagKind::Single
        } else {
            TagKind::Open
        },
        name: name.to_owned(),
        len,
        container: Some(Container::Element {
            name: name.to_owned(),
        }),
        prose,
        shape: if self_closing {
            format!("<{name}{args} />")
        } else {
            format!("<{name}{args}>")
        },
    })
}

/// One argument of a shortcode or attribute of an element: its key (none
/// for a positional argument), its value's range without quotes, and the
/// range of the whole argument, relative to the text parsed.
#[derive(Debug)]
struct Argument {
    key: Option<String>,
    value: Range<usize>,
    whole: Range<usize>,
    quoted: bool,
}

/// The arguments of `text`: `key="value"`, `key='value'`, `key=value`,
/// `key={expression}`, `"positional"`, `positional` or a bare `key`.
fn arguments(text: &str) -> Vec<Argument> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut key = None;
        // A key: letters, digits, `-`, `_`, `:` up to `=`.
        let key_len = text[i..]
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))
            .unwrap_or(text.len() - i);
        if key_len > 0 && bytes.get(i + key_len) == Some(&b'=') {
            key = Some(text[i..i + key_len].to_owned());
            i += key_len + 1;
        }
        let (value, quoted, next) = match bytes.get(i) {
            Some(&q @ (b'"' | b'\'' | b'`')) => match text[i + 1..].find(q as char) {
                Some(close) => (i + 1..i + 1 + close, true, i + close + 2),
                None => (i + 1..text.len(), true, text.len()),
            },
            Some(b'{') => {
                let mut depth = 0usize;
                let mut j = i;
                while j < bytes.len() {
                    match bytes[j] {
                        b'{' => depth += 1,
                        b'}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                let end = (j + 1).min(text.len());
                (i..end, false, end)
            }
            _ => {
                let len = text[i..]
                    .find(char::is_whitespace)
                    .unwrap_or(text.len() - i);
                (i..i + len, false, i + len)
            }
        };
        out.push(Argument {
            key,
            value,
            whole: start..next,
            quoted,
        });
        i = next.max(start + 1);
    }
    out
}

/// Whether an argument's value reads as prose: it has letters and is not a
/// boolean, a number or a path.
/// Whether an argument named `key` is prose: one of `prose_names`, or a
/// name that ends in one as its last word (`imageAlt`, `ctaText`,
/// `hero_title`: the site's own shortcodes name their text so).
fn prose_key(key: &str, prose_names: &[String]) -> bool {
    prose_names.iter().any(|p| {
        if key == p {
            return true;
        }
        let Some(at) = key.len().checked_sub(p.len()).filter(|&at| at > 0) else {
            return false;
        };
        let (head, tail) = (&key[..at], &key[at..]);
        let capitalised = tail.starts_with(|c: char| c.is_ascii_uppercase())
            && head.ends_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit());
        let separated = head.ends_with(['_', '-']);
        tail.eq_ignore_ascii_case(p) && (capitalised || separated)
    })
}

fn is_prose_value(value: &str) -> bool {
    let v = value.trim();
    let path_like = v.contains('/') && !v.contains(' ');
    has_letters(v) && !matches!(v, "true" | "false") && !path_like && !v.starts_with("http")
}

fn has_letters(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
}

/// `range` of `text` without surrounding whitespace.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    start..start + slice.trim().len()
}

#[cfg(test)]
mod tests {
    use super::{prose_key, shortcode};

    #[test]
    fn an_argument_named_for_its_text_is_prose() {
        let names: Vec<String> = ["alt", "text", "title", "label"]
            .iter()
            .map(|n| (*n).to_owned())
            .collect();
        for key in ["alt", "imageAlt", "ctaText", "hero_title", "button-label"] {
            assert!(prose_key(key, &names), "{key}");
        }
        for key in ["salt", "context", "subtitles", "Alt", "url", "altText2"] {
            assert!(!prose_key(key, &names), "{key}");
        }
    }

    #[test]
    fn a_shortcode_in_a_folder_keeps_its_whole_name() {
        let prose = vec!["title".to_owned()];
        let open = shortcode(
            "{{< homepage/signal name=\"Traces\" url=\"/docs/\" >}}",
            &prose,
        )
        .expect("a shortcode");
        assert_eq!(open.name, "homepage/signal");
        assert_eq!(
            open.shape,
            "{{< homepage/signal name=\"Traces\" url=\"/docs/\" >}}"
        );
        let close = shortcode("{{% /homepage/signal %}}", &prose).expect("a closer");
        assert_eq!(close.shape, "{{% /homepage/signal %}}");
        let single = shortcode("{{< br/>}}", &prose).expect("a single tag");
        assert_eq!(single.name, "br");
    }
}
