//! Up to three words a misspelt word may have meant, found by single
//! edits, cheapest first: a letter's accent, a word of the same page one
//! edit away, two letters swapped, a letter too many, a missing space;
//! only when none of those is a word, a letter missing or wrong. Written
//! here rather than taken from the dictionary crate: its suggester tries
//! every MAP and REP combination, ~100 ms a word with the French
//! dictionary, more than the whole check of a page.

use model::hash::FastSet;

use super::Speller;

/// Letters that differ from each other by an accent (`perchè` for
/// `perché`, `Eléments` for `Éléments`).
const ACCENTS: [&str; 6] = ["aàâáä", "eéèêë", "iìîíï", "oòôóö", "uùûúü", "cç"];

/// Where suggestions are looked for.
pub(super) struct Sources<'a> {
    pub speller: &'a dyn Speller,
    /// The page's own words the dictionary knows, lower case.
    pub page_words: &'a FastSet<String>,
    /// The pairs of neighbouring letters in them ([`letter_pairs`]): an
    /// edit that makes a pair none of them has is not asked of the
    /// dictionary. `None` on a page with too few words to tell.
    pub pairs: Option<&'a FastSet<(char, char)>>,
}

/// Up to three words `word` may have meant, most likely first. Edits are
/// looked up in lower case (a capitalised word costs the dictionary two
/// lookups) and given the word's capital back.
pub(super) fn suggest(word: &str, sources: &Sources<'_>) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let speller = sources.speller;
    let mut out = Offers {
        word,
        like: &chars,
        found: Vec::new(),
    };
    let alphabet = letters(&lower, speller.alphabet());
    let lower_word: String = lower.iter().collect();
    for candidate in accented(&lower, &alphabet).chain(ligatures(&lower_word)) {
        if speller.knows(&candidate) && out.offer(&candidate) {
            return out.found;
        }
    }
    for candidate in inserted(&lower, &alphabet).chain(replaced(&lower, &alphabet)) {
        if sources.page_words.contains(&candidate) && out.offer(&candidate) {
            return out.found;
        }
    }
    // Two letters swapped make new pairs; a letter left out only one, which
    // a word seldom written on the page may be alone to have (`tm` of
    // `algoritmo`).
    for candidate in swapped(&lower) {
        if sources.plausible(&candidate) && speller.knows(&candidate) && out.offer(&candidate) {
            return out.found;
        }
    }
    for candidate in deleted(&lower) {
        if speller.knows(&candidate) && out.offer(&candidate) {
            return out.found;
        }
    }
    for (head, tail) in splits(&lower) {
        // The head first: short words cost the dictionary least.
        if speller.knows(&head) && speller.knows(&tail) && out.offer(&format!("{head} {tail}")) {
            return out.found;
        }
    }
    if out.found.is_empty() {
        // The costly edits, with the language's most frequent letters, each
        // asked of the dictionary only when the new letter makes pairs the
        // page's words have; the first word found is the suggestion.
        let frequent: Vec<char> = speller.alphabet().iter().copied().take(12).collect();
        for candidate in inserted(&lower, &frequent).chain(replaced(&lower, &frequent)) {
            if sources.plausible(&candidate) && speller.knows(&candidate) {
                out.offer(&candidate);
                break;
            }
        }
    }
    out.found
}

/// The suggestions found so far.
struct Offers<'w> {
    word: &'w str,
    /// The word's letters, for its capital.
    like: &'w [char],
    found: Vec<String>,
}

impl Offers<'_> {
    /// Adds `candidate` (lower case) with the word's capital, unless it is
    /// the word or already offered; whether there are enough.
    fn offer(&mut self, candidate: &str) -> bool {
        let candidate = cased_like(candidate, self.like);
        if candidate != self.word && !self.found.contains(&candidate) {
            self.found.push(candidate);
        }
        self.found.len() >= 3
    }
}

impl Sources<'_> {
    /// Whether every pair of neighbouring letters in `word` is one the
    /// page's words have (a dictionary lookup costs up to 25 µs).
    fn plausible(&self, word: &str) -> bool {
        let Some(pairs) = self.pairs else {
            return true;
        };
        let mut chars = word.chars();
        let Some(mut before) = chars.next() else {
            return false;
        };
        chars.all(|c| {
            // Only letters: an apostrophe may be written either way.
            let seen =
                !(before.is_alphabetic() && c.is_alphabetic()) || pairs.contains(&(before, c));
            before = c;
            seen
        })
    }
}

/// The pairs of neighbouring letters in `words`.
pub(super) fn letter_pairs(words: &FastSet<String>) -> FastSet<(char, char)> {
    let mut out = FastSet::default();
    for word in words {
        let mut chars = word.chars();
        if let Some(mut before) = chars.next() {
            for c in chars {
                out.insert((before, c));
                before = c;
            }
        }
    }
    out
}

/// The dictionary's letters, most frequent first, and the word's own.
fn letters(word: &[char], alphabet: &[char]) -> Vec<char> {
    let mut out: Vec<char> = alphabet.to_vec();
    for c in word.iter().flat_map(|c| c.to_lowercase()) {
        if c.is_alphabetic() && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// `word` with one letter given another accent the language writes
/// (capitals kept).
fn accented<'w>(word: &'w [char], alphabet: &'w [char]) -> impl Iterator<Item = String> + 'w {
    (0..word.len()).flat_map(move |k| {
        let c = word[k];
        let lower = c.to_lowercase().next().unwrap_or(c);
        let family = ACCENTS.iter().find(|f| f.contains(lower)).copied();
        family.into_iter().flat_map(move |f| {
            f.chars()
                .filter(move |&v| v != lower && alphabet.contains(&v))
                .map(move |v| {
                    let v = if c.is_uppercase() {
                        v.to_uppercase().next().unwrap_or(v)
                    } else {
                        v
                    };
                    with(word, k, 1, Some(v))
                })
        })
    })
}

/// `word` with `oe` or `ae` written as one letter (`noeud`, `nœud`).
fn ligatures(word: &str) -> impl Iterator<Item = String> + '_ {
    [("oe", "œ"), ("ae", "æ")]
        .into_iter()
        .filter(move |(pair, _)| word.contains(pair))
        .map(move |(pair, one)| word.replacen(pair, one, 1))
}

/// `word` with one letter of `alphabet` added somewhere.
fn inserted<'w>(word: &'w [char], alphabet: &'w [char]) -> impl Iterator<Item = String> + 'w {
    (0..=word.len()).flat_map(move |k| alphabet.iter().map(move |&c| with(word, k, 0, Some(c))))
}

/// `word` with one letter changed to another of `alphabet`.
fn replaced<'w>(word: &'w [char], alphabet: &'w [char]) -> impl Iterator<Item = String> + 'w {
    (0..word.len()).flat_map(move |k| {
        alphabet
            .iter()
            .filter(move |&&c| c != word[k])
            .map(move |&c| with(word, k, 1, Some(c)))
    })
}

/// `word` with two neighbouring letters swapped.
fn swapped(word: &[char]) -> impl Iterator<Item = String> + '_ {
    (1..word.len())
        .filter(|&k| word[k - 1] != word[k])
        .map(|k| {
            let mut w = word.to_vec();
            w.swap(k - 1, k);
            w.into_iter().collect()
        })
}

/// `word` with one letter left out.
fn deleted(word: &[char]) -> impl Iterator<Item = String> + '_ {
    (0..word.len()).map(|k| with(word, k, 1, None))
}

/// `word` cut in two words of two letters or more (`laperfetta`).
fn splits(word: &[char]) -> impl Iterator<Item = (String, String)> + '_ {
    (2..word.len().saturating_sub(1)).map(|k| {
        (
            word[..k].iter().collect::<String>(),
            word[k..].iter().collect::<String>(),
        )
    })
}

/// `word` with `len` letters at `at` replaced by `letter`.
fn with(word: &[char], at: usize, len: usize, letter: Option<char>) -> String {
    word[..at]
        .iter()
        .copied()
        .chain(letter)
        .chain(word[at + len..].iter().copied())
        .collect()
}

/// `lower` capitalised as `like` is (`Seleziona` for `Sleziona`).
fn cased_like(lower: &str, like: &[char]) -> String {
    if like.first().is_some_and(|c| c.is_uppercase()) {
        super::words::capitalised(lower)
    } else {
        lower.to_owned()
    }
}
