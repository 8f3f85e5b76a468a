//! Telling a segment left in English in a page of another language: a
//! fifth of its words or more are common English words that other
//! languages do not share.

use crate::Page;

/// English words that other languages do not share (not `of`, `we`,
/// `was`, `also`, `will`: Dutch or German words too), for telling a
/// segment left in English in a page of another language.
pub(crate) const ENGLISH: &[&str] = &[
    "the", "and", "to", "with", "that", "this", "you", "your", "are", "which", "from", "can",
    "have", "has", "they", "their", "what", "when", "should", "would", "there", "these", "those",
    "been", "more", "than", "such", "other", "only", "into", "about", "some", "it's", "don't",
    "doesn't", "isn't", "our", "were", "how", "while",
];

/// Whether `text` reads as English in a page whose language is another:
/// eight words or more, a fifth of them common English words.
pub(crate) fn in_english(page: &Page<'_>, text: &str) -> bool {
    prose_in_english(page, &align::prose(text))
}

/// [`in_english`] of a segment's prose (`align::prose`), made already.
pub(crate) fn prose_in_english(page: &Page<'_>, prose: &str) -> bool {
    use align::Language;
    if page.source_reading.language != Language::English
        || page.reading.language == Language::English
    {
        return false;
    }
    // A fifth of eight words or more is two English words at least: a
    // text without two (most translations) needs no full count.
    if english_most(prose, 2) < 2 {
        return false;
    }
    let (words, english) = english_count_prose(prose);
    words >= 8 && english * 5 >= words
}

/// At least the number of common English words in `prose` that
/// [`english_count`] finds, or `enough` if that many are found first:
/// runs of ASCII letters and apostrophes, lower-cased, with any other byte
/// between them. A word the full count finds is all ASCII, bounded by
/// characters that are no letters, so it is such a run too (a character
/// beyond ASCII that lower-cases to ASCII, the Kelvin sign, gives `k`,
/// which no common word has).
pub(crate) fn english_most(prose: &str, enough: usize) -> usize {
    let mut found = 0;
    let mut word = [0u8; 8];
    let mut len = 0;
    // Past the end of the last run, one more byte that ends it.
    for &b in prose.as_bytes().iter().chain(b" ") {
        if b.is_ascii_alphabetic() || b == b'\'' {
            if len < word.len() {
                word[len] = b.to_ascii_lowercase();
            }
            len += 1;
            continue;
        }
        if len > 0
            && len <= word.len()
            && std::str::from_utf8(&word[..len]).is_ok_and(|w| english_words().contains(w))
        {
            found += 1;
            if found >= enough {
                return found;
            }
        }
        len = 0;
    }
    found
}

/// How many words the prose of `text` has once lower-cased (runs of
/// letters and apostrophes), and how many of them are common English words.
/// Counted as each character is lower-cased, without a lower-cased copy:
/// only a word all in ASCII can be a common English word, so only such a
/// word is kept to be looked up.
#[cfg(test)]
pub(crate) fn english_count(text: &str) -> (usize, usize) {
    english_count_prose(&align::prose(text))
}

/// [`english_count`] of a text's prose.
fn english_count_prose(prose: &str) -> (usize, usize) {
    let (mut words, mut english) = (0usize, 0usize);
    let mut word = String::new();
    let (mut in_word, mut ascii) = (false, true);
    let mut take = |c: char| {
        if c.is_alphabetic() || c == '\'' {
            if !in_word {
                (in_word, ascii) = (true, true);
                word.clear();
            }
            if c.is_ascii() {
                word.push(c);
            } else {
                ascii = false;
            }
        } else if in_word {
            in_word = false;
            words += 1;
            if ascii && english_words().contains(word.as_str()) {
                english += 1;
            }
        }
    };
    for c in prose.chars() {
        if c.is_ascii() {
            take(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut take);
        }
    }
    take(' ');
    (words, english)
}

/// [`ENGLISH`] as a set: every word of every translated segment is looked up.
fn english_words() -> &'static model::hash::FastSet<&'static str> {
    static SET: std::sync::OnceLock<model::hash::FastSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| ENGLISH.iter().copied().collect())
}
