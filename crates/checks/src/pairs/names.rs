//! Names: the configured names of the source (`[glossary] names`) that the
//! translation lacks, and those it adds; a name written in lower case or
//! in another script is still there.

use model::SegmentKind;

use crate::{Check, Finding};

use super::Pair;
use super::{difference, missing};

/// Whether `name` (lower case) is in `prose` (lower case) as a word of its
/// own, a plural `s` allowed: bounded by anything but a Latin letter or
/// digit, so that a name inside Chinese or Japanese text counts.
fn written(prose: &str, name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let mut from = 0;
    while let Some(k) = prose[from..].find(name) {
        let at = from + k;
        let end = at + name.len();
        let rest = &prose[end..];
        let after = rest
            .strip_prefix('s')
            .filter(|r| !latin(r.chars().next()))
            .map_or(rest, |r| r);
        if !latin(prose[..at].chars().next_back()) && !latin(after.chars().next()) {
            return true;
        }
        from = at + name.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// A letter's consonant class, for telling a name written in another
/// script: labials, velars, dentals, sibilants, and l, r, m, n, h; vowels
/// and glides have none.
fn class(c: char) -> Option<char> {
    Some(match c {
        'b' | 'p' | 'v' | 'f' | 'w' | 'б' | 'п' | 'в' | 'ф' | 'β' | 'π' | 'φ' | 'ב' | 'פ' | 'ף'
        | 'ب' | 'ف' | 'پ' => 'B',
        'g' | 'k' | 'c' | 'q' | 'j' | 'г' | 'к' | 'γ' | 'κ' | 'ג' | 'כ' | 'ך' | 'ק' | 'ج' | 'غ'
        | 'ق' | 'ك' | 'گ' => 'G',
        'd' | 't' | 'д' | 'т' | 'δ' | 'τ' | 'θ' | 'ד' | 'ט' | 'ת' | 'ت' | 'د' | 'ذ' | 'ض' | 'ط'
        | 'ظ' => 'D',
        's' | 'z' | 'x' | 'ж' | 'з' | 'с' | 'ц' | 'ч' | 'ш' | 'щ' | 'σ' | 'ς' | 'ζ' | 'ξ' | 'ψ'
        | 'ז' | 'ס' | 'צ' | 'ץ' | 'ש' | 'ث' | 'ز' | 'س' | 'ش' | 'ص' | 'چ' | 'ژ' => 'S',
        'l' | 'л' | 'λ' | 'ל' | 'ل' => 'L',
        'r' | 'р' | 'ρ' | 'ר' | 'ر' => 'R',
        'm' | 'м' | 'μ' | 'מ' | 'ם' | 'م' => 'M',
        'n' | 'н' | 'ν' | 'נ' | 'ן' | 'ن' => 'N',
        'h' | 'х' | 'χ' | 'ה' | 'ח' | 'ح' | 'خ' | 'ه' => 'H',
        _ => return None,
    })
}

/// A word's consonant skeleton (repeats collapsed; Russian `дж` is `j`).
fn skeleton(word: &str) -> String {
    let word = word.replace("дж", "г");
    let mut out = String::new();
    for c in word.chars().filter_map(class) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The skeletons of the words of `prose` written in Cyrillic, Greek,
/// Hebrew or Arabic (none for a text in Latin letters only).
fn transliterated(prose: &str) -> Vec<String> {
    prose
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().any(|c| !c.is_ascii() && class(c).is_some()))
        .map(skeleton)
        .filter(|s| s.len() >= 2)
        .collect()
}

/// Whether a Latin name sounds in one of the words of another script: the
/// same consonants in order (a prefix such as Hebrew `ל` or Arabic `ال`
/// allowed before them, for a name of three consonants or more).
fn sounds_in(skeletons: &[String], name: &str) -> bool {
    if skeletons.is_empty() || !name.is_ascii() {
        return false;
    }
    let wanted = skeleton(&name.to_lowercase());
    if wanted.len() < 2 {
        return false;
    }
    skeletons.iter().any(|s| {
        *s == wanted || (wanted.len() >= 3 && s.ends_with(&wanted) && s.len() <= wanted.len() + 2)
    })
}

/// The names of the pair that differ; headings are translated freely.
pub(super) fn check(pair: &Pair<'_>) -> Option<Finding> {
    let (s, t, fs, ft) = (pair.s, pair.t, pair.fs, pair.ft);
    // Names as sets: a translation may say "it" the second time.
    let set = |names: &[String]| {
        let mut v = names.to_vec();
        v.sort();
        v.dedup();
        v
    };
    let (sn, tn) = (set(&fs.names), set(&ft.names));
    // Only configured names are reported: a name learned from the
    // translations (kept verbatim by most) is evidence for aligning and
    // placing segments, but one translation may rightly translate or
    // transliterate it (`Collector` as `コレクター`, `Firefox` as `火狐`):
    // 8 of 31 labelled findings on learned names were true.
    let configured = |n: &&str| {
        pair.page
            .reading
            .names
            .is_some_and(|names| names.is_configured(n))
    };
    let added: Vec<&str> = missing(&tn, &sn).into_iter().filter(configured).collect();
    // A name written in lower case in the prose is still there
    // (`internet`; not `signal` of a URL), also inside a run of Chinese
    // (`不启用Javascript`), and so is one written in another script
    // (`גוגל`, `Гугл` for Google).
    // (The prose is lower-cased only when a name is missing.)
    let mut gone: Vec<&str> = missing(&sn, &tn).into_iter().filter(configured).collect();
    if !gone.is_empty() {
        let lower = align::prose(&t.text).to_lowercase();
        let skeletons = transliterated(&lower);
        gone.retain(|n| !written(&lower, &n.to_lowercase()) && !sounds_in(&skeletons, n));
    }
    // Headings are in title case, and translated freely.
    if s.kind == SegmentKind::Heading {
        return None;
    }
    difference("name", &gone, &added).map(|m| pair.finding(Check::Names, m))
}
