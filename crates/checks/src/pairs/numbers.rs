//! Numbers: those of the source and of the translation, read in each
//! side's language (digits of any script, spelled-out numbers, months),
//! compared as multisets; a small number in words on one side, a month, or
//! a digit where English says `one` or `twice`, is no difference.

use crate::{Check, Finding};

use super::Pair;
use super::{difference, missing};

/// Small numbers an English text says in words (cardinals, ordinals and
/// multiplicatives up to ten).
fn said_small(text: &str) -> Vec<u32> {
    const WORDS: [(&str, u32); 36] = [
        ("one", 1),
        ("single", 1),
        ("once", 1),
        ("first", 1),
        ("a", 1),
        ("an", 1),
        ("two", 2),
        ("twice", 2),
        ("second", 2),
        ("double", 2),
        ("both", 2),
        ("pair", 2),
        ("three", 3),
        ("third", 3),
        ("thrice", 3),
        ("triple", 3),
        ("four", 4),
        ("fourth", 4),
        ("five", 5),
        ("fifth", 5),
        ("six", 6),
        ("sixth", 6),
        ("seven", 7),
        ("seventh", 7),
        ("eight", 8),
        ("eighth", 8),
        ("nine", 9),
        ("ninth", 9),
        ("ten", 10),
        ("tenth", 10),
        ("dozen", 12),
        ("half", 2),
        ("quarter", 4),
        ("twelve", 12),
        // `every second`: each one (`每隔 1 秒`).
        ("every", 1),
        ("each", 1),
    ];
    let mut out = Vec::new();
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let lower = word.to_ascii_lowercase();
        if let Some((_, v)) = WORDS.iter().find(|(w, _)| *w == lower)
            && !out.contains(v)
        {
            out.push(*v);
        }
    }
    out
}

/// Small numbers `text` joins to a word by a hyphen (`2-step`, `4-value`,
/// `3-way`) or to a name by a slash (`HTTP/3`, `DoH/3`), and ordinals
/// (`3rd`): parts of a word, which a translation may write as one
/// (`Vierwert`, `DoH3`, `tiers`).
fn in_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        if !bytes[k].is_ascii_digit() {
            k += 1;
            continue;
        }
        let start = k;
        while k < bytes.len() && bytes[k].is_ascii_digit() {
            k += 1;
        }
        let digits = &text[start..k];
        let small = k - start <= 2;
        let hyphen_word = bytes.get(k) == Some(&b'-')
            && bytes.get(k + 1).is_some_and(u8::is_ascii_alphabetic)
            && (start == 0 || !bytes[start - 1].is_ascii_alphanumeric());
        let version =
            start >= 2 && bytes[start - 1] == b'/' && bytes[start - 2].is_ascii_alphabetic();
        // `3rd`, `1st`, `4th`: an ordinal, which a translation says in words.
        let suffix = text[k..].get(..2).unwrap_or_default().to_ascii_lowercase();
        let ordinal = ["st", "nd", "rd", "th"].contains(&suffix.as_str())
            && !bytes.get(k + 2).is_some_and(u8::is_ascii_alphabetic);
        if small && (hyphen_word || version || ordinal) {
            let value = digits.trim_start_matches('0');
            out.push(if value.is_empty() { "0" } else { value }.to_owned());
        }
    }
    out
}

/// The numbers of the pair that differ.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (s, t, fs, ft, page) = (pair.s, pair.t, pair.fs, pair.ft, pair.page);
    // A small number spelled out on one side may be an idiom on that
    // side (`zero benefits`, `a due fattori` for `second factor`).
    let small_words = |n: &str, f: &align::Facts| {
        f.spelled.iter().any(|x| x == n) && n.parse::<u32>().is_ok_and(|v| v <= 10)
    };
    // A month named on one side may be a number on the other
    // (`Sept 30, 2021` and `2021年9月30日`).
    let months = |text: &str, language| -> Vec<String> {
        align::months(text, language)
            .into_iter()
            .map(|m| m.to_string())
            .collect()
    };
    let (source_months, months_here) = (
        months(&s.text, page.source_reading.language),
        months(&t.text, page.reading.language),
    );
    // A number written as code on the other side (`10px`, `` `1` ``) is there.
    let in_code = |n: &str, code: &[String]| {
        code.iter()
            .any(|c| align::facts(c).numbers.iter().any(|x| x == n))
    };
    let source_in_words = in_words(&s.text);
    // A language whose number words bitext cannot read (Russian, Hebrew,
    // Arabic…) may say a small number in words: its absence is no fact.
    let unread_words = page.reading.language == align::Language::Other;
    let small = |n: &str| n.parse::<u32>().is_ok_and(|v| v <= 10);
    // As sets: a number said once more or less often is the same fact.
    let set = |numbers: &[String]| {
        let mut v = numbers.to_vec();
        v.sort();
        v.dedup();
        v
    };
    let (source_numbers, numbers_here) = (set(&fs.numbers), set(&ft.numbers));
    let gone: Vec<&str> = missing(&source_numbers, &numbers_here)
        .into_iter()
        .filter(|n| !in_code(n, &ft.code) && !source_in_words.iter().any(|w| w == n))
        .filter(|n| !small_words(n, fs) && !months_here.iter().any(|m| m == n))
        .filter(|n| !(unread_words && small(n)))
        .collect();
    // English says `one`, `a single`, `first`, `twice` where others
    // write a digit (`1つ以上` for "one or more"): small numbers the
    // source says in such words are no new fact.
    let said = said_small(&s.text);
    let added: Vec<&str> = missing(&numbers_here, &source_numbers)
        .into_iter()
        .filter(|n| !in_code(n, &fs.code))
        .filter(|n| !small_words(n, ft) && !source_months.iter().any(|m| m == n))
        .filter(|n| !n.parse::<u32>().is_ok_and(|v| said.contains(&v)))
        .collect();
    difference("number", &gone, &added).map(|m| pair.finding(Check::Numbers, m))
}
