//! Spelling: the words of a translation's prose that the locale's
//! dictionary does not know. Code, URLs, link targets, icons and
//! attributes never reach it (facts reading blanks them); a word is left
//! alone when the source site has it or the source language's dictionary
//! knows it (names, English terms kept on purpose), when it is a name, in
//! the project's word list, a compound or derivation of known words, an
//! English word of the source with a local ending, has a digit or code
//! punctuation, is an acronym or in camel case. Segments in English
//! (reported as untranslated) are not spelled.

mod known;
mod suggest;
mod words;

use std::sync::RwLock;

use model::hash::{FastMap, FastSet};

use crate::{Check, Finding, Page};

/// A dictionary of the translation's language.
pub trait Speller: Sync {
    /// Whether `word` (as written, capitals and apostrophes kept) is a word.
    fn knows(&self, word: &str) -> bool;
    /// The language's letters in lower case, most frequent first (the
    /// dictionary's `TRY` line).
    fn alphabet(&self) -> &[char];
}

/// What the dictionaries decided about the words a locale's pages met so
/// far, shared by the threads: most words recur from page to page.
#[derive(Debug, Default)]
pub struct Memo {
    accepted: RwLock<FastMap<String, bool>>,
}

impl Memo {
    /// Whether `word` is accepted, asking `decide` the first time. A
    /// capitalised word is when its lower case is (`Questo` for `questo`):
    /// a capitalised word costs the dictionary two lookups.
    fn accepts(&self, word: &str, decide: impl FnOnce() -> bool) -> bool {
        let known = self.accepted.read().ok().and_then(|seen| {
            seen.get(word).copied().or_else(|| {
                let mut chars = word.chars();
                let first = chars.next()?;
                if !first.is_uppercase() || chars.any(char::is_uppercase) {
                    return None;
                }
                seen.get(&word.to_lowercase())
                    .copied()
                    .filter(|&known| known)
            })
        });
        known.unwrap_or_else(|| {
            let accepted = decide();
            if let Ok(mut seen) = self.accepted.write() {
                seen.insert(word.to_owned(), accepted);
            }
            accepted
        })
    }
}

/// What the spelling check reads a locale's pages with.
pub struct Spelling<'a> {
    pub speller: &'a dyn Speller,
    /// The source language's dictionary, when there is one: a word it
    /// knows (`timestamp`, `Hannover`) is an English word kept on purpose.
    pub source_speller: Option<&'a dyn Speller>,
    /// The locale's name for messages (`it`).
    pub locale: &'a str,
    /// The project's words for this locale, lower case.
    pub words: &'a FastSet<String>,
    /// The words of every source page, lower case ([`add_source_words`]).
    pub source_words: &'a FastSet<String>,
    /// The locale's decisions so far.
    pub memo: &'a Memo,
}

impl std::fmt::Debug for Spelling<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spelling")
            .field("locale", &self.locale)
            .field("words", &self.words.len())
            .finish_non_exhaustive()
    }
}

/// Adds the lower-case words of a source page to `out`: what a
/// translation may keep (names, terms), gathered over the whole source
/// site once per run. Words with an ASCII digit are left out: no word
/// spelled has one, and a source edit that only adds a number leaves the
/// set (which keys the check cache's spelled pages) as it was.
pub fn add_source_words(text: &str, out: &mut FastSet<String>) {
    let mut add = |word: &str| {
        // Most words recur: copied only the first time.
        if !out.contains(word) && !word.bytes().any(|b| b.is_ascii_digit()) {
            out.insert(word.to_owned());
        }
    };
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')) {
        if w.is_empty() {
            continue;
        }
        let lower: std::borrow::Cow<'_, str> = if w.chars().any(char::is_uppercase) {
            w.to_lowercase().into()
        } else {
            w.into()
        };
        if lower.contains(['\'', '-']) {
            for part in lower.split(['\'', '-']).filter(|p| !p.is_empty()) {
                add(part);
            }
        }
        add(&lower);
    }
}

/// A word the dictionary does not know, where it is first written.
struct Unknown {
    word: String,
    line: usize,
    column: usize,
    /// How many more times the page writes it.
    again: usize,
}

/// The unknown words of the page, each once (the first place it is
/// written, with how many more times).
pub(crate) fn check(page: &Page<'_>, spelling: &Spelling<'_>, out: &mut Vec<Finding>) {
    let (unknown, page_words) = unknown_words(page, spelling);
    // A page of a few hundred words has most of its language's letter
    // pairs; a shorter one too few to rule edits out by.
    let pairs = (!unknown.is_empty() && page_words.len() >= 300)
        .then(|| suggest::letter_pairs(&page_words));
    let sources = suggest::Sources {
        speller: spelling.speller,
        page_words: &page_words,
        pairs: pairs.as_ref(),
    };
    for Unknown {
        word,
        line,
        column,
        again,
    } in unknown
    {
        let suggestions = suggest::suggest(&word, &sources);
        out.push(Finding {
            check: Check::Spelling,
            severity: Check::Spelling.default_severity(),
            line,
            source_line: None,
            segment_id: None,
            message: message(&word, column, spelling.locale, &suggestions, again),
            related: Vec::new(),
            confidence: 1.0,
        });
    }
}

/// The page's unknown words, and the words it writes that the dictionary
/// knows (lower case, where suggestions are looked for first).
fn unknown_words(page: &Page<'_>, spelling: &Spelling<'_>) -> (Vec<Unknown>, FastSet<String>) {
    let lexicon = known::Lexicon {
        speller: spelling.speller,
        english: spelling.source_speller,
        source_words: spelling.source_words,
        listed: spelling.words,
    };
    let mut seen: FastMap<String, usize> = FastMap::default();
    let mut found: Vec<Unknown> = Vec::new();
    for segment in page.translation {
        let prose = align::prose(&segment.text);
        if crate::pairs::english::prose_in_english(page, &prose) {
            continue;
        }
        for words::Candidate { word, after } in words::candidates(&prose) {
            // Most words are lower case already: no copy for them.
            let lower: std::borrow::Cow<'_, str> = if word.chars().any(char::is_uppercase) {
                word.to_lowercase().into()
            } else {
                word.into()
            };
            if let Some(k) = seen.get(lower.as_ref()) {
                if let Some(unknown) = found.get_mut(*k) {
                    unknown.again += 1;
                }
                continue;
            }
            // What holds for the whole locale is decided once per word.
            let accepted = spelling.memo.accepts(word, || {
                spelling.source_words.contains(lower.as_ref())
                    || spelling.words.contains(lower.as_ref())
                    || lexicon.accepts(word)
            }) || page.reading.names.is_some_and(|names| names.contains(word))
                // `usw.`, `Sicherheits-` (`Sicherheits- und Datenschutz`).
                || after.is_some_and(|c| {
                    matches!(c, '.' | '-') && spelling.speller.knows(&format!("{word}{c}"))
                });
            if accepted {
                seen.insert(lower.into_owned(), usize::MAX);
                continue;
            }
            seen.insert(lower.into_owned(), found.len());
            found.push(Unknown {
                word: word.to_owned(),
                line: segment.line,
                column: 1,
                again: 0,
            });
        }
    }
    if !found.is_empty() {
        let lines = model::text::lines(page.text);
        for unknown in &mut found {
            if let Some((line, column)) = locate(&lines, unknown.line, &unknown.word) {
                (unknown.line, unknown.column) = (line, column);
            }
        }
    }
    let page_words = seen
        .into_iter()
        .filter(|(_, k)| *k == usize::MAX)
        .map(|(word, _)| word)
        .collect();
    (found, page_words)
}

/// The word a spelling finding is about (as [`message`] writes it).
pub fn unknown_word(finding: &Finding) -> Option<&str> {
    if finding.check != Check::Spelling {
        return None;
    }
    let rest = finding.message.strip_prefix('`')?;
    rest.split_once('`').map(|(word, _)| word)
}

/// What a spelling finding says.
fn message(
    word: &str,
    column: usize,
    locale: &str,
    suggestions: &[String],
    again: usize,
) -> String {
    let mut message = format!("`{word}` (column {column}) is not in the {locale} dictionary");
    if !suggestions.is_empty() {
        let shown: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
        message.push_str(&format!("; did you mean {}?", shown.join(", ")));
    }
    match again {
        0 => {}
        1 => message.push_str(" (written once more on the page)"),
        n => message.push_str(&format!(" (written {n} more times on the page)")),
    }
    message
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

#[cfg(test)]
mod tests;
