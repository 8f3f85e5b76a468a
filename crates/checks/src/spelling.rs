//! Spelling: the words of a translation's prose that the locale's
//! dictionary does not know. Code, URLs, link targets, icons and
//! attributes never reach it (facts reading blanks them); a word is left
//! alone when the source page has it (names, English terms kept on
//! purpose), when it is a name, in the project's word list, has a digit
//! or code punctuation, is an acronym or in camel case. Segments in
//! English (reported as untranslated) are not spelled.

use std::collections::{HashMap, HashSet};

use crate::{Check, Finding, Page};

/// A dictionary of the translation's language.
pub trait Speller: Sync {
    /// Whether `word` (as written, capitals and apostrophes kept) is a word.
    fn knows(&self, word: &str) -> bool;
    /// Up to three words `word` may have meant.
    fn suggest(&self, word: &str) -> Vec<String>;
}

/// What the spelling check reads a locale's pages with.
pub struct Spelling<'a> {
    pub speller: &'a dyn Speller,
    /// The locale's name for messages (`it`).
    pub locale: &'a str,
    /// The project's words for this locale, lower case.
    pub words: &'a HashSet<String>,
}

/// The words of `prose` worth a dictionary's look, with their byte offsets.
fn candidates(prose: &str) -> impl Iterator<Item = (usize, &str)> {
    prose
        .split_whitespace()
        .map(move |chunk| {
            let at = chunk.as_ptr() as usize - prose.as_ptr() as usize;
            // Punctuation around a word is not part of it.
            let word = chunk.trim_matches(|c: char| !c.is_alphabetic());
            let lead = chunk.len() - chunk.trim_start_matches(|c: char| !c.is_alphabetic()).len();
            (at + lead, word)
        })
        .filter(|(_, word)| worth_spelling(word))
}

/// A word of letters (an apostrophe or hyphen inside), not an acronym,
/// not in camel case, two letters or more.
fn worth_spelling(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2
        || !word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
    {
        return false;
    }
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    // `HTTPS`, `DNSSEC`; `WhatsApp`, `iOS`, `YouTube`.
    let acronym = upper == letters || upper >= 2;
    let inner_capital = word.chars().skip(1).any(char::is_uppercase);
    !acronym && !inner_capital
}

/// Whether the dictionary knows `word`, or each part of it: after an
/// elided article (`L'algoritmo`, `dell'app`) and between hyphens.
fn known(speller: &dyn Speller, word: &str) -> bool {
    let word = word.replace('’', "'");
    if speller.knows(&word) {
        return true;
    }
    if let Some((head, tail)) = word.split_once('\'')
        && head.chars().count() <= 5
        && !tail.is_empty()
    {
        return speller.knows(tail) || known(speller, tail);
    }
    word.contains('-')
        && word
            .split('-')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() < 2 || speller.knows(p))
}

/// The lower-case words of the source page: what a translation may keep.
fn source_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .flat_map(|w| {
            let lower = w.to_lowercase();
            let parts: Vec<String> = lower
                .split(['\'', '-'])
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect();
            std::iter::once(lower).chain(parts)
        })
        .collect()
}

/// Where `word` is written as a word of its own in `lines`, from line
/// `from` (1-based) on: its line and column (1-based, in characters).
fn locate(lines: &[&str], from: usize, word: &str) -> Option<(usize, usize)> {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    lines
        .iter()
        .enumerate()
        .skip(from.saturating_sub(1))
        .take(200)
        .find_map(|(k, line)| {
            line.match_indices(word)
                .find(|(at, _)| {
                    !letter(line[..*at].chars().next_back())
                        && !letter(line[at + word.len()..].chars().next())
                })
                .map(|(at, _)| (k + 1, line[..at].chars().count() + 1))
        })
}

impl std::fmt::Debug for Spelling<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spelling")
            .field("locale", &self.locale)
            .field("words", &self.words.len())
            .finish_non_exhaustive()
    }
}

/// The unknown words of the page, each once (the first place it is
/// written, with how many more times).
pub(crate) fn check(page: &Page<'_>, spelling: &Spelling<'_>, out: &mut Vec<Finding>) {
    let kept = source_words(page.source_text);
    let lines = model::text::lines(page.text);
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut found: Vec<(String, usize, usize, String)> = Vec::new();
    for segment in page.translation {
        if crate::pairs::english::in_english(page, &segment.text) {
            continue;
        }
        let prose = align::prose(&segment.text);
        for (_, word) in candidates(&prose) {
            let lower = word.to_lowercase();
            if let Some(n) = seen.get_mut(&lower) {
                *n += 1;
                continue;
            }
            let name = page.reading.names.is_some_and(|names| names.contains(word));
            let excused = kept.contains(&lower)
                || spelling.words.contains(&lower)
                || name
                || known(spelling.speller, word);
            if excused {
                continue;
            }
            seen.insert(lower.clone(), 0);
            let (line, column) = locate(&lines, segment.line, word).unwrap_or((segment.line, 1));
            found.push((word.to_owned(), line, column, lower));
        }
    }
    for (word, line, column, lower) in found {
        let suggestions = spelling.speller.suggest(&word);
        let again = seen.get(&lower).copied().unwrap_or(0);
        let mut message = format!(
            "`{word}` (column {column}) is not in the {} dictionary",
            spelling.locale
        );
        if !suggestions.is_empty() {
            let shown: Vec<String> = suggestions
                .iter()
                .take(3)
                .map(|s| format!("`{s}`"))
                .collect();
            message.push_str(&format!("; did you mean {}?", shown.join(", ")));
        }
        if again > 0 {
            message.push_str(&format!(" (written {} more time(s) on the page)", again));
        }
        out.push(Finding {
            check: Check::Spelling,
            severity: Check::Spelling.default_severity(),
            line,
            source_line: None,
            segment_id: None,
            message,
            related: Vec::new(),
            confidence: 1.0,
        });
    }
}
