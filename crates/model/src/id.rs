//! Segment ids: the only place where message ids are built, so that every id
//! is a valid Fluent identifier.

use std::fmt;

use serde::Serialize;

use crate::SegmentKind;

/// A segment's id, also its Fluent message id: it matches `[a-zA-Z][a-zA-Z0-9_-]*`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct SegmentId(String);

impl SegmentId {
    /// The readable id of the `ordinal`-th segment of `kind` under the heading
    /// whose slug is `section` (see [`slug`]), for example `signal-paragraph-2`.
    pub fn derive(section: &str, kind: SegmentKind, ordinal: usize) -> SegmentId {
        SegmentId::from_slug(&slug(section), kind, ordinal)
    }

    /// Like [`SegmentId::derive`] for a section already made a slug by [`slug`].
    pub fn from_slug(section_slug: &str, kind: SegmentKind, ordinal: usize) -> SegmentId {
        debug_assert_eq!(slug(section_slug), section_slug, "the section is a slug");
        let name = kind.name();
        let mut id = String::with_capacity(section_slug.len() + name.len() + 6);
        id.push_str(section_slug);
        id.push('-');
        id.push_str(name);
        id.push('-');
        push_number(&mut id, ordinal);
        SegmentId(id)
    }

    /// Accepts an existing id (read from a catalog) if it is a valid Fluent identifier.
    pub fn parse(id: &str) -> Option<SegmentId> {
        let mut chars = id.chars();
        let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
        let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        (first_ok && rest_ok).then(|| SegmentId(id.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The kind an id names (`signal-list-item-3` is a list item), if it has
    /// the `{section}-{kind}-{n}` shape that [`SegmentId::derive`] gives.
    pub fn kind_of(id: &str) -> Option<SegmentKind> {
        let stem = id.trim_end_matches(|c: char| c.is_ascii_digit());
        if stem.len() == id.len() {
            return None;
        }
        let stem = stem.strip_suffix('-')?;
        SegmentKind::ALL.into_iter().find(|kind| {
            stem.strip_suffix(kind.name())
                .is_some_and(|section| section.ends_with('-'))
        })
    }
}

impl fmt::Display for SegmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Appends a number's decimal digits.
fn push_number(out: &mut String, n: usize) {
    if n >= 10 {
        push_number(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// The id-safe slug of a heading: ASCII letters and digits of its first words,
/// lowercased and joined by `-`; `section` when nothing is left, and an `s`
/// in front when it would start with a digit.
pub fn slug(text: &str) -> String {
    const MAX_WORDS: usize = 5;
    const MAX_LEN: usize = 40;
    let mut out = String::with_capacity(MAX_LEN + 1);
    let mut words = 0;
    // Words are runs of ASCII letters and digits: split on bytes, since no
    // byte of a character beyond ASCII is one of those.
    for word in text.as_bytes().split(|b| !b.is_ascii_alphanumeric()) {
        let Some(&initial) = word.first() else {
            continue;
        };
        // Count the `-` before the word and the `s` that a leading digit
        // gets, so that a slug is its own slug.
        let first = out.as_bytes().first().copied().unwrap_or(initial);
        let extra = usize::from(!out.is_empty()) + usize::from(first.is_ascii_digit());
        if words == MAX_WORDS || out.len() + extra + word.len() > MAX_LEN {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.iter().map(|b| char::from(b.to_ascii_lowercase())));
        words += 1;
    }
    if out.is_empty() {
        return "section".to_owned();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 's');
    }
    out
}
