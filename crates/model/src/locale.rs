//! Locale codes as they appear in paths, compared as language tags.

use std::fmt;

use serde::Serialize;

/// A locale code exactly as a project spells it in its paths (`it`, `pt-BR`,
/// `zh-Hant`, `it_IT`, `pt-br`). Equality and order ignore case and treat `_`
/// and `-` alike, so `pt_BR` and `pt-br` are one locale.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Locale(String);

impl Locale {
    pub fn new(code: impl Into<String>) -> Locale {
        Locale(code.into())
    }

    /// The code as written in paths.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The comparison key: lowercase, with `-` as the only separator.
    pub fn normalized(&self) -> String {
        self.0
            .chars()
            .map(|c| {
                if c == '_' {
                    '-'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    }

    /// Whether a path component looks like a locale code: a 2–3 letter
    /// language, then subtags of 2–8 letters or digits separated by `-` or `_`.
    pub fn is_plausible(code: &str) -> bool {
        let mut parts = code.split(['-', '_']);
        let lang_ok = parts.next().is_some_and(|l| {
            (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic())
        });
        lang_ok
            && parts
                .all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
    }
}

impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        self.normalized() == other.normalized()
    }
}

impl Eq for Locale {}

impl PartialOrd for Locale {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Locale {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.normalized().cmp(&other.normalized())
    }
}

impl std::hash::Hash for Locale {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.normalized().hash(state);
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
