//! The spelling check with a dictionary of a few words.

use model::hash::FastSet as HashSet;

use align::{Language, Reading};
use model::{Segment, SegmentId, SegmentKind};

use super::known::Lexicon;
use super::suggest::{Sources, letter_pairs, suggest};
use super::{Memo, Speller, Spelling, words::candidates};
use crate::{Check, Page};

/// A dictionary that knows the words it is given, in lower case and
/// capitalised, and the elided forms of its words after `l'` and `dell'`.
struct Words(HashSet<String>);

impl Words {
    fn of(words: &[&str]) -> Self {
        Words(words.iter().map(|w| (*w).to_owned()).collect())
    }
}

impl Speller for Words {
    fn knows(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let bare = ["l'", "dell'"]
            .iter()
            .find_map(|p| lower.strip_prefix(p))
            .unwrap_or(&lower);
        self.0.contains(bare)
    }

    fn alphabet(&self) -> &[char] {
        &[
            'e', 'a', 'i', 'o', 'r', 'n', 't', 'l', 's', 'c', 'd', 'u', 'p', 'é', 'è',
        ]
    }
}

const ITALIAN: &[&str] = &[
    "la",
    "perfetta",
    "utilizzando",
    "algoritmo",
    "il",
    "di",
    "è",
    "app",
    "chiamate",
    "video",
    "anonimo",
    "allocare",
    "tuo",
    "dispositivo",
    "perché",
    "seleziona",
    "privacy",
    "e",
    "un",
];

fn lexicon<'a>(
    speller: &'a Words,
    source: &'a HashSet<String>,
    listed: &'a HashSet<String>,
) -> Lexicon<'a> {
    Lexicon {
        speller,
        english: None,
        source_words: source,
        listed,
    }
}

#[test]
fn candidates_are_words_of_letters() {
    let words: Vec<&str> = candidates(
        "L'algoritmo usa octicons-heart-16, e.g. HTTPS, WhatsApp e (parole) 2FA dell'app ok",
    )
    .map(|c| c.word)
    .collect();
    // No digits, code punctuation, acronyms, camel case or two-letter words.
    assert_eq!(words, ["L'algoritmo", "usa", "parole", "dell'app"]);
}

#[test]
fn elided_compound_derived_and_borrowed_words_are_words() {
    let source: HashSet<String> = ["host", "root", "data", "center", "webpage", "render"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    let speller = Words::of(&[ITALIAN, &["gesamt", "exécuté"]].concat());
    let listed: HashSet<String> = ["spezifität".to_owned()].into_iter().collect();
    let lexicon = lexicon(&speller, &source, &listed);
    for word in [
        "Gesamtspezifität",
        "réexécuté",
        "gerendert",
        "hostiamo",
        "L'algoritmo",
        "dell'app",
        "videochiamate",
        "anonimizzato",
        "allocatore",
        "hostato",
        "datacenter",
        "webpage’s",
        "anti-algoritmo",
    ] {
        assert!(lexicon.accepts(word), "{word} is a word");
    }
    for typo in ["L'algoritmto", "laperfetta", "utilzzando", "tuodispositivo"] {
        assert!(!lexicon.accepts(typo), "{typo} is a typo");
    }
}

#[test]
fn suggestions_are_single_edits_cheapest_first() {
    let speller = Words::of(ITALIAN);
    let page: HashSet<String> = ["seleziona", "privacy"]
        .map(str::to_owned)
        .into_iter()
        .collect();
    let known: HashSet<String> = page
        .iter()
        .cloned()
        .chain(ITALIAN.iter().map(|w| (*w).to_owned()))
        .collect();
    let pairs = letter_pairs(&known);
    let sources = Sources {
        speller: &speller,
        page_words: &page,
        pairs: Some(&pairs),
    };
    let s = |word: &str| suggest(word, &sources);
    assert_eq!(s("perchè"), ["perché"], "an accent");
    assert_eq!(s("Sleziona"), ["Seleziona"], "a page word, capital kept");
    assert_eq!(s("privay"), ["privacy"]);
    assert_eq!(s("algoritmto"), ["algoritmo"], "a letter too many");
    assert_eq!(s("laperfetta"), ["la perfetta"], "a missing space");
    assert_eq!(s("utilzzando"), ["utilizzando"], "a missing letter");
    assert!(s("qwxz").is_empty());
}

fn segment(text: &str, line: usize) -> Segment {
    Segment {
        id: SegmentId::derive("page", SegmentKind::Paragraph, line),
        kind: SegmentKind::Paragraph,
        spans: model::Spans::default(),
        line,
        text: text.to_owned(),
        containers: Vec::new().into(),
        heading: None,
    }
}

/// The spelling findings of a translated page whose segments are its lines.
fn spell(text: &str, words: &[&str]) -> Vec<(usize, String)> {
    let translation: Vec<Segment> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(k, l)| segment(l, k + 1))
        .collect();
    let speller = Words::of(ITALIAN);
    let source_words: HashSet<String> = ["signal", "is", "the", "app"]
        .map(str::to_owned)
        .into_iter()
        .collect();
    let words: HashSet<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let memo = Memo::default();
    let spelling = Spelling {
        speller: &speller,
        source_speller: None,
        locale: "it",
        words: &words,
        source_words: &source_words,
        memo: &memo,
    };
    let recovered = vec![false; translation.len()];
    let page = Page {
        source: &[],
        translation: &translation,
        recovered: &recovered,
        alignment: &align::Alignment::default(),
        broken: &[],
        source_facts: &[],
        translation_facts: &[],
        source_reading: Reading {
            language: Language::English,
            names: None,
        },
        reading: Reading {
            language: Language::Italian,
            names: None,
        },
        ratio: None,
        glossary: &[],
        link_rules: &[],
        source_text: "",
        text,
        markdown: &markdown::Options::default(),
        spelling: Some(&spelling),
        url: None,
    };
    let mut out = Vec::new();
    super::check(&page, &spelling, &mut out);
    assert!(out.iter().all(|f| f.check == Check::Spelling));
    out.into_iter().map(|f| (f.line, f.message)).collect()
}

#[test]
fn a_page_gets_each_unknown_word_once_with_its_column() {
    let found = spell(
        "Signal è la app.\n\nIl `codice` e [la app](https://example.org/utilzzando) laperfetta.\n\nUtilzzando laperfetta e un gizmo.\n",
        &["gizmo"],
    );
    assert_eq!(
        found,
        [
            (
                3,
                "`laperfetta` (column 56) is not in the it dictionary; did you mean `la perfetta`? (written once more on the page)".to_owned()
            ),
            (
                5,
                "`Utilzzando` (column 1) is not in the it dictionary; did you mean `Utilizzando`?"
                    .to_owned()
            ),
        ],
        "code, link targets, source words and the project's words are not spelled"
    );
}

#[test]
fn the_word_of_a_finding_is_read_back() {
    let finding = crate::Finding {
        check: Check::Spelling,
        severity: crate::Severity::Warning,
        line: 1,
        source_line: None,
        segment_id: None,
        message: super::message("dell'acount", 3, "it", &[], 0),
        related: Vec::new(),
        confidence: 1.0,
    };
    assert_eq!(super::unknown_word(&finding), Some("dell'acount"));
}
