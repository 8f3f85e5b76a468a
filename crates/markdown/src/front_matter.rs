//! The translatable values of front matter, read line by line: only
//! top-level entries whose key is configured. YAML `key: value` with plain,
//! quoted or block (`|`, `>`) scalars; TOML `key = "value"` with basic or
//! literal strings on one line. Everything else stays in the skeleton.

use std::ops::Range;

/// For each translatable value of the front-matter `block` (with or without
/// its `---` lines), the ranges of its text, one per line.
pub(crate) fn values(block: &str, keys: &[String]) -> Vec<Vec<Range<usize>>> {
    let lines: Vec<(usize, &str)> = block
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((
                start,
                line.strip_suffix('\n')
                    .unwrap_or(line)
                    .trim_end_matches('\r'),
            ))
        })
        .collect();
    let mut out = Vec::new();
    let mut i = usize::from(lines.first().is_some_and(|(_, l)| l.trim_end() == "---"));
    while i < lines.len() {
        let (start, line) = lines[i];
        i += 1;
        if matches!(line.trim_end(), "---" | "...") {
            break;
        }
        let Some(colon) = line.find(':') else {
            continue;
        };
        let key = &line[..colon];
        if !keys.iter().any(|k| k == key) {
            continue;
        }
        let rest = &line[colon + 1..];
        let value = rest.trim_start();
        let value_start = start + colon + 1 + (rest.len() - value.len());
        // The more-indented lines after the key: a block scalar's or a plain scalar's continuation.
        let mut following = Vec::new();
        while i < lines.len() {
            let (s, l) = lines[i];
            let indent = l.len() - l.trim_start().len();
            if l.trim().is_empty() || indent > 0 {
                following.push((s, l));
                i += 1;
            } else {
                break;
            }
        }
        while following.last().is_some_and(|(_, l)| l.trim().is_empty()) {
            following.pop();
        }
        let pieces = if value.starts_with(['|', '>']) {
            block_scalar(&following)
        } else if let Some(quote @ ('"' | '\'')) = value.chars().next() {
            quoted(value, quote)
                .map(|len| std::iter::once(value_start + 1..value_start + 1 + len).collect())
        } else {
            let plain = value.split(" #").next().unwrap_or(value).trim_end();
            let mut pieces: Vec<Range<usize>> =
                std::iter::once(value_start..value_start + plain.len()).collect();
            for (s, l) in &following {
                let content = l.trim();
                let at = s + (l.len() - l.trim_start().len());
                pieces.push(at..at + content.len());
            }
            Some(pieces).filter(|_| !plain.is_empty())
        };
        if let Some(pieces) = pieces.filter(|p| p.iter().any(|r| !r.is_empty())) {
            out.push(pieces);
        }
    }
    out
}

/// The length of a quoted scalar's content on one line, without the quotes.
fn quoted(value: &str, quote: char) -> Option<usize> {
    let bytes = value.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        let b = bytes[i];
        if quote == '"' && b == b'\\' {
            i += 2;
            continue;
        }
        if b == quote as u8 {
            if quote == '\'' && bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return value[i + 1..].trim().is_empty().then_some(i - 1);
        }
        i += 1;
    }
    None
}

/// The lines of a block scalar, without the indentation of its first line
/// (a line indented less loses only the spaces and tabs it has).
fn block_scalar(lines: &[(usize, &str)]) -> Option<Vec<Range<usize>>> {
    let indent = lines
        .iter()
        .find(|(_, l)| !l.trim().is_empty())
        .map(|(_, l)| l.len() - l.trim_start().len())?;
    let pieces = lines
        .iter()
        .map(|(s, l)| {
            let blanks = l.len() - l.trim_start_matches([' ', '\t']).len();
            s + indent.min(blanks)..s + l.len()
        })
        .collect();
    Some(pieces)
}

/// For each translatable value of TOML front matter (`+++` block), the
/// range of its text: one-line basic (`"…"`) and literal (`'…'`) strings
/// of top-level keys, before the first table.
pub(crate) fn toml_values(block: &str, keys: &[String]) -> Vec<Vec<Range<usize>>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in block.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim_start().starts_with('[') {
            break;
        }
        let Some(eq) = content.find('=') else {
            continue;
        };
        let key = content[..eq].trim().trim_matches('"');
        if !keys.iter().any(|k| k == key) {
            continue;
        }
        let rest = &content[eq + 1..];
        let value = rest.trim_start();
        let value_start = start + eq + 1 + (rest.len() - value.len());
        if let Some(quote @ ('"' | '\'')) = value.chars().next()
            && !value.starts_with("\"\"\"")
            && !value.starts_with("\'\'\'")
            && let Some(len) = quoted(value, quote)
            && len > 0
        {
            out.push(std::iter::once(value_start + 1..value_start + 1 + len).collect());
        }
    }
    out
}

/// The value of a key in a page's front matter, with its 1-based line: a
/// dotted path (`l10n.sourceCommit`) into YAML between `---` lines (nested
/// by indentation) or TOML between `+++` lines (tables `[l10n]` or dotted
/// keys). Scalars only, unquoted; `None` when the page has no such key.
pub fn front_matter_value(text: &str, key: &str) -> Option<(String, usize)> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = body.split('\n').map(|l| l.trim_end_matches('\r'));
    let fence = lines.next()?.trim_end();
    if fence != "---" && fence != "+++" {
        return None;
    }
    let wanted: Vec<&str> = key.split('.').collect();
    let toml = fence == "+++";
    // YAML: the keys open above, by indentation. TOML: the current table.
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut table: Vec<String> = Vec::new();
    for (k, line) in lines.enumerate() {
        if line.trim_end() == fence {
            return None;
        }
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (path, value) = if toml {
            if let Some(name) = trimmed.strip_prefix('[') {
                let name = name.trim_end().trim_end_matches(']').trim_matches('[');
                table = name
                    .split('.')
                    .map(|p| p.trim().trim_matches('"').to_owned())
                    .collect();
                continue;
            }
            let Some((k, v)) = trimmed.split_once('=') else {
                continue;
            };
            let mut path = table.clone();
            path.extend(k.split('.').map(|p| p.trim().trim_matches('"').to_owned()));
            (path, v.trim())
        } else {
            let indent = line.len() - trimmed.len();
            let Some((k, v)) = trimmed.split_once(':') else {
                continue;
            };
            if k.contains(' ') && !k.starts_with(['"', '\'']) {
                continue;
            }
            while open.last().is_some_and(|(i, _)| *i >= indent) {
                open.pop();
            }
            let name = k.trim().trim_matches(['"', '\'']).to_owned();
            let mut path: Vec<String> = open.iter().map(|(_, n)| n.clone()).collect();
            path.push(name.clone());
            let v = v.trim();
            if v.is_empty() {
                open.push((indent, name));
                continue;
            }
            (path, v)
        };
        if path.len() == wanted.len() && path.iter().zip(&wanted).all(|(a, b)| a == b) {
            let value = scalar(value);
            return (!value.is_empty()).then(|| (value, k + 2));
        }
    }
    None
}

/// A YAML or TOML scalar as written on its line: quotes and a trailing
/// comment taken off.
fn scalar(value: &str) -> String {
    let value = value.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote)
            && let Some(end) = inner.find(quote)
        {
            return inner[..end].to_owned();
        }
    }
    value.split(" #").next().unwrap_or(value).trim().to_owned()
}
