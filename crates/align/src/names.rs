//! Names: words that stay as they are in every language (products,
//! organisations, protocols). Configured (a glossary's do-not-translate
//! list) or learned from a page's translations: capitalised tokens of the
//! source that most translations keep verbatim.

use crate::facts::prose;
use model::hash::{FastMap, FastSet};

/// A set of names. Single-word names are looked up by token; names of
/// several words by a search of the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    single: FastSet<String>,
    multi: Vec<String>,
    /// Those added by [`Names::extend_learned`].
    learned: FastSet<String>,
}

impl Names {
    pub fn new<I, S>(names: I) -> Names
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut out = Names::default();
        out.extend(names);
        out
    }

    /// Adds names; blank ones are ignored.
    pub fn extend<I, S>(&mut self, names: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        for name in names {
            let name: String = name.into();
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            if tokens(name).count() == 1 && tokens(name).next().map(|(_, t)| t) == Some(name) {
                self.single.insert(name.to_owned());
            } else if !self.multi.iter().any(|m| m == name) {
                self.multi.push(name.to_owned());
            }
        }
    }

    pub fn len(&self) -> usize {
        self.single.len() + self.multi.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every name, configured or learned.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.single.iter().chain(&self.multi).map(String::as_str)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.single.contains(name) || self.multi.iter().any(|m| m == name)
    }

    /// Adds names learned from translations (see [`learn_names`]); unlike
    /// configured ones they are evidence only where the source has them.
    pub fn extend_learned<I, S>(&mut self, names: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        for name in names {
            let name: String = name.into();
            if !self.contains(&name) {
                self.learned.insert(name.clone());
                self.extend([name]);
            }
        }
    }

    /// Whether `name` was configured (not only learned).
    pub fn is_configured(&self, name: &str) -> bool {
        self.contains(name) && !self.learned.contains(name)
    }

    /// The names in `prose`, with their byte offsets, in text order. A
    /// name of several words is found where it starts and ends at word
    /// boundaries.
    pub(crate) fn find(&self, prose: &str) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = Vec::new();
        if !self.single.is_empty() {
            // A plural of a name is the name (`VPNs`, `Passkeys`).
            let name = |t: &str| -> Option<String> {
                if self.single.contains(t) {
                    return Some(t.to_owned());
                }
                let singular = t.strip_suffix('s')?;
                self.single.contains(singular).then(|| singular.to_owned())
            };
            for (at, t) in tokens(prose) {
                if let Some(n) = name(t) {
                    out.push((at, n));
                } else if t.contains('-') {
                    // A compound with a name: `VPN-provider`, `Signal-app`.
                    let mut offset = at;
                    for part in t.split('-') {
                        if let Some(n) = name(part) {
                            out.push((offset, n));
                        }
                        offset += part.len() + 1;
                    }
                }
            }
        }
        for name in &self.multi {
            let mut from = 0;
            while let Some(k) = prose[from..].find(name.as_str()) {
                let at = from + k;
                let end = at + name.len();
                let before = prose[..at].chars().next_back();
                let after = prose[end..].chars().next();
                if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
                    out.push((at, name.clone()));
                }
                from = end;
            }
        }
        out.sort();
        out
    }
}

/// A character of a name token: a letter or digit of the Latin script
/// (names stay in Latin letters in translations into other scripts, where
/// they sit next to letters of that script without a space).
pub(crate) fn is_word(c: char) -> bool {
    // Cheap tests first: most characters of a translation are ASCII or
    // beyond Latin, and neither needs Unicode's tables.
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        (c as u32) < 0x250 && c.is_alphanumeric()
    }
}

/// What a byte may be in a token: an ASCII letter or digit ([`ALNUM`]),
/// the first byte of a character from U+0080 to U+024F, which may be a
/// Latin letter ([`LATIN_LEAD`]), or neither (0).
const BYTE: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() {
            table[b] = ALNUM;
        } else if byte >= 0xC2 && byte <= 0xC9 {
            table[b] = LATIN_LEAD;
        }
        b += 1;
    }
    table
};
const ALNUM: u8 = 1;
const LATIN_LEAD: u8 = 2;

/// The tokens of `text` with their byte offsets: runs of Latin letters and
/// digits, joined by one `-`, `_`, `.` or `+` between two of them
/// (`F-Droid`, `Node.js`; `Signal's` is `Signal` and `s`).
pub(crate) fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // The next word character: only an ASCII letter or digit, or a
        // character whose first byte is 0xC2 to 0xC9 (U+0080 to U+024F),
        // can be one, so other bytes are passed over without decoding.
        let start = loop {
            at += bytes[at..]
                .iter()
                .position(|&b| BYTE[usize::from(b)] != 0)?;
            if bytes[at].is_ascii() {
                break at;
            }
            let c = text[at..].chars().next()?;
            if is_word(c) {
                break at;
            }
            at += c.len_utf8();
        };
        // Then word characters (the first among them), ASCII ones a byte
        // at a time, and a joiner (all ASCII) when a word character follows.
        let mut end = start;
        while let Some(&b) = bytes.get(end) {
            if BYTE[usize::from(b)] == ALNUM {
                end += 1;
            } else if b.is_ascii() {
                let joins = matches!(b, b'-' | b'_' | b'.' | b'+')
                    && text[end + 1..].chars().next().is_some_and(is_word);
                if !joins {
                    break;
                }
                end += 1;
            } else {
                match text[end..].chars().next() {
                    Some(c) if is_word(c) => end += c.len_utf8(),
                    _ => break,
                }
            }
        }
        at = end;
        Some((start, &text[start..end]))
    })
}

/// Names learned from one page: capitalised tokens of the `source` text
/// (letters, with at least one upper case; three or more, or two capitals)
/// that appear verbatim in more
/// than half of its `translations` (at least two are needed). Code, URLs
/// and link targets are not read. A translation that still holds most of
/// the source's lower-case words is left in the source language (an export
/// fills untranslated strings with the source) and says nothing: it is
/// not counted, and so is a line of a translation that is in the source
/// language (a page translated in part keeps the source's names in its
/// untranslated lines, and ordinary capitalised words with them). Sorted.
pub fn learn_names(source: &str, translations: &[&str]) -> Vec<String> {
    let source = prose(source);
    // Candidates, with how often the source uses each.
    let mut candidates: FastMap<&str, usize> = FastMap::default();
    for (_, t) in tokens(&source) {
        // Capitalised words, not measures (`100MB`).
        let word = t.chars().next().is_some_and(char::is_alphabetic);
        let long_or_acronym = t.chars().count() >= 3
            || (t.chars().count() == 2
                && t.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()));
        if word && long_or_acronym && t.chars().any(char::is_uppercase) {
            *candidates.entry(t).or_default() += 1;
        }
    }
    let common: FastSet<&str> = tokens(&source)
        .map(|(_, t)| t)
        .filter(|t| t.len() >= 3 && t.chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    // What a translation's word may be, looked up once per word: a
    // candidate, and the number of a common word.
    let mut known: FastMap<&str, (bool, Option<usize>)> = FastMap::default();
    for &t in candidates.keys() {
        known.entry(t).or_default().0 = true;
    }
    for (k, &t) in common.iter().enumerate() {
        known.entry(t).or_default().1 = Some(k);
    }
    let mut votes: FastMap<&str, usize> = FastMap::default();
    let mut counted = 0;
    let mut seen = vec![false; common.len()];
    for translation in translations {
        let translation = prose(translation);
        let mut uses: FastMap<&str, usize> = FastMap::default();
        seen.fill(false);
        for line in translation.split('\n') {
            let mut line_uses: Vec<&str> = Vec::new();
            let (mut lower, mut kept_here) = (0usize, 0usize);
            for (_, t) in tokens(line) {
                if t.len() >= 3 && t.chars().all(|c| c.is_ascii_lowercase()) {
                    lower += 1;
                }
                let Some(&(candidate, common_word)) = known.get(t) else {
                    continue;
                };
                if let Some(k) = common_word {
                    seen[k] = true;
                    kept_here += 1;
                }
                if candidate {
                    line_uses.push(t);
                }
            }
            // A line in the source language says nothing about names.
            if lower >= 4 && kept_here * 2 >= lower {
                continue;
            }
            for t in line_uses {
                *uses.entry(t).or_default() += 1;
            }
        }
        let kept = seen.iter().filter(|&&s| s).count();
        if common.len() >= 10 && kept * 2 > common.len() {
            continue;
        }
        counted += 1;
        // A name is kept nearly everywhere the source has it; a common
        // word that is also part of a name (`Privacy` of `Privacy Guides`)
        // is kept only in the name, fewer times.
        for (t, n) in uses {
            let (key, in_source) = candidates.get_key_value(t).expect("a candidate");
            if n * 5 >= in_source * 4 {
                *votes.entry(key).or_default() += 1;
            }
        }
    }
    if counted < 2 {
        return Vec::new();
    }
    let mut out: Vec<String> = votes
        .into_iter()
        .filter(|&(_, n)| n * 2 > counted)
        .map(|(t, _)| t.to_owned())
        .collect();
    out.sort();
    out
}
