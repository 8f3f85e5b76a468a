//! Text left untranslated: a segment the translation kept as the source
//! has it, or one in English where the page is in another language.

use crate::{Check, Finding, Page};

use super::Pair;
use super::english::in_english;

/// Lower-case words of three letters or more outside names, code and URLs:
/// what makes a text language.
fn prose_words(text: &str, names: &[String]) -> usize {
    // Without code, URLs and link targets, nor HTML tags.
    let mut prose = align::prose(text);
    while let Some(open) = prose.find('<') {
        let Some(len) = prose[open..].find('>') else {
            break;
        };
        prose.replace_range(open..=open + len, " ");
    }
    prose
        .split_whitespace()
        .filter(|token| !identifier(token))
        .flat_map(|token| token.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_lowercase))
        .filter(|w| !names.iter().any(|n| n == w))
        .count()
}

/// A token joined by code punctuation between its letters
/// (`border-end-end-radius`, `chaos_mesh`, `pod.yaml`, `a/b`): a name of
/// code or a file, kept as it is in every language.
fn identifier(token: &str) -> bool {
    let inner = token.trim_matches(|c: char| !c.is_alphanumeric());
    inner.contains(['-', '_', '.', '/', ':', '=', '('])
}

/// A segment identical to its source, when it has words to translate.
pub(super) fn same_text(pair: &Pair<'_>) -> Option<Finding> {
    let (s, fs) = (pair.s, pair.fs);
    (prose_words(&s.text, &fs.names) >= 4).then(|| {
        pair.finding(
            Check::Untranslated,
            format!("{} left as the source has it", s.kind),
        )
    })
}

/// A segment in English, though not the source's text.
pub(super) fn english(pair: &Pair<'_>) -> Option<Finding> {
    in_english(pair.page, &pair.t.text).then(|| {
        pair.finding(
            Check::Untranslated,
            format!("{} in English, though not the source's text", pair.t.kind),
        )
    })
}

/// Translated segments that pair with nothing and are in English.
pub(super) fn unpaired(page: &Page<'_>, out: &mut Vec<Finding>) {
    for &k in &page.alignment.unpaired_translation {
        let t = &page.translation[k];
        if in_english(page, &t.text) {
            out.push(Finding {
                check: Check::Untranslated,
                severity: Check::Untranslated.default_severity(),
                line: t.line,
                source_line: None,
                segment_id: None,
                message: format!("{} in English, with no counterpart in the source", t.kind),
                related: Vec::new(),
                confidence: 1.0,
            });
        }
    }
}
