//! A segment's facts: what must survive translation whatever the language.
//! Read from a segment's inline text by a character scan: link targets and
//! image sources (`](…)`), bare and angle-bracket URLs, inline code, icon
//! shortcodes (`:octicons-home-16:`), template placeholders (Hugo
//! shortcodes, MDN macros), footnote references, strong/emphasis
//! and link counts, and numbers normalised across locales (`1,000`,
//! `1.000`, `1 000` with any space are all 1000; `1,5` and `1.5` are 1.5),
//! spelled-out numbers in the text's language (`tre` and `three` are 3),
//! and the names of a [`Names`] set.

use std::borrow::Cow;

use crate::names::{Names, tokens};
use crate::words::{Language, words};

/// How to read a text's facts: its language (for spelled-out numbers) and
/// the names to look for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reading<'a> {
    pub language: Language,
    pub names: Option<&'a Names>,
}

impl Reading<'_> {
    /// The facts of each of `texts`, read this way.
    pub fn facts_of<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> Vec<Facts> {
        texts.into_iter().map(|t| facts_in(t, self)).collect()
    }
}

/// The facts of one segment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Normalised numbers, in text order.
    pub numbers: Vec<String>,
    /// Those of `numbers` that were spelled out in words.
    pub spelled: Vec<String>,
    /// Link targets and bare URLs.
    pub urls: Vec<String>,
    pub images: Vec<String>,
    /// Inline code, without its backticks.
    pub code: Vec<String>,
    /// Icon shortcodes, without their colons.
    pub icons: Vec<String>,
    /// Footnote references (`[^1]` → `1`).
    pub footnotes: Vec<String>,
    /// Template placeholders as they compare (`{{cssxref(color)}}`,
    /// `{{% param version %}}`): see `model::text::placeholder_shape`.
    pub placeholders: Vec<String>,
    /// Names found (configured or learned), in text order.
    pub names: Vec<String>,
    pub links: usize,
    pub strong: usize,
    pub emphasis: usize,
    /// Inline attribute lists (`{ .card title="x" }`).
    pub attributes: usize,
}

impl Facts {
    /// Every fact with the tag of its kind, in no particular order: the
    /// items of [`Facts::tokens`] without making strings of them.
    pub fn tagged(&self) -> impl Iterator<Item = (u8, &str)> {
        [
            (b'n', &self.numbers),
            (b'u', &self.urls),
            (b'i', &self.images),
            (b'c', &self.code),
            (b'k', &self.icons),
            (b'f', &self.footnotes),
            (b'p', &self.placeholders),
            (b'w', &self.names),
        ]
        .into_iter()
        .flat_map(|(tag, items)| {
            items.iter().map(move |i| {
                let item = if tag == b'u' { without_locale(i) } else { i };
                (tag, item)
            })
        })
    }

    /// Every fact as one tagged token, sorted: the multiset alignment compares.
    pub fn tokens(&self) -> Vec<String> {
        self.sorted()
            .into_iter()
            .map(|(tag, item)| {
                let mut token = String::with_capacity(item.len() + 1);
                token.push(char::from(tag));
                token.push_str(item);
                token
            })
            .collect()
    }

    /// [`Facts::tokens`] without making strings of them: each fact with its
    /// tag, in the same order (a tag is one ASCII byte, so ordering by tag
    /// then text is ordering the tokens).
    pub fn sorted(&self) -> Vec<(u8, &str)> {
        let mut out: Vec<(u8, &str)> = self.tagged().collect();
        out.sort_unstable();
        out
    }
}

/// A site path without its leading locale (`/en-US/docs/Web` and
/// `/de/docs/Web` are both `/docs/Web`): a translation links to its own
/// locale's copy of a page, the same fact.
pub fn without_locale(url: &str) -> &str {
    let Some(rest) = url.strip_prefix('/') else {
        return url;
    };
    let Some(slash) = rest.find('/') else {
        return url;
    };
    let (language, region) = rest[..slash]
        .split_once('-')
        .unwrap_or((&rest[..slash], ""));
    let locale = language.len() == 2
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && (region.is_empty()
            || ((2..=4).contains(&region.len())
                && region.bytes().all(|b| b.is_ascii_alphanumeric())));
    if locale { &rest[slash..] } else { url }
}

/// The facts of `text`, a segment's inline Markdown: digits only, no names.
pub fn facts(text: &str) -> Facts {
    facts_in(text, &Reading::default())
}

/// The facts of `text` read as `reading` says.
pub fn facts_in(text: &str, reading: &Reading<'_>) -> Facts {
    let (mut facts, prose) = scan(text, true);
    let mut numbers = numbers(&prose);
    if let Some(table) = words(reading.language) {
        let found = spelled(&prose, table);
        facts.spelled = found.iter().map(|(_, n)| n.clone()).collect();
        numbers.extend(found);
        numbers.sort_by_key(|(at, _)| *at);
    }
    facts.numbers = numbers.into_iter().map(|(_, n)| n).collect();
    if let Some(names) = reading.names {
        facts.names = names.find(&prose).into_iter().map(|(_, n)| n).collect();
    }
    facts
}

/// `text` with code, link targets, URLs, icons, footnote references and
/// emphasis markers blanked: the words a reader reads.
pub fn prose(text: &str) -> String {
    scan(text, false).1
}

/// Spelled-out numbers in `prose`, longest phrase first, with their offsets.
fn spelled(prose: &str, table: &crate::words::Words) -> Vec<(usize, String)> {
    let words: Vec<(usize, &str)> = tokens(prose).collect();
    // Most words are lower-case ASCII already: no copy for them.
    let lower: Vec<Cow<'_, str>> = words
        .iter()
        .map(|&(_, w)| {
            if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase())
            }
        })
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let head = lower[k].split('-').next().unwrap_or_default();
        if !table.first.contains(lower[k].as_ref()) && !table.first.contains(head) {
            k += 1;
            continue;
        }
        let mut found = None;
        for len in (1..=table.longest.min(words.len() - k)).rev() {
            // A phrase's words are separated by spaces only.
            let spaced = (k..k + len - 1).all(|w| {
                let end = words[w].0 + words[w].1.len();
                prose[end..words[w + 1].0].chars().all(char::is_whitespace)
            });
            if !spaced {
                continue;
            }
            let value = if len == 1 {
                table.values.get(lower[k].as_ref())
            } else {
                table.values.get(&lower[k..k + len].join(" "))
            };
            if let Some(&value) = value {
                found = Some((len, value));
                break;
            }
            // `two-factor`: a number word before a hyphen.
            if len == 1
                && let Some(&value) = table.values.get(head)
            {
                found = Some((1, value));
                break;
            }
        }
        match found {
            Some((len, value)) => {
                out.push((words[k].0, value.to_string()));
                k += len;
            }
            None => k += 1,
        }
    }
    out
}

/// The bytes at which [`scan`] may find something other than prose (all
/// ASCII, so a run of other bytes ends on a character boundary).
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let bytes = b"[]`h<:{*_";
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// The facts a character scan finds, and the prose left after them; the
/// facts that are texts only when `keep` (counts always).
fn scan(text: &str, keep: bool) -> (Facts, String) {
    let mut facts = Facts::default();
    // Where the last `[` was, for telling an image's `](` from a link's.
    let mut last_open: Option<usize> = None;
    // The text with code, link targets, URLs and icons blanked, for numbers.
    let mut prose = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        let b = bytes[i];
        if b == b'[' {
            last_open = Some(i);
        }
        if b == b'`' {
            let ticks = rest.bytes().take_while(|&c| c == b'`').count();
            let fence = &rest[..ticks];
            if let Some(end) = rest[ticks..].find(fence) {
                if keep {
                    facts.code.push(rest[ticks..ticks + end].trim().to_owned());
                }
                prose.push(' ');
                i += ticks + end + ticks;
                continue;
            }
        }
        if b == b']'
            && rest.starts_with("](")
            && let Some(end) = rest.find(')')
        {
            let inside = rest[2..end].trim();
            let target = inside.split_whitespace().next().unwrap_or_default();
            let target = target.trim_start_matches('<').trim_end_matches('>');
            // The nearest opening bracket before `]` belongs to an image.
            let image = last_open.is_some_and(|open| open > 0 && bytes[open - 1] == b'!');
            if image {
                if keep {
                    facts.images.push(target.to_owned());
                }
            } else {
                facts.links += 1;
                if keep {
                    facts.urls.push(target.to_owned());
                }
            }
            prose.push(' ');
            i += end + 1;
            continue;
        }
        // A reference link, `[text][label]` or `[text][]`: its label is the
        // fact (`[label]`), resolved where the page's definitions are known.
        if b == b']'
            && rest.starts_with("][")
            && let Some(open) = last_open
            && let Some(end) = rest[2..].find(']')
            && !rest[2..2 + end].contains(['[', '\n'])
        {
            let label = if end == 0 {
                &text[open + 1..i]
            } else {
                &rest[2..2 + end]
            };
            let image = open > 0 && bytes[open - 1] == b'!';
            if !image && !label.trim().is_empty() {
                facts.links += 1;
                if keep {
                    facts
                        .urls
                        .push(format!("[{}]", label.trim().to_lowercase()));
                }
                prose.push(' ');
                i += 2 + end + 1;
                continue;
            }
        }
        if b == b'['
            && rest.starts_with("[^")
            && let Some(end) = rest.find(']')
        {
            if keep {
                facts.footnotes.push(rest[2..end].to_owned());
            }
            prose.push(' ');
            i += end + 1;
            continue;
        }
        if (b == b'h' || b == b'<')
            && let Some(len) = url_at(rest)
        {
            let autolink = b == b'<';
            let url = rest[..len].trim_start_matches('<').trim_end_matches('>');
            // A link whose text is its URL (`[https://x](https://x)`): the
            // target is the fact.
            let link_text = i > 0 && bytes[i - 1] == b'[' && rest[len..].starts_with("](");
            if autolink {
                facts.links += 1;
            }
            if keep && !link_text {
                facts.urls.push(url.to_owned());
            }
            prose.push(' ');
            i += len;
            continue;
        }
        // An HTML tag's attributes (`<img width="32">`) are no prose.
        if b == b'<'
            && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
            && let Some(end) = rest.find(['>', '\n'])
            && rest.as_bytes()[end] == b'>'
        {
            prose.push(' ');
            i += end + 1;
            continue;
        }
        if b == b':'
            && let Some(len) = icon_at(rest)
        {
            if keep {
                facts.icons.push(rest[1..len - 1].to_owned());
            }
            prose.push(' ');
            i += len;
            continue;
        }
        if b == b'{'
            && rest.starts_with("{{")
            && let Some(len) = model::text::placeholder_len(rest)
        {
            if keep {
                facts
                    .placeholders
                    .push(model::text::placeholder_shape(&rest[..len]));
            }
            prose.push(' ');
            i += len;
            continue;
        }
        if b == b'{'
            && let Some(end) = rest.find('}')
        {
            // Counted only: its words (a `title=` value) stay prose.
            let inner = rest[1..end].trim_start();
            if inner.starts_with(['.', '#', ':']) || inner.contains('=') {
                facts.attributes += 1;
            }
        }
        if b == b'*' || b == b'_' {
            let run = rest.bytes().take_while(|&c| c == b).count();
            // Count openers only: a run followed by a non-space.
            let opens = rest[run..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace());
            // Inside a word in any script (`snake_case`, `Größe_`), `_` is not emphasis.
            let word_inside = b == b'_'
                && text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            if opens && !word_inside {
                match run {
                    1 => facts.emphasis += 1,
                    2 => facts.strong += 1,
                    _ => {
                        facts.strong += 1;
                        facts.emphasis += 1;
                    }
                }
            }
            prose.push(' ');
            i += run;
            continue;
        }
        // Up to the next byte that may start something above, as it is.
        let run = 1 + bytes[i + 1..]
            .iter()
            .position(|&b| SPECIAL[usize::from(b)])
            .unwrap_or(bytes.len() - i - 1);
        prose.push_str(&text[i..i + run]);
        i += run;
    }
    // Emphasis markers come in pairs; an opener is counted once per pair.
    facts.strong = facts.strong.div_ceil(2);
    facts.emphasis = facts.emphasis.div_ceil(2);
    (facts, prose)
}

/// The length of a URL starting `rest` (`https://…`, `http://…` or `<…>`).
fn url_at(rest: &str) -> Option<usize> {
    if let Some(inner) = rest.strip_prefix('<') {
        let end = inner.find('>')?;
        let url = &inner[..end];
        return (url.starts_with("http://")
            || url.starts_with("https://")
            || url.starts_with("mailto:"))
        .then_some(end + 2);
    }
    if !(rest.starts_with("https://") || rest.starts_with("http://")) {
        return None;
    }
    let mut len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ')' | '"' | '>' | ']'))
        .unwrap_or(rest.len());
    // Sentence punctuation after a URL is not part of it.
    while len > 0
        && matches!(
            rest.as_bytes()[len - 1],
            b'.' | b',' | b';' | b':' | b'!' | b'?'
        )
    {
        len -= 1;
    }
    Some(len)
}

/// The length of an icon shortcode `:set-name:` starting `rest`.
fn icon_at(rest: &str) -> Option<usize> {
    let inner = &rest[1..];
    // The name runs up to the first byte that cannot be in one, which must
    // be the closing `:` (so a lone colon in prose is not searched past).
    let end = inner
        .bytes()
        .position(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))?;
    let name = &inner[..end];
    let valid = inner.as_bytes()[end] == b':'
        && name.len() >= 3
        && name.contains('-')
        && !name.starts_with('-')
        && !name.ends_with('-');
    valid.then_some(end + 2)
}

/// A space inside a number: ASCII, no-break, narrow no-break, thin.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Numbers in `text`, normalised, with their byte offsets: group
/// separators (`,` `.` or a space followed by exactly three digits)
/// removed, a decimal comma made a point.
fn numbers(text: &str) -> Vec<(usize, String)> {
    let mut out = cjk_numbers(text);
    let text = &*crate::numerals::ascii_digits(text);
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |k: usize| chars.get(k).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_ascii_digit() || (i > 0 && crate::numerals::glues(chars[i - 1].1)) {
            i += 1;
            continue;
        }
        let at = chars[i].0;
        let mut groups: Vec<(Option<char>, String)> = Vec::new();
        let mut current = String::new();
        let mut separator = None;
        while i < chars.len() {
            let c = chars[i].1;
            if c.is_ascii_digit() {
                current.push(c);
                i += 1;
                continue;
            }
            // A space groups only short leading groups and exactly three
            // digits after it: `1 000 000`, not `2016 100`.
            let three_after = (1..=3).all(|k| digit(i + k)) && !digit(i + 4);
            let space_ok = is_group_space(c) && three_after && current.len() <= 3;
            if ((c == '.' || c == ',') && digit(i + 1)) || space_ok {
                groups.push((separator, std::mem::take(&mut current)));
                separator = Some(c);
                i += 1;
                continue;
            }
            break;
        }
        groups.push((separator, current));
        if !address(&groups) {
            out.push((at, normalise(&groups)));
        }
    }
    out.sort_by_key(|(at, _)| *at);
    out
}

/// Digit groups that make an address or a version, not a quantity: four
/// groups joined by dots (`192.168.1.10`), or three or more of which one
/// after the first is not three digits long (`1.2.10`; `1.000.000` is a
/// million).
fn address(groups: &[(Option<char>, String)]) -> bool {
    let dotted = groups.iter().skip(1).all(|(s, _)| *s == Some('.'));
    dotted
        && (groups.len() == 4
            || (groups.len() >= 3 && groups.iter().skip(1).any(|(_, d)| d.len() != 3)))
}

/// Chinese and Japanese numerals before a counter, when there are any.
fn cjk_numbers(text: &str) -> Vec<(usize, String)> {
    if text.is_ascii() {
        return Vec::new();
    }
    crate::numerals::cjk_numbers(text)
}

/// Joins digit groups: a separator before exactly three digits groups
/// thousands; any other `.` or `,` is the decimal point. A space before a
/// group that is not three digits ends the number (two numbers).
fn normalise(groups: &[(Option<char>, String)]) -> String {
    let mut integer = String::new();
    let mut decimal: Option<String> = None;
    for (separator, digits) in groups {
        match separator {
            None => integer.push_str(digits),
            Some(_) if decimal.is_none() && digits.len() == 3 => integer.push_str(digits),
            Some(s) if !is_group_space(*s) && decimal.is_none() => decimal = Some(digits.clone()),
            Some(_) => {}
        }
    }
    let integer = integer.trim_start_matches('0');
    let integer = if integer.is_empty() { "0" } else { integer };
    match decimal {
        Some(d) => format!("{integer}.{d}"),
        None => integer.to_owned(),
    }
}
