//! `bitext check` spelling with Debian's Hunspell dictionaries
//! (`hunspell-it`, `hunspell-fr`, `hunspell-de-de`, `hunspell-en-us`, which
//! `.ci/run` installs): the seed page's three typos, the privacyguides
//! corpus's findings against the labels in `tests/spelling/labels.tsv`,
//! the word list `--learn-words` writes; and a locale without a dictionary.
//! Corpus files are copied unchanged into temp projects.

use std::collections::HashMap;
use std::path::Path;

mod support;
use support::{bitext, write};

/// Whether the dictionaries the tests read are installed; in CI they must be.
fn dictionaries(test: &str) -> bool {
    let dir = Path::new("/usr/share/hunspell");
    let missing: Vec<&str> = ["it_IT", "fr", "de_DE", "en_US"]
        .into_iter()
        .filter(|name| !dir.join(format!("{name}.dic")).is_file())
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        !corpus::in_ci(),
        "{test}: no Hunspell dictionary {missing:?} in {} (CI is set, so this fails; .ci/run installs them)",
        dir.display()
    );
    eprintln!(
        "{test}: SKIPPED, no Hunspell dictionary {missing:?} in {} (Debian: apt install hunspell-it hunspell-fr hunspell-de-de hunspell-en-us)",
        dir.display()
    );
    false
}

/// A temp project of the corpus's English pages and those of `copied`,
/// checking `locales`; `None` (said why) without the corpus or the
/// dictionaries. Also gives the corpus root.
fn site(
    test: &str,
    copied: &[&str],
    locales: &[&str],
) -> Option<(std::path::PathBuf, tempfile::TempDir)> {
    let corpus = corpus::root(test)?;
    if !dictionaries(test) {
        return None;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let site = corpus.join("privacyguides");
    for locale in std::iter::once("en").chain(copied.iter().copied()) {
        let from = site.join(locale);
        for file in corpus::markdown_files(&from) {
            let rel = file.strip_prefix(&from).expect("below the folder");
            write(
                &dir.join("content").join(locale).join(rel),
                &corpus::read(&file),
            );
        }
    }
    let quoted: Vec<String> = locales.iter().map(|l| format!("\"{l}\"")).collect();
    write(
        &dir.join("bitext.toml"),
        &format!("locales = [{}]\n", quoted.join(", ")),
    );
    Some((corpus, tmp))
}

/// The spelling findings of a `--format json` run: (path, line, message).
fn spelling_findings(out: &str) -> Vec<(String, u64, String)> {
    let json: serde_json::Value = serde_json::from_str(out).expect("JSON");
    json["findings"]
        .as_array()
        .expect("a list")
        .iter()
        .filter(|f| f["check"] == "spelling")
        .map(|f| {
            (
                f["path"].as_str().expect("a path").to_owned(),
                f["line"].as_u64().expect("a line"),
                f["message"].as_str().expect("a message").to_owned(),
            )
        })
        .collect()
}

/// The word a spelling message is about.
fn word(message: &str) -> &str {
    message.split('`').nth(1).expect("the word in backticks")
}

#[test]
fn the_seed_page_typos_are_found() {
    // The seed page among the site's English pages (their words are the
    // site's vocabulary), as the English version it was translated from.
    let Some((corpus, tmp)) = site("seed page spelling test", &[], &["it"]) else {
        return;
    };
    let dir = tmp.path();
    let page = "content/{l}/real-time-communication.md";
    write(
        &dir.join(page.replace("{l}", "en")),
        &corpus::history_version(&corpus, "en", "041-"),
    );
    write(
        &dir.join(page.replace("{l}", "it")),
        &corpus::history_version(&corpus, "it", "001-"),
    );

    let (_, out, err) = bitext(dir, &["check", "--format", "json"]);
    let found: Vec<(u64, String)> = spelling_findings(&out)
        .into_iter()
        .map(|(_, line, message)| (line, message))
        .collect();
    assert!(!err.contains("spelling not checked"), "{err}");
    // The three typos, and nothing else on the page.
    assert_eq!(
        found,
        [
            (
                72,
                "`L'algoritmto` (column 330) is not in the it dictionary; did you mean `L'algoritmo`?"
                    .to_owned()
            ),
            (
                156,
                "`laperfetta` (column 16) is not in the it dictionary; did you mean `la perfetta`?"
                    .to_owned()
            ),
            (
                156,
                "`utilzzando` (column 74) is not in the it dictionary; did you mean `utilizzando`?"
                    .to_owned()
            ),
        ]
    );
    // status counts them on the page, and without --typos says nothing of typos.
    let (code, out, err) = bitext(dir, &["status", "--typos", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let status: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let it = &status["locales"]["it"];
    assert_eq!(it["pages"]["real-time-communication"]["typos"], 3, "{it}");
    assert_eq!(it["typos"], 3, "{it}");
    let (_, out, _) = bitext(dir, &["status", "--format", "json"]);
    assert!(!out.contains("typos"), "{out}");
    let (_, out, _) = bitext(dir, &["status", "--typos"]);
    assert!(out.contains("3 typos"), "{out}");
}

/// The labelled findings: (locale, page, line, word) to true or false.
fn labels() -> HashMap<(String, String, u64, String), bool> {
    let text = include_str!("spelling/labels.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 5, "a label line has 5 fields or more: {l}");
            let key = (
                f[0].to_owned(),
                f[1].to_owned(),
                f[2].parse().expect("a line number"),
                f[3].to_owned(),
            );
            (key, f[4] == "true")
        })
        .collect()
}

#[test]
fn the_corpus_has_few_spelling_findings_and_most_are_typos() {
    let locales = ["it", "fr", "de"];
    let Some((corpus, tmp)) = site("corpus spelling test", &locales, &locales) else {
        return;
    };
    let dir = tmp.path();
    let (_, out, err) = bitext(dir, &["check", "--format", "json"]);
    assert!(!err.contains("spelling not checked"), "{err}");
    let found = spelling_findings(&out);

    let words: usize = locales
        .iter()
        .flat_map(|l| corpus::markdown_files(&corpus.join("privacyguides").join(l)))
        .map(|f| corpus::read(&f).split_whitespace().count())
        .sum();
    assert!(!found.is_empty(), "typos are found");
    assert!(
        found.len() * 1000 <= words,
        "at most one finding per 1,000 words: {} in {words}",
        found.len()
    );

    let labels = labels();
    let (mut right, mut labelled, mut unlabelled) = (0, 0, Vec::new());
    for (path, line, message) in &found {
        let rel = path.strip_prefix("content/").expect("under content/");
        let (locale, page) = rel.split_once('/').expect("locale/page");
        let key = (
            locale.to_owned(),
            page.to_owned(),
            *line,
            word(message).to_owned(),
        );
        match labels.get(&key) {
            Some(&typo) => {
                labelled += 1;
                right += usize::from(typo);
            }
            None => unlabelled.push(format!("{path}:{line} {message}")),
        }
    }
    // Findings no reader saw: a few from another dictionary version, not
    // a new class (label them in tests/spelling/labels.tsv).
    assert!(
        unlabelled.len() * 10 <= found.len(),
        "{} of {} findings are not labelled:\n{}",
        unlabelled.len(),
        found.len(),
        unlabelled.join("\n")
    );
    assert!(labelled >= 30, "at least 30 labelled findings: {labelled}");
    assert!(
        right * 100 >= labelled * 80,
        "at least 80% real typos: {right} of {labelled}"
    );
}

#[test]
fn learned_words_are_written_for_review_and_then_left_alone() {
    let Some((_, tmp)) = site("learn words test", &["it"], &["it"]) else {
        return;
    };
    let dir = tmp.path();
    let before = spelling_findings(&bitext(dir, &["check", "--format", "json"]).1);
    let count = |found: &[(String, u64, String)], w: &str| {
        found.iter().filter(|(_, _, m)| word(m) == w).count()
    };
    assert_eq!(
        count(&before, "possiede"),
        4,
        "a form it_IT lacks, on 4 pages"
    );

    let (code, out, err) = bitext(dir, &["check", "--learn-words", "it"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "possiede  (4 pages)\n", "{err}");
    assert!(
        err.contains("added 1 word to locales/it/.bitext/words.txt"),
        "{err}"
    );
    let list = std::fs::read_to_string(dir.join("locales/it/.bitext/words.txt")).expect("written");
    assert!(
        list.starts_with("# Added by `bitext check --learn-words it`"),
        "{list}"
    );
    assert!(list.ends_with("possiede  # 4 pages\n"), "{list}");

    let after = spelling_findings(&bitext(dir, &["check", "--format", "json"]).1);
    assert_eq!(count(&after, "possiede"), 0, "a listed word is left alone");
    assert_eq!(after.len(), before.len() - 4);
    // Learned once: a second run adds nothing and leaves the list as it is.
    let (code, out, err) = bitext(dir, &["check", "--learn-words", "it"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(err.contains("unchanged"), "{err}");
    let again = std::fs::read_to_string(dir.join("locales/it/.bitext/words.txt")).expect("kept");
    assert_eq!(again, list);
}

#[test]
fn a_locale_without_a_dictionary_gets_one_note() {
    // No dictionary exists for Klingon: spelling is skipped with a note,
    // and the exit code is what it is without spelling.
    let tmp = support::project(&[
        ("content/en/index.md", "# Hello\n\nThe app is ready.\n"),
        ("content/tlh/index.md", "# nuqneH\n\nQapla' ghItlh.\n"),
    ]);
    let dir = tmp.path();
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"tlh\"]\n",
    );
    let (code, _, err) = bitext(dir, &["check"]);
    let notes: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("spelling not checked"))
        .collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(
        notes[0].starts_with("note: spelling not checked in tlh: no Hunspell dictionary"),
        "{err}"
    );
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"tlh\"]\n[check.severity]\nspelling = \"off\"\n",
    );
    let (code_off, _, err_off) = bitext(dir, &["check"]);
    assert_eq!(code, code_off, "{err}\n{err_off}");
    assert!(!err_off.contains("spelling"), "{err_off}");
    // Learning words needs a dictionary: a clear error.
    let (code, _, err) = bitext(dir, &["check", "--learn-words", "tlh"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("spelling is off for tlh"), "{err}");
}
