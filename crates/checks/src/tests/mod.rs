//! Checks on small pages built by hand.

use align::{Language, Names, Reading};
use model::{Segment, SegmentId, SegmentKind};

use super::*;

fn segments(texts: &[(&str, SegmentKind)]) -> Vec<Segment> {
    texts
        .iter()
        .enumerate()
        .map(|(k, &(text, kind))| Segment {
            id: SegmentId::derive("page", kind, k),
            kind,
            spans: model::Spans::default(),
            line: 1 + 2 * k,
            text: text.to_owned(),
            containers: Vec::new().into(),
            heading: None,
        })
        .collect()
}

fn units(s: &[Segment]) -> Vec<align::Unit<'_>> {
    s.iter()
        .map(|s| align::Unit {
            kind: s.kind,
            containers: &s.containers,
            text: &s.text,
            recovered: false,
        })
        .collect()
}

fn read_facts(segments: &[Segment], reading: &Reading<'_>) -> Vec<align::Facts> {
    reading.facts_of(segments.iter().map(|s| s.text.as_str()))
}

fn run(
    source: &[(&str, SegmentKind)],
    translation: &[(&str, SegmentKind)],
    names: &Names,
) -> Vec<Finding> {
    let source = segments(source);
    let translation = segments(translation);
    let source_reading = Reading {
        language: Language::English,
        names: Some(names),
    };
    let reading = Reading {
        language: Language::Italian,
        names: Some(names),
    };
    let options = align::Options {
        source_language: Language::English,
        language: Language::Italian,
        names: Some(names),
        ratio: None,
    };
    let alignment = align::align(&units(&source), &units(&translation), &options);
    let recovered = vec![false; translation.len()];
    check_page(&Page {
        source: &source,
        translation: &translation,
        recovered: &recovered,
        alignment: &alignment,
        broken: &[],
        source_facts: &read_facts(&source, &source_reading),
        translation_facts: &read_facts(&translation, &reading),
        source_reading,
        reading,
        ratio: None,
        glossary: &[],
        link_rules: &[],
        source_text: "",
        text: "",
        markdown: &markdown::Options::default(),
        spelling: None,
        url: None,
    })
}

fn summary(findings: &[Finding]) -> Vec<(String, usize)> {
    findings
        .iter()
        .map(|f| (f.check.name().to_owned(), f.line))
        .collect()
}

use SegmentKind::{Heading as H, LinkText as L, Paragraph as P};

const SOURCE: &[(&str, SegmentKind)] = &[
    ("Signal", H),
    (
        "**Signal** was [audited](https://eprint.iacr.org/2016/1013.pdf) in 2016 and needs a phone number.",
        P,
    ),
    ("Homepage", L),
    ("Session", H),
    (
        "**Session** allows groups of up to 100 members; open groups have no limit at all.",
        P,
    ),
    (
        "Use `session-desktop` from [the site](https://getsession.org/download) for your computer.",
        P,
    ),
];

#[test]
fn a_faithful_translation_has_no_findings() {
    let names = Names::new(["Signal", "Session"]);
    let it = [
        ("Signal", H),
        (
            "**Signal** è stato [verificato](https://eprint.iacr.org/2016/1013.pdf) nel 2016 e richiede un numero di telefono.",
            P,
        ),
        ("Pagina principale", L),
        ("Session", H),
        (
            "**Session** consente gruppi fino a cento membri; i gruppi aperti non hanno limiti.",
            P,
        ),
        (
            "Usa `session-desktop` dal [sito](https://getsession.org/download) per il tuo computer.",
            P,
        ),
    ];
    assert_eq!(
        summary(&run(SOURCE, &it, &names)),
        Vec::<(String, usize)>::new()
    );
}

#[test]
fn wrong_facts_each_reported_by_their_check() {
    let names = Names::new(["Signal", "Session"]);
    let it = [
        ("Signal", H),
        (
            "**Signal** è stato [verificato](https://eprint.iacr.org/2017/1013.pdf) nel 2017 e richiede un numero di telefono.",
            P,
        ),
        ("Pagina principale", L),
        ("Session", H),
        (
            // Strong for emphasis is the same emphasis, counted together.
            "*Session* consente gruppi fino a mille membri; i gruppi aperti non hanno limiti.",
            P,
        ),
        (
            "Use `session-desktop` from [the site](https://getsession.org/download) for your computer.",
            P,
        ),
    ];
    let findings = run(SOURCE, &it, &names);
    assert_eq!(
        summary(&findings),
        [
            ("numbers", 3),
            ("links", 3),
            ("numbers", 9),
            ("untranslated", 11)
        ]
        .map(|(c, l)| (c.to_owned(), l))
    );
    assert_eq!(
        findings[0].message,
        "the source's number `2016` is missing; `2017` is not in the source"
    );
    assert_eq!(
        findings[2].message,
        "the source's number `100` is missing; `1000` is not in the source"
    );
}

#[test]
fn a_sentence_pasted_from_another_section_is_misplaced() {
    let names = Names::new(["Signal", "Session"]);
    let it = [
        ("Signal", H),
        (
            "**Signal** è stato [verificato](https://eprint.iacr.org/2016/1013.pdf) nel 2016 e richiede un numero di telefono.",
            P,
        ),
        // Pasted here: it says what the Session paragraph says.
        ("Session consente gruppi chiusi fino a cento membri.", P),
        ("Session", H),
        (
            "**Session** consente gruppi fino a cento membri; i gruppi aperti non hanno limiti.",
            P,
        ),
        (
            "Usa `session-desktop` dal [sito](https://getsession.org/download) per il tuo computer.",
            P,
        ),
    ];
    let findings = run(SOURCE, &it, &names);
    let misplaced: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.check == Check::Misplaced)
        .collect();
    assert_eq!(misplaced.len(), 1, "{findings:#?}");
    assert_eq!(misplaced[0].line, 5);
    assert_eq!(misplaced[0].source_line, Some(9));
    assert_eq!(misplaced[0].related[0].line, 9);
    assert!(misplaced[0].related[0].in_source);
    assert!(
        findings
            .iter()
            .any(|f| f.check == Check::Links && f.source_line == Some(5)),
        "the button is missing: {findings:#?}"
    );
}

#[test]
fn every_check_has_a_name_and_an_explanation() {
    for check in Check::ALL {
        assert_eq!(Check::from_name(check.name()), Some(check));
        assert!(check.explain().len() > 80);
    }
    assert_eq!(Severity::from_name("warning"), Some(Severity::Warning));
}

/// Both pages segmented and aligned, then checked.
fn run_texts(source: &str, translation: &str) -> Vec<Finding> {
    run_texts_in(source, translation, &markdown::Options::default())
}

/// [`run_texts`] for pages of a dialect.
fn run_texts_in(source: &str, translation: &str, options: &markdown::Options) -> Vec<Finding> {
    run_aligned(source, translation, options, |s, t| {
        align::align(&units(s), &units(t), &align::Options::default())
    })
}

/// Both pages segmented, paired as `align` says, then checked.
fn run_aligned(
    source: &str,
    translation: &str,
    options: &markdown::Options,
    align: impl FnOnce(&[Segment], &[Segment]) -> align::Alignment,
) -> Vec<Finding> {
    let (s, _) = markdown::segment_with(source, options);
    let (t, _) = markdown::segment_with(translation, options);
    let alignment = align(&s.segments, &t.segments);
    let recovered = vec![false; t.segments.len()];
    check_page(&Page {
        source: &s.segments,
        translation: &t.segments,
        recovered: &recovered,
        alignment: &alignment,
        broken: &[],
        source_facts: &read_facts(&s.segments, &Reading::default()),
        translation_facts: &read_facts(&t.segments, &Reading::default()),
        source_reading: Reading::default(),
        reading: Reading::default(),
        ratio: None,
        glossary: &[],
        link_rules: &[],
        source_text: source,
        text: translation,
        markdown: options,
        spelling: None,
        url: None,
    })
}

#[test]
fn structure_beyond_lost_boxes() {
    let source = "---\ntitle: Ferries\ndescription: Boats\nicon: boat\n---\n\n# Ferries\n\n## Timetable\n\n!!! tip \"Early\"\n\n    Come ten minutes early.\n\n| Day | First | Last |\n|-----|-------|------|\n| Mon | 6:40 | 22:10 |\n\n```sh\nferry --list\n```\n";
    let translation = "---\ntitle: Traghetti\nlang: it\n---\n\n# Traghetti\n\n### Orari\n\n!!! note \"Presto\"\n\n    Arrivate dieci minuti prima.\n\n| Giorno | Primo |\n|--------|-------|\n| Lun | 6:40 |\n\n```sh\nferry --lista\n```\n";
    let found: Vec<(usize, Option<usize>, String)> = run_texts(source, translation)
        .into_iter()
        .filter(|f| f.check == Check::Structure)
        .map(|f| (f.line, f.source_line, f.message))
        .collect();
    let expected = [
        (
            1,
            Some(3),
            "the source's front-matter key `description` is missing",
        ),
        (8, Some(9), "a level-3 heading here, level 2 in the source"),
        (
            12,
            Some(13),
            "this paragraph is inside `!!! note` here, inside `!!! tip` in the source",
        ),
        (15, Some(16), "a table of 2 columns here, 3 in the source"),
        (
            18,
            None,
            "this code block is not one of the source's (code is never translated)",
        ),
    ];
    for (line, source_line, message) in expected {
        assert!(
            found.contains(&(line, source_line, message.to_owned())),
            "{message}: {found:#?}"
        );
    }
    // Keys that are not prose (`icon`, `lang`) are the site's metadata.
    assert!(
        !found
            .iter()
            .any(|(_, _, m)| m.contains("`icon`") || m.contains("`lang`")),
        "{found:#?}"
    );
}

#[test]
fn a_list_of_another_shape_is_structure() {
    let source = "# Steps\n\n1. Open the app and sign in with your account.\n2. Choose a folder to share with the other computer.\n";
    let translation = "# Passi\n\n- Apri l'app e accedi con il tuo account.\n- Scegli una cartella da condividere con l'altro computer.\n";
    let found: Vec<(usize, String)> = run_texts(source, translation)
        .into_iter()
        .filter(|f| f.check == Check::Structure)
        .map(|f| (f.line, f.message))
        .collect();
    assert_eq!(
        found.first(),
        Some(&(
            3,
            "a bulleted list item at depth 1 here, an ordered list item at depth 1 in the source"
                .to_owned()
        )),
        "{found:?}"
    );
}

#[test]
fn an_abbreviation_of_the_page_must_stay() {
    let source = "# DNS\n\nEvery DNS query goes to the resolver that your ISP runs for you.\n\n*[DNS]: Domain Name System\n*[ISP]: Internet Service Provider\n";
    let translation = "# DNS\n\nOgni richiesta DNS va al resolver che il tuo fornitore gestisce per te.\n\n*[DNS]: Domain Name System\n*[ISP]: Internet Service Provider\n";
    let markup: Vec<(usize, String)> = run_texts(source, translation)
        .into_iter()
        .filter(|f| f.check == Check::Markup)
        .map(|f| (f.line, f.message))
        .collect();
    assert_eq!(
        markup,
        [(3, "the source's abbreviation `ISP` is missing".to_owned())]
    );
}

#[test]
fn english_words_are_counted_as_in_the_lower_cased_prose() {
    // The count reads each character lower-cased; it must find the words
    // that splitting a lower-cased copy finds, also where lower-casing
    // changes the number of characters (`İ` is `i` and a combining dot,
    // which is no letter) or makes ASCII of what was not (the Kelvin sign).
    let oracle = |text: &str| {
        let prose = align::prose(text).to_lowercase();
        let words: Vec<&str> = prose
            .split(|c: char| !(c.is_alphabetic() || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        let english = words.iter().filter(|w| pairs::ENGLISH.contains(w)).count();
        (words.len(), english)
    };
    let texts = [
        "The app is not what you think it is, and it should be used with care.",
        "L'app n'est pas ce que vous pensez : **elle** doit être utilisée avec soin.",
        "İSTANBUL and İzmir are THE cities; ΣΟΦΟΣ ΟΔΥΣΣΕΥΣ; the \u{212A}ELVIN of it",
        "Use [Signal](https://signal.org) or `code here` with the app, don't you?",
        "",
        "'' ' 'a' b'c' — 12 34 and the end",
        "Straße ǅemal ÅNGSTRÖM the THE tHe",
    ];
    for text in texts {
        assert_eq!(pairs::english_count(text), oracle(text), "{text}");
    }
}

#[test]
fn the_quick_english_count_is_never_below_the_full_one() {
    // in_english skips the full count when the quick one finds fewer than
    // two words: it must find every word the full count finds.
    let texts = [
        "The app is not what you think it is, and it should be used with care.",
        "THE app, \u{2019}the\u{2019} «the» the—and 这the中 andthe the's it's DON'T",
        "İSTANBUL and İzmir are THE cities; ΣΟΦΟΣ ΟΔΥΣΣΕΥΣ; the \u{212A}ELVIN of it",
        "Use [Signal](https://signal.org) or `code here` with the app, don't you?",
        "Straße ǅemal ÅNGSTRÖM the THE tHe ЗАЧЕМ the и and",
        "",
        "l'app è a posto, ma non per tutti",
    ];
    for text in texts {
        let prose = align::prose(text);
        let (_, english) = pairs::english_count(text);
        assert!(pairs::english_most(&prose, usize::MAX) >= english, "{text}");
        // And it stops at what is enough.
        assert!(pairs::english_most(&prose, 2) <= 2, "{text}");
    }
    // No common word has a `k` (what the Kelvin sign lower-cases to), and
    // none is longer than the quick count's buffer.
    assert!(
        pairs::ENGLISH
            .iter()
            .all(|w| !w.contains('k') && w.len() <= 8)
    );
}

#[test]
fn missing_items_are_a_multiset_difference_on_both_sides_of_64() {
    // Lists of a few distinct words with repeats, the other side short (the
    // marked-word way) or longer than 64 (the counting way): each item of
    // `b` cancels one equal item of `a`, the rest of `a` stays in order.
    let words = ["1", "2", "Signal", "https://a.example", "2", "x"];
    let list = |seed: usize, len: usize| -> Vec<String> {
        (0..len)
            .map(|k| words[(k * 7 + seed * 3 + k * k * seed) % words.len()].to_owned())
            .collect()
    };
    for seed in 0..40 {
        for (la, lb) in [(0, 3), (5, 0), (6, 4), (12, 64), (9, 65), (70, 100)] {
            let (a, b) = (list(seed, la), list(seed + 1, lb));
            let mut left = b.clone();
            let expected: Vec<&str> = a
                .iter()
                .filter(|x| match left.iter().position(|y| y == *x) {
                    Some(k) => {
                        left.remove(k);
                        false
                    }
                    None => true,
                })
                .map(String::as_str)
                .collect();
            assert_eq!(pairs::missing(&a, &b), expected, "{a:?} - {b:?}");
        }
    }
}

#[test]
fn code_blocks_compare_as_code_not_as_text() {
    let source = "# Setup\n\nRun:\n\n```sh\n# install the pump tools\n$ pump install --all\npump start 'tank'  # starts it\n```\n\n```js\n// the port\nconst port = 8080; /* fixed */\n```\n";
    // Comments translated, prompts dropped, quotes and indentation changed.
    let same = "# Preparazione\n\nEsegui:\n\n```sh\n# installa gli strumenti della pompa\npump install --all\n\n  pump start \"tank\"  # la avvia\n```\n\n```js\n// la porta\nconst port = 8080; /* fissa */\n```\n";
    let structure = |translation: &str| -> Vec<String> {
        run_texts(source, translation)
            .into_iter()
            .filter(|f| f.check == Check::Structure)
            .map(|f| f.message)
            .collect()
    };
    assert_eq!(structure(same), Vec::<String>::new());
    // A real change of code is one finding at the block, naming the line
    // that changed.
    let changed = structure(&same.replace("8080", "8081"));
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(
        changed[0].starts_with("this code block is the source's at line 11 in another form")
            && changed[0].contains("`const port = 8081; /* fissa */` here, `const port = 8080; /* fixed */` in the source"),
        "{changed:?}"
    );
    // Other code altogether is not the source's, and a block dropped is
    // missing.
    let other =
        structure(&same.replace("const port = 8080; /* fissa */", "fetch(url).then(show);"));
    assert_eq!(
        other,
        ["this code block is not one of the source's (code is never translated)"]
    );
    let dropped = structure(&same.replace(
        "```js\n// la porta\nconst port = 8080; /* fissa */\n```\n",
        "",
    ));
    assert_eq!(dropped.len(), 1, "{dropped:?}");
    assert!(
        dropped[0].starts_with("the source's code block at line 11 is missing"),
        "{dropped:?}"
    );
}

#[test]
fn a_code_span_of_the_source_written_as_a_block_is_the_source_s_code() {
    let source = "# Dashboard\n\nOpen it with `bash kubectl port-forward svc/dashboard 2333:2333`, then browse.\n";
    let translation = "# Dashboard\n\nAprilo con:\n\n```bash\nkubectl port-forward svc/dashboard 2333:2333\n```\n\npoi naviga.\n";
    let structure: Vec<String> = run_texts(source, translation)
        .into_iter()
        .filter(|f| f.check == Check::Structure)
        .map(|f| f.message)
        .collect();
    assert!(
        !structure.iter().any(|m| m.contains("code block")),
        "{structure:?}"
    );
}

#[test]
fn a_stub_translation_is_one_finding() {
    let mut source = String::from("# Pumps\n\n");
    for k in 0..40 {
        source.push_str(&format!(
            "Pump {k} moves {} litres a minute through [valve {k}](https://example.org/{k}).\n\n",
            10 + k
        ));
    }
    let stub = "# Pompe\n\nQuesta pagina non è ancora tradotta.\n";
    let findings = run_texts(&source, stub);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].check, Check::Stub);
}

#[test]
fn a_translation_of_a_stub_source_page_is_one_finding() {
    let mut translation = String::from("# Pompe\n\n");
    for k in 0..40 {
        translation.push_str(&format!(
            "La pompa {k} muove {} litri al minuto attraverso la [valvola {k}](https://example.org/{k}).\n\n",
            10 + k
        ));
    }
    let findings = run_texts("# Pumps\n\nTODO\n", &translation);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].check, Check::Stub);
    assert!(findings[0].message.starts_with("the source page is a stub"));
}

#[test]
fn untranslated_segments_are_one_finding_per_page() {
    let source = "# Pumps\n\nEvery pump in the tank moves forty litres of water each minute of the day.\n\nThe valves open slowly when the pressure in the tank rises above the mark.\n\nClean the filters of the pumps once a month with a soft brush and water.\n";
    let translation = "# Pompe\n\nEvery pump in the tank moves forty litres of water each minute of the day.\n\nThe valves open slowly when the pressure in the tank rises above the mark.\n\nPulisci i filtri delle pompe una volta al mese con una spazzola morbida.\n";
    let untranslated: Vec<Finding> = run_texts(source, translation)
        .into_iter()
        .filter(|f| f.check == Check::Untranslated)
        .collect();
    assert_eq!(untranslated.len(), 1, "{untranslated:#?}");
    assert!(
        untranslated[0]
            .message
            .starts_with("2 segments left untranslated")
            && untranslated[0].message.contains("lines 3, 5"),
        "{}",
        untranslated[0].message
    );
}

#[test]
fn names_are_found_in_other_scripts_and_inside_chinese() {
    let names = Names::new(["Google", "JavaScript", "Signal"]);
    let source = [(
        "You can use Google and JavaScript with Signal on every phone you own.",
        P,
    )];
    for text in [
        "Puoi usare Google e javascript con Signal su ogni telefono che hai.",
        "不启用Javascript就不能使用Google和Signal的所有功能。",
        "אתה יכול להשתמש בגוגל וב-JavaScript עם סיגנל בכל טלפון שיש לך.",
        "Вы можете использовать Гугл и ДжаваСкрипт с Сигнал на любом телефоне.",
    ] {
        let findings = run(&source, &[(text, P)], &names);
        assert!(
            findings.iter().all(|f| f.check != Check::Names),
            "{text}: {findings:#?}"
        );
    }
    // A name really missing is still found.
    let findings = run(
        &source,
        &[(
            "Puoi usare il motore di ricerca e javascript con Signal.",
            P,
        )],
        &names,
    );
    assert!(
        findings
            .iter()
            .any(|f| f.check == Check::Names && f.message.contains("Google")),
        "{findings:#?}"
    );
}

/// Findings that a careful reader found false on the corpus sites, each
/// made small here (see PRECISION.md).
mod precision;

#[test]
fn reference_definitions_may_put_their_url_on_the_next_line() {
    let defined = crate::pairs::references(
        "Use [nvm][] and [Docs].\n\n[nvm]:\n  https://github.com/nvm-sh/nvm\n[docs]: </docs/> \"Docs\"\n    [code]: https://example.org\n[^1]: a footnote\n",
    );
    let mut got: Vec<(&str, &str)> = defined
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    got.sort();
    assert_eq!(
        got,
        [("docs", "/docs/"), ("nvm", "https://github.com/nvm-sh/nvm")]
    );
}

#[test]
fn a_layout_the_translation_does_without_is_one_finding_and_an_unused_import_none() {
    let options = markdown::Options::for_dialect(markdown::Dialect::Docusaurus);
    let source = "import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\nimport Unused from '@site/src/Unused';\n\n# Install\n\nPick your system.\n\n<Tabs>\n<TabItem value=\"deb\" label=\"Debian\">\n\nRun the Debian installer.\n\n</TabItem>\n<TabItem value=\"rpm\" label=\"Fedora\">\n\nRun the Fedora installer.\n\n</TabItem>\n</Tabs>\n\nThen start it.\n";
    let translation = "# Installazione\n\nScegli il tuo sistema.\n\n- Debian: esegui l'installatore Debian.\n- Fedora: esegui l'installatore Fedora.\n\nPoi avvialo.\n";
    let layout: Vec<String> = run_texts_in(source, translation, &options)
        .into_iter()
        .filter(|f| f.check == Check::Structure && f.message.contains("component"))
        .map(|f| f.message)
        .collect();
    assert_eq!(layout.len(), 1, "{layout:?}");
    assert!(
        layout[0].starts_with("the source's `Tabs` component (with `TabItem`)"),
        "{layout:?}"
    );
    assert!(!layout[0].contains("Unused"), "{layout:?}");
}

#[test]
fn a_command_and_its_output_in_one_block_are_the_source_s_two() {
    let source = "# Env\n\nList them:\n\n```bash\nvela env ls\n```\n```console\nNAME    CURRENT\ndemo    *\n```\n\nDone.\n";
    let merged = "# Ambienti\n\nElencali:\n\n```bash\n$ vela env ls\nNAME    CURRENT\ndemo    *\n```\n\nFatto.\n";
    let structure = |source: &str, translation: &str| -> Vec<String> {
        run_texts(source, translation)
            .into_iter()
            .filter(|f| f.check == Check::Structure)
            .map(|f| f.message)
            .collect()
    };
    assert_eq!(structure(source, merged), Vec::<String>::new());
    // The other way round: split in the translation.
    assert_eq!(structure(merged, source), Vec::<String>::new());
    // An output line changed is still code that differs.
    let changed = merged.replace("demo    *", "prod    *");
    assert!(
        structure(source, &changed)
            .iter()
            .any(|m| m.contains("code block")),
        "{:?}",
        structure(source, &changed)
    );
}

/// The structure findings of `translation` against `source` when the
/// aligner paired their segments as `pairs` (source, translation indices).
fn structure_with_pairs(source: &str, translation: &str, pairs: &[(usize, usize)]) -> Vec<String> {
    let alignment = |s: &[Segment], t: &[Segment]| align::Alignment {
        pairs: pairs
            .iter()
            .map(|&(source, translation)| align::Pair {
                source,
                translation,
                confidence: 0.8,
                reason: String::new(),
            })
            .collect(),
        unpaired_source: (0..s.len())
            .filter(|i| !pairs.iter().any(|p| p.0 == *i))
            .collect(),
        unpaired_translation: (0..t.len())
            .filter(|i| !pairs.iter().any(|p| p.1 == *i))
            .collect(),
    };
    run_aligned(
        source,
        translation,
        &markdown::Options::default(),
        alignment,
    )
    .into_iter()
    .filter(|f| f.check == Check::Structure)
    .map(|f| format!("{} {}: {}", f.line, f.severity.name(), f.message))
    .collect()
}

#[test]
fn a_quote_paired_with_the_paragraph_beside_the_source_s_quote_is_the_aligner_s_guess() {
    // The translation skips the source's third paragraph; the aligner
    // paired its quote with it, leaving the source's quote unpaired.
    let source =
        "Press the button.\n\nIt removes the whole instance.\n\n> Removed data cannot come back.\n";
    let translation = "Premi il pulsante.\n\n> I dati rimossi non tornano.\n";
    assert_eq!(
        structure_with_pairs(source, translation, &[(0, 0), (1, 1)]),
        Vec::<String>::new()
    );
    // No quote left unpaired beside it: the quote is one the source lacks.
    let source =
        "Press the button.\n\nIt removes the whole instance.\n\nRemoved data cannot come back.\n";
    assert_eq!(
        structure_with_pairs(source, translation, &[(0, 0), (1, 1)]),
        ["3 warning: this paragraph is inside `blockquote` here, at the top level in the source"]
    );
    // A pair that shares a fact (a link) is no guess.
    let source = "Press the button.\n\nSee [the guide](https://example.org/g).\n\n> Removed data cannot come back.\n";
    let translation = "Premi il pulsante.\n\n> Vedi [la guida](https://example.org/g).\n";
    assert_eq!(
        structure_with_pairs(source, translation, &[(0, 0), (1, 1)]),
        ["3 warning: this paragraph is inside `blockquote` here, at the top level in the source"]
    );
    // A quote the translation lost is an error (a quote it adds, above,
    // loses nothing).
    assert_eq!(
        structure_with_pairs(translation, source, &[(0, 0), (1, 1)]),
        ["3 error: this paragraph is at the top level here, inside `blockquote` in the source"]
    );
}

#[test]
fn a_name_from_the_source_s_code_set_in_backticks_is_no_new_code() {
    let code = |source: &str, translation: &str| -> Vec<String> {
        run_texts(source, translation)
            .into_iter()
            .filter(|f| f.check == Check::Code)
            .map(|f| f.message)
            .collect()
    };
    let source = "# Edit\n\nSave the definition to a file:\n\n```shell\nvela def get webservice > my-deployment.yaml\n```\n\nThen edit the file and apply it.\n";
    let translation = "# Modifica\n\nSalva la definizione in un file:\n\n```shell\nvela def get webservice > my-deployment.yaml\n```\n\nPoi modifica `my-deployment.yaml` e applicalo.\n";
    assert_eq!(code(source, translation), Vec::<String>::new());
    // The trait definition, written as the identifier.
    let source = "# Traits\n\nThe trait definition says what it patches.\n";
    let translation = "# Tratti\n\nIl `TraitDefinition` dice cosa modifica.\n";
    assert_eq!(code(source, translation), Vec::<String>::new());
    // A plain word is in any page's prose: `Trace` for `Tracer` stays a change.
    let source =
        "# Traces\n\nA Trace is a tree of spans.\n\nA provider is a factory for `Tracer`s.\n";
    let translation =
        "# Tracce\n\nUna Trace è un albero di span.\n\nUn provider è una fabbrica di `Trace`.\n";
    let found = code(source, translation);
    assert!(
        found
            .iter()
            .any(|m| m.contains("`Trace` is not in the source")),
        "{found:?}"
    );
}

#[test]
fn a_shortcode_s_words_may_be_translated_and_its_paths_may_not() {
    let options = markdown::Options::for_dialect(markdown::Dialect::Hugo);
    let structure = |translation: &str| -> Vec<String> {
        let source = "# Signals\n\n{{< home/signal name=\"Traces\" url=\"/docs/traces/\" >}}\nSpans in a tree. {{< /home/signal >}}\n";
        run_texts_in(source, translation, &options)
            .into_iter()
            .filter(|f| f.check == Check::Structure)
            .map(|f| f.message)
            .collect()
    };
    let named = "# Segnali\n\n{{< home/signal name=\"Tracce\" url=\"/docs/traces/\" >}}\nSpan in un albero. {{< /home/signal >}}\n";
    assert_eq!(structure(named), Vec::<String>::new());
    let moved = "# Segnali\n\n{{< home/signal name=\"Tracce\" url=\"/docs/tracce/\" >}}\nSpan in un albero. {{< /home/signal >}}\n";
    let found = structure(moved);
    assert!(
        found
            .iter()
            .any(|m| m.contains("url=\"/docs/traces/\"") && m.contains("is missing")),
        "{found:?}"
    );
}

#[test]
fn a_live_sample_follows_its_translated_heading() {
    let options = markdown::Options::for_dialect(markdown::Dialect::Mdn);
    let source = "## Using counters\n\nCounters count.\n\n{{EmbedLiveSample(\"Using_counters\")}}\n\n## Nested counters\n\nThey nest.\n\n{{EmbedLiveSample(\"Nested_counters\")}}\n";
    let structure = |translation: &str| -> Vec<(usize, String)> {
        run_texts_in(source, translation, &options)
            .into_iter()
            .filter(|f| f.check == Check::Structure && f.severity == crate::Severity::Error)
            .map(|f| (f.line, f.message))
            .collect()
    };
    let translated = "## Zähler verwenden\n\nZähler zählen.\n\n{{EmbedLiveSample(\"Zähler_verwenden\")}}\n\n## Verschachtelte Zähler\n\nSie verschachteln.\n\n{{EmbedLiveSample(\"Verschachtelte_Zähler\")}}\n";
    assert_eq!(structure(translated), []);
    // The source's names kept under translated headings.
    let kept = "## Zähler verwenden\n\nZähler zählen.\n\n{{EmbedLiveSample(\"Using_counters\")}}\n\n## Verschachtelte Zähler\n\nSie verschachteln.\n\n{{EmbedLiveSample(\"Nested_counters\")}}\n";
    assert_eq!(structure(kept), []);
    // The first sample lost: reported at its place, not at the second.
    let lost = "## Zähler verwenden\n\nZähler zählen.\n\n## Verschachtelte Zähler\n\nSie verschachteln.\n\n{{EmbedLiveSample(\"Verschachtelte_Zähler\")}}\n";
    let found = structure(lost);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.contains("(line 5)"), "{found:?}");
}
