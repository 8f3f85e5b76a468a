//! Glossary terms: where the source uses a term of the glossary, the
//! translation uses the term's translation (inflected endings allowed).

use crate::{Check, Finding};

use super::Pair;

/// Whether `text` has `phrase`, ignoring case, between word boundaries.
pub(super) fn contains_words(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let (text, phrase) = (text.to_lowercase(), phrase.to_lowercase());
    let mut from = 0;
    while let Some(k) = text[from..].find(&phrase) {
        let at = from + k;
        let end = at + phrase.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = at + phrase.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Whether `text` has the words of `phrase` in order, each word allowed a
/// different ending when it has five letters or more (`traghetto` and
/// `traghetti`, `banchina` and `banchine`).
fn contains_inflected(text: &str, phrase: &str) -> bool {
    let stem = |w: &str| -> String {
        let w = w.to_lowercase();
        let n = w.chars().count();
        if n >= 5 {
            w.chars().take(n - 1).collect()
        } else {
            w
        }
    };
    let wanted: Vec<String> = phrase.split_whitespace().map(stem).collect();
    if wanted.is_empty() {
        return false;
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let fits = |word: &str, stem: &str| {
        if stem.chars().count() >= 4 {
            word.starts_with(stem) && word.chars().count() <= stem.chars().count() + 2
        } else {
            word == stem
        }
    };
    words.windows(wanted.len()).any(|window| {
        window
            .iter()
            .zip(&wanted)
            .all(|(word, stem)| fits(word, stem))
    })
}

/// The glossary's terms of the source segment whose translation is not here.
pub(super) fn check(pair: &Pair<'_>) -> Vec<Finding> {
    let (s, t) = (pair.s, pair.t);
    let mut out = Vec::new();
    for (term, wanted) in pair.page.glossary {
        if contains_words(&s.text, term) && !contains_inflected(&t.text, wanted) {
            out.push(pair.finding(
                Check::Glossary,
                format!(
                    "the source says “{term}”; the glossary's translation “{wanted}” is not here"
                ),
            ));
        }
    }
    out
}
