//! Facts on small texts, and alignments of small documents.

use super::*;

fn align(source: &[Unit<'_>], translation: &[Unit<'_>]) -> Alignment {
    super::align(source, translation, &Options::default())
}

fn numbers_in(text: &str, code: &str) -> Vec<String> {
    let reading = Reading {
        language: Language::of_locale(code),
        names: None,
    };
    facts_in(text, &reading).numbers
}

#[test]
fn spelled_out_numbers_in_six_languages_and_english() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "en",
            "two-factor, twenty-one, forty two, three hundred, ten thousand and 5",
            &["2", "21", "42", "300", "10000", "5"],
        ),
        (
            "it",
            "ventuno, ventotto, trentatré, cento, duecento, mille, duemila, novantanove",
            &["21", "28", "33", "100", "200", "1000", "2000", "99"],
        ),
        (
            "fr",
            "vingt et un, soixante-dix, soixante et onze, quatre-vingts, quatre-vingt-dix-neuf, deux cents, dix mille",
            &["21", "70", "71", "80", "99", "200", "10000"],
        ),
        (
            "de",
            "einundzwanzig, dreißig, zweihundert, tausend, zehntausend, elf",
            &["21", "30", "200", "1000", "10000", "11"],
        ),
        (
            "es",
            "veintiuno, treinta y cinco, cien, quinientos, dos mil, dieciséis",
            &["21", "35", "100", "500", "2000", "16"],
        ),
        (
            "pt",
            "vinte e um, duas, cem, quinhentas, dois mil, dezesseis, dezasseis",
            &["21", "2", "100", "500", "2000", "16", "16"],
        ),
        (
            "nl",
            "eenentwintig, tweeëntwintig, honderd, vijfhonderd, duizend, negentig",
            &["21", "22", "100", "500", "1000", "90"],
        ),
    ];
    for (code, text, expected) in cases {
        assert_eq!(numbers_in(text, code), *expected, "{code}: {text}");
    }
    // Words for one are articles too; Italian `sei` is also "you are".
    assert_eq!(
        numbers_in("Se sei un utente, usa una chiave", "it"),
        Vec::<String>::new()
    );
    assert_eq!(
        numbers_in("one of them, a user", "en"),
        Vec::<String>::new()
    );
    // Digits and words together, in text order; other languages: digits only.
    assert_eq!(
        numbers_in("tre gruppi di 1.000 e dieci", "it"),
        ["3", "1000", "10"]
    );
    assert_eq!(numbers_in("tre gruppi di 1.000", "he"), ["1000"]);
}

#[test]
fn names_configured_and_learned() {
    let names = Names::new(["Signal", "Tor Browser", "F-Droid"]);
    let reading = Reading {
        language: Language::Other,
        names: Some(&names),
    };
    let f = facts_in(
        "Usa **Signal** o Tor Browser da F-Droid (non [Signal](https://signal.org)); Signalling, Tor Browsers.",
        &reading,
    );
    assert_eq!(f.names, ["Signal", "Tor Browser", "F-Droid", "Signal"]);
    // Latin names beside letters of another script.
    let f = facts_in("使用Signal和Tor Browser。", &reading);
    assert_eq!(f.names, ["Signal", "Tor Browser"]);

    let source = "Signal and Session are messengers. The app uses `Docker` at https://Example.org.";
    let learned = learn_names(
        source,
        &[
            "Signal e Session sono app. The",
            "Signal et Session. Docker https://Example.org",
            "Signal en Session zijn apps.",
        ],
    );
    assert_eq!(
        learned,
        ["Session", "Signal"],
        "kept by most, capitalised, not code or URLs"
    );
    assert!(
        learn_names(source, &[source]).is_empty(),
        "one translation says nothing"
    );
}

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

#[test]
fn merged_and_split_paragraphs_pair_with_both_halves() {
    use SegmentKind::ListItem as L;
    let source = [
        ("Intro", H),
        ("Works on 3 platforms and has 12 servers in 4 countries.", L),
        ("Costs 5 dollars per month, or 50 per year.", L),
        ("Open source since 2014.", L),
    ];
    let merged = [
        ("Intro", H),
        (
            "Funziona su 3 piattaforme e ha 12 server in 4 paesi. Costa 5 dollari al mese, o 50 all'anno.",
            L,
        ),
        ("Open source dal 2014.", L),
    ];
    let a = align(&units(&source), &units(&merged));
    assert_eq!(pairs(&a), [(0, 0), (1, 1), (2, 1), (3, 2)], "{a:?}");
    assert!(a.pairs[1].reason.starts_with("two source segments in one"));
    assert_eq!(a.pairs[1].confidence, a.pairs[2].confidence);

    let a = align(&units(&merged), &units(&source));
    assert_eq!(pairs(&a), [(0, 0), (1, 1), (1, 2), (2, 3)], "{a:?}");
    assert!(a.pairs[1].reason.starts_with("one source segment in two"));
}

#[test]
fn a_locale_ratio_replaces_the_page_ratio() {
    // Scores depend on the ratio given, not on the page: the same pairs
    // whatever else the page holds.
    let options = Options {
        ratio: Some(1.1),
        ..Options::default()
    };
    let full = super::align(&units(SOURCE), &units(ITALIAN), &options);
    let mut shorter = ITALIAN.to_vec();
    shorter.remove(6);
    let part = super::align(&units(SOURCE), &units(&shorter), &options);
    for (a, b) in full.pairs.iter().zip(&part.pairs).take(5) {
        assert_eq!(a.confidence, b.confidence);
    }
}

#[test]
fn band_covers_the_diagonal_and_joins_row_to_row() {
    // Small pairs are computed whole.
    let small = Band::new(100, 120);
    assert_eq!((small.start(0), small.width), (0, 121));
    for (n, m) in [(400, 400), (300, 900), (900, 300), (1, 70_000), (2_000, 5)] {
        let band = Band::new(n, m);
        assert!(
            band.columns(0).contains(&0) && band.columns(n).contains(&m),
            "{n}x{m}"
        );
        for i in 1..=n {
            let (above, row) = (band.columns(i - 1), band.columns(i));
            assert!(
                above.start <= row.start && row.start < above.end,
                "{n}x{m}: row {i} {row:?} does not join {above:?}"
            );
        }
    }
    assert!(Band::new(400, 400).cells() < 401 * 401 / 2);
}

#[test]
fn long_pages_align_within_the_band_as_a_whole_programme_would() {
    // 400 paragraphs, each with its own number; the translation drops the
    // first 40 and has 30 of its own at the end.
    let source: Vec<String> = (0..400)
        .map(|k| format!("Paragraph {k} says {} things.", 1000 + k))
        .collect();
    let mut translation: Vec<String> = source[40..]
        .iter()
        .map(|t| t.replace("says", "dice"))
        .collect();
    translation.extend((0..30).map(|k| format!("Nuovo paragrafo {k}.")));
    fn unit(text: &str) -> Unit<'_> {
        Unit {
            kind: P,
            containers: &[],
            text,
            recovered: false,
        }
    }
    let s: Vec<Unit<'_>> = source.iter().map(|t| unit(t)).collect();
    let t: Vec<Unit<'_>> = translation.iter().map(|t| unit(t)).collect();
    let alignment = align(&s, &t);
    let expected: Vec<(usize, usize)> = (40..400).map(|k| (k, k - 40)).collect();
    assert_eq!(alignment.one_to_one(), expected);
    assert_eq!(alignment.unpaired_source, (0..40).collect::<Vec<_>>());
    assert_eq!(
        alignment.unpaired_translation,
        (360..390).collect::<Vec<_>>()
    );
}

/// The tokens of `text` found a character at a time: what
/// `names::tokens`, which passes over bytes that cannot start a word,
/// must give.
fn tokens_one_char_at_a_time(text: &str) -> Vec<(usize, &str)> {
    use crate::names::is_word;
    let mut out = Vec::new();
    let mut rest = text.char_indices().peekable();
    while let Some((start, c)) = rest.next() {
        if !is_word(c) {
            continue;
        }
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            let joins = matches!(c, '-' | '_' | '.' | '+')
                && text[i + c.len_utf8()..].chars().next().is_some_and(is_word);
            if is_word(c) || joins {
                rest.next();
            } else {
                end = i;
                break;
            }
        }
        out.push((start, &text[start..end]));
    }
    out
}

#[test]
fn tokens_skip_bytes_that_cannot_start_a_word_and_nothing_else() {
    let cases = [
        "F-Droid, Node.js and Signal's app",
        "ªµº are letters; ÷ is not; Ǆemal ɏ ɐ",
        "Сигнал и F-Droid: 信号 Signal。アプリ-Signal",
        "trailing joiner- and. end+",
        "",
        "ÿ-ÿ ĀāĂ 100MB v1.2.3 _x_",
    ];
    for text in cases {
        let found: Vec<(usize, &str)> = crate::names::tokens(text).collect();
        assert_eq!(found, tokens_one_char_at_a_time(text), "{text:?}");
    }
    let Some(root) = corpus::root("tokens") else {
        return;
    };
    let mut files = corpus::markdown_files(&root.join("privacyguides"));
    files.extend(corpus::markdown_files(&root.join("privacyguides-history")));
    let mut tokens = 0;
    for file in &files {
        let text = corpus::read(file);
        let found: Vec<(usize, &str)> = crate::names::tokens(&text).collect();
        assert_eq!(
            found,
            tokens_one_char_at_a_time(&text),
            "{}",
            file.display()
        );
        tokens += found.len();
    }
    assert!(tokens > 1_000_000, "only {tokens} tokens in the corpus");
}

#[test]
fn the_bound_that_spares_scoring_is_never_below_the_confidence() {
    // Units of every kind family, in two containers, with 0 to 5 facts and
    // lengths from a word to a long paragraph, each scored against each.
    let texts = [
        "Signal",
        "Signal 7 and 2FA",
        "Use https://signal.org on Android 12, iOS 15 and 3 desktops",
        "Il testo tradotto, più lungo del previsto, con 7 fatti: 1, 2, 3, 4.",
        "",
        "1 2 3 4 5 6 7 8 9 10 11 12 https://a.example https://b.example",
        "A paragraph of plain words that goes on for a while without a single fact in it, as prose does.",
    ];
    let kinds = [
        SegmentKind::Paragraph,
        SegmentKind::ListItem,
        SegmentKind::LinkText,
        SegmentKind::Heading,
        SegmentKind::FrontMatter,
    ];
    let containers: [&[Container]; 2] = [&[], &[Container::ListItem]];
    let mut units = Vec::new();
    for (k, text) in texts.iter().enumerate() {
        for (c, kind) in kinds.iter().enumerate() {
            units.push(Unit {
                kind: *kind,
                containers: containers[(k + c) % 2],
                text,
                recovered: (k * c) % 7 == 3,
            });
        }
    }
    let facts: Vec<Facts> = units.iter().map(|u| facts(u.text)).collect();
    let mut interner = Interner::default();
    let mut prepared = interner.prepare(&units, &facts);
    for ratio in [0.5, 1.0, 1.7] {
        let scorer = Scorer::new(&prepared, &prepared, Some(ratio));
        for (k, p) in prepared.iter_mut().enumerate() {
            p.ln = ((k % 3) as f32 * scorer.ratio * p.chars + 8.0).ln();
        }
        let mut scored = 0;
        for s in &prepared {
            for t in &prepared {
                let confidence = scorer.confidence(s, t);
                if identical(s, t) {
                    assert_eq!(confidence, 1.0);
                    continue;
                }
                let bound = most(&s.lane, &t.lane);
                assert!(
                    bound >= confidence,
                    "{bound} < {confidence}: {:?} / {:?}",
                    s.unit,
                    t.unit
                );
                scored += 1;
            }
        }
        assert!(scored > prepared.len() * prepared.len() / 2);
    }
}

#[test]
fn numbers_of_other_scripts_are_read_as_numbers() {
    let numbers = |text: &str| crate::facts(text).numbers;
    // Digits of other scripts, and the Arabic separators.
    assert_eq!(numbers("٢٠٢٤ و ۱۲ و ३ و ４"), ["2024", "12", "3", "4"]);
    assert_eq!(numbers("٣٫٥ ١٬٠٠٠"), ["3.5", "1000"]);
    // A digit after a letter of a script that writes numbers apart is a
    // number of its own; after a Latin letter it is part of a word.
    assert_eq!(numbers("安卓10及以上"), ["10"]);
    assert_eq!(numbers("2021年9月30日"), ["2021", "9", "30"]);
    assert_eq!(numbers("בשנת ב2021"), ["2021"]);
    assert_eq!(numbers("v2 and H2O"), Vec::<String>::new());
    // Chinese and Japanese numerals before a counter; not ordinals, nor one
    // and two, which are words more than facts ("a", "both").
    assert_eq!(numbers("三个节点，十五分钟，五つ"), ["3", "15", "5"]);
    assert_eq!(
        numbers("第二个节点，一个人，两个，二つ"),
        Vec::<String>::new()
    );
    assert_eq!(numbers("一百零五年"), ["105"]);
    assert_eq!(numbers("数百个端点，几十个，十分"), Vec::<String>::new());
    // Attributes of HTML tags are not prose.
    assert_eq!(
        numbers("Extensions <img width=\"32\" src=\"a.svg\"> and 4 more"),
        ["4"]
    );
}

#[test]
fn months_are_named_in_each_language() {
    use crate::{Language, months};
    assert_eq!(months("Sept 30, 2021 announcement", Language::English), [9]);
    assert_eq!(months("le 3 mars 2022", Language::French), [3]);
    assert_eq!(months("il 3 marzo", Language::Italian), [3]);
    // Lower-case `may` and `march` are words.
    assert_eq!(
        months("you may march on", Language::English),
        Vec::<u32>::new()
    );
}
