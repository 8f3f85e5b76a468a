//! Inline code: the code spans of the pair, never translated.

use crate::{Check, Finding};

use super::Pair;
use super::{difference, macro_targets, missing, renders_macro};

/// Whether `word` (three characters or more) is in `text` with no letter
/// or digit either side: a code span written without its backticks.
fn as_word(text: &str, word: &str) -> bool {
    if word.chars().count() < 3 {
        return false;
    }
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(word).any(|(at, _)| {
        !alnum(text[..at].chars().next_back()) && !alnum(text[at + word.len()..].chars().next())
    })
}

/// A code span that is a phrase (letters and spaces, two words or more:
/// an example passphrase, a label to type): a translation may translate it.
fn phrase(code: &str) -> bool {
    code.contains(' ')
        && code
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '\'')
}

/// The code spans of the pair that differ. Set aside: one that writes out
/// a macro of the source (`Window.scrollTo()` for
/// `{{domxref("Window.scrollTo")}}`), one the other side has without
/// backticks (`HEAD`), and phrases the translation translated, one for one.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (fs, ft) = (pair.fs, pair.ft);
    let macros = macro_targets(fs);
    let mut added: Vec<&str> = missing(&ft.code, &fs.code)
        .into_iter()
        .filter(|c| !renders_macro(c, &macros) && !as_word(&pair.s.text, c))
        .collect();
    let mut gone: Vec<&str> = missing(&fs.code, &ft.code)
        .into_iter()
        .filter(|c| !as_word(&pair.t.text, c))
        .collect();
    gone.retain(|c| {
        let translated = phrase(c)
            .then(|| added.iter().position(|a| phrase(a)))
            .flatten();
        if let Some(k) = translated {
            added.remove(k);
        }
        translated.is_none()
    });
    difference("code span", &gone, &added).map(|m| pair.finding(Check::Code, m))
}
