//! Facts on small texts, and alignments of small documents.

use super::*;

#[test]
fn numbers_are_normalised_across_locales() {
    let f = facts(
        "1,000 users, 1.000 utenti, 1 000 usagers, 1\u{a0}000 and 2,5 or 2.5; in 2016 100 left; v3 007",
    );
    assert_eq!(
        f.numbers,
        [
            "1000", "1000", "1000", "1000", "2.5", "2.5", "2016", "100", "7"
        ]
    );
}

#[test]
fn links_images_code_icons_and_markup() {
    let f = facts(
        "**Signal** is [audited](https://eprint.iacr.org/2016/1013.pdf) ![logo](a/signal.svg) `npm i` :octicons-home-16: see https://signal.org/docs. and _this_ [^1]",
    );
    assert_eq!(
        f.urls,
        [
            "https://eprint.iacr.org/2016/1013.pdf",
            "https://signal.org/docs"
        ]
    );
    assert_eq!(f.images, ["a/signal.svg"]);
    assert_eq!(f.code, ["npm i"]);
    assert_eq!(f.icons, ["octicons-home-16"]);
    assert_eq!(f.footnotes, ["1"]);
    assert_eq!((f.links, f.strong, f.emphasis), (1, 1, 1));
    assert_eq!(
        f.numbers,
        Vec::<String>::new(),
        "numbers inside URLs are not prose"
    );
}

fn units<'a>(texts: &'a [(&'a str, SegmentKind)]) -> Vec<Unit<'a>> {
    texts
        .iter()
        .map(|&(text, kind)| Unit {
            kind,
            containers: &[],
            text,
            recovered: false,
        })
        .collect()
}

use SegmentKind::{Heading as H, Paragraph as P};

const SOURCE: &[(&str, SegmentKind)] = &[
    ("Signal", H),
    (
        "Signal was audited in 2016 ([paper](https://eprint.iacr.org/2016/1013.pdf)).",
        P,
    ),
    ("It needs a phone number.", P),
    ("Groups hold up to 1,000 members.", P),
    ("Element", H),
    ("Element uses [Matrix](https://matrix.org).", P),
    ("Calls are not end-to-end encrypted.", P),
];

const ITALIAN: &[(&str, SegmentKind)] = &[
    ("Signal", H),
    (
        "Signal è stato verificato nel 2016 ([articolo](https://eprint.iacr.org/2016/1013.pdf)).",
        P,
    ),
    ("Richiede un numero di telefono.", P),
    ("I gruppi contengono fino a 1.000 membri.", P),
    ("Element", H),
    ("Element usa [Matrix](https://matrix.org).", P),
    ("Le chiamate non sono cifrate end-to-end.", P),
];

fn pairs(a: &Alignment) -> Vec<(usize, usize)> {
    a.pairs.iter().map(|p| (p.source, p.translation)).collect()
}

#[test]
fn a_faithful_translation_pairs_in_order() {
    let a = align(&units(SOURCE), &units(ITALIAN));
    assert_eq!(pairs(&a), (0..7).map(|i| (i, i)).collect::<Vec<_>>());
    assert!(a.unpaired_source.is_empty() && a.unpaired_translation.is_empty());
    assert_eq!(a.pairs[0].reason, "identical text");
    assert!(
        a.pairs[3].reason.contains("facts 1/1"),
        "{}",
        a.pairs[3].reason
    );
}

#[test]
fn self_alignment_is_certain() {
    let a = align(&units(SOURCE), &units(SOURCE));
    assert!(
        a.pairs
            .iter()
            .all(|p| p.confidence == 1.0 && p.source == p.translation)
    );
}

#[test]
fn a_deleted_and_an_inserted_paragraph_stay_local() {
    let mut deleted = ITALIAN.to_vec();
    deleted.remove(2);
    let a = align(&units(SOURCE), &units(&deleted));
    assert_eq!(a.unpaired_source, [2]);
    assert_eq!(pairs(&a), [(0, 0), (1, 1), (3, 2), (4, 3), (5, 4), (6, 5)]);

    let mut inserted = ITALIAN.to_vec();
    inserted.insert(4, ("Un paragrafo aggiunto dal traduttore, senza fatti.", P));
    let a = align(&units(SOURCE), &units(&inserted));
    assert_eq!(a.unpaired_translation, [4]);
    assert_eq!(a.unpaired_source, Vec::<usize>::new());
}

#[test]
fn a_sentence_copied_from_later_is_not_the_translation_of_what_is_here() {
    // The translation lost paragraph 2 and has a copy of paragraph 5 there.
    let mut glued = ITALIAN.to_vec();
    glued[2] = ("Element usa [Matrix](https://matrix.org).", P);
    let a = align(&units(SOURCE), &units(&glued));
    assert!(
        !pairs(&a).contains(&(2, 2)),
        "the copy is not paired with the paragraph it replaced: {a:?}"
    );
    assert!(pairs(&a).contains(&(5, 5)));
}
