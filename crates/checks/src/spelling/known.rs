//! Whether a word the locale's dictionary may not list is a word all the
//! same: elided and hyphenated forms, compounds, regular derivations, and
//! the English words a translation borrows from its source (`rooté`,
//! `hostato`, `datacenter`).

use model::hash::FastSet;

use super::Speller;

/// What a word is checked against, the same for every page of a locale.
pub(super) struct Lexicon<'a> {
    pub speller: &'a dyn Speller,
    /// The source language's dictionary, when there is one.
    pub english: Option<&'a dyn Speller>,
    /// The words of every source page, lower case.
    pub source_words: &'a FastSet<String>,
    /// The project's words for the locale, lower case.
    pub listed: &'a FastSet<String>,
}

/// Short prefixes that make words of words (`decrittografare`,
/// `ricondividere`, `réexécuté`, `cryptoprocesseur`) more freely than
/// dictionaries list them.
const PREFIXES: [&str; 16] = [
    "de", "ri", "re", "ré", "pre", "pré", "dis", "non", "anti", "auto", "iper", "tele", "multi",
    "cyber", "crypto", "cripto",
];

/// Endings a borrowed English word takes in the translation's grammar:
/// Italian `host-ato`, `host-iamo`, French `root-é`, `root-age`, German
/// `render-n`, `layout-en`, `scroll-baren`, plurals.
const LOAN_ENDINGS: [&str; 35] = [
    "s", "e", "es", "er", "ers", "é", "ée", "és", "ées", "age", "ages", "ant", "ants", "ato",
    "ata", "ati", "ate", "are", "ando", "iamo", "ano", "ing", "n", "en", "t", "et", "te", "ten",
    "tes", "ter", "bar", "bare", "baren", "barer", "bares",
];

/// German past participles of borrowed verbs: `ge` + stem + `t`
/// (`gerendert`, `gescrollt`, `gestylt` from `style`, `gefloatet`).
const PARTICIPLE_ENDINGS: [&str; 8] = ["t", "te", "ten", "tes", "ter", "et", "ete", "eten"];

impl Lexicon<'_> {
    /// Whether `word` is a word of the locale, or one its site borrows.
    pub fn accepts(&self, word: &str) -> bool {
        self.known(word)
            || self.english.is_some_and(|english| english.knows(word))
            || self.compound(word)
            || self.derived(word)
            || self.borrowed(word)
    }

    /// Whether the dictionary knows `word`, or each part of it: after an
    /// elided article (`L'algoritmo`, `dell'anti-tracciamento`) and
    /// between hyphens (a part may be a prefix, `anti-`, or borrowed,
    /// `sous-reddits`).
    fn known(&self, word: &str) -> bool {
        let word = word.replace('’', "'");
        if self.speller.knows(&word) {
            return true;
        }
        if let Some((head, tail)) = word.split_once('\'')
            && head.chars().count() <= 5
            && !tail.is_empty()
        {
            return self.known(tail) || self.borrowed(tail);
        }
        word.contains('-')
            && word.split('-').filter(|p| !p.is_empty()).all(|p| {
                p.chars().count() < 3
                    || self.speller.knows(p)
                    || PREFIXES.contains(&p.to_lowercase().as_str())
                    || self.compound(p)
                    || self.derived(p)
                    || self.borrowed(p)
            })
    }

    /// Whether `word` is a compound: two words of four letters or more
    /// (`videochiamate`, `Plattformübergreifend`), or a prefix and a word. A missing space after a short word
    /// (`laperfetta`) is not one.
    fn compound(&self, word: &str) -> bool {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() < 8 {
            return false;
        }
        // A part is a word of the language, of the source (`Scroll` +
        // `leisten`) or of the project's list (`Gesamt` + `spezifität`); a
        // head may end in a linking `s` (`Ausrichtungs` + `eigenschaften`).
        let knows = |part: &str| {
            let lower = part.to_lowercase();
            forms(part).iter().any(|f| self.speller.knows(f))
                || self.english_word(&lower)
                || self.listed.contains(&lower)
        };
        let head_knows = |head: &str| {
            knows(head)
                || head
                    .strip_suffix('s')
                    .is_some_and(|h| h.chars().count() >= 4 && knows(h))
        };
        (4..=chars.len() - 4).any(|k| {
            let (head, tail) = word.split_at(chars[k].0);
            head_knows(head) && knows(tail)
        }) || PREFIXES.iter().any(|p| {
            word.to_lowercase()
                .strip_prefix(p)
                .is_some_and(|tail| tail.chars().count() >= 5 && knows(tail))
        })
    }

    /// Whether `word` derives from a word the dictionary knows by the
    /// suffixes technical prose coins words with more freely than
    /// dictionaries list them: `-izz-` verbs and nouns from their base
    /// (`anonimizzato` from `anonimo`, `sanitizzazione` from the source's
    /// `sanitize`), agent and action nouns from their verb (`allocatore`,
    /// `profilazione`, `hébergable`) or from each other
    /// (`authentificateur` from `authentification`). A typo seldom makes a
    /// well-formed derivation of a real word.
    fn derived(&self, word: &str) -> bool {
        const FROM_VERB: [(&str, &str); 13] = [
            ("atore", "are"),
            ("atori", "are"),
            ("atrice", "are"),
            ("azione", "are"),
            ("azioni", "are"),
            ("itore", "ire"),
            ("itori", "ire"),
            ("itore", "ere"),
            ("itori", "ere"),
            ("izione", "ire"),
            ("ateur", "er"),
            ("ation", "er"),
            ("able", "er"),
        ];
        const FROM_NOUN: [(&str, &str); 6] = [
            ("atore", "azione"),
            ("atori", "azioni"),
            ("ateur", "ation"),
            ("ateurs", "ations"),
            ("ateurs", "ation"),
            ("ateur", "ations"),
        ];
        let lower = word.to_lowercase();
        let stems = std::iter::once(lower.as_str()).chain(
            ["de", "ri", "re"]
                .iter()
                .filter_map(|p| lower.strip_prefix(p)),
        );
        let knows = |w: &str| self.speller.knows(w);
        for w in stems {
            if let Some(k) = w.find("izz").filter(|&k| k >= 4) {
                let base = &w[..k];
                if ["o", "a", "e", ""]
                    .iter()
                    .any(|v| knows(&format!("{base}{v}")))
                    || ["ize", "ization"]
                        .iter()
                        .any(|e| self.source_words.contains(&format!("{base}{e}")))
                {
                    return true;
                }
            }
            for (suffix, base) in FROM_VERB.iter().chain(&FROM_NOUN) {
                if let Some(stem) = w.strip_suffix(suffix).filter(|s| s.chars().count() >= 4)
                    && knows(&format!("{stem}{base}"))
                {
                    return true;
                }
            }
        }
        false
    }

    /// Whether `word` is an English word of the source (after an elided
    /// article, `all'upstream`), or one written the translation's way:
    /// with a local ending (`hostato`, `rooté`,
    /// `rootage`), two of them run together (`datacenter`, `Webhosting`),
    /// or with an English possessive (`webpage’s`).
    fn borrowed(&self, word: &str) -> bool {
        let lower = word.to_lowercase().replace('’', "'");
        if self.english_word(&lower) {
            return true;
        }
        if let Some(stem) = lower.strip_suffix("'s") {
            return self.english_word(stem);
        }
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        // The stem as the source writes it, or with the `e` the ending
        // replaced (`styl-en` for `style`).
        let stem_word = |stem: &str| {
            stem.chars().count() >= 4
                && (self.english_word(stem) || self.english_word(&format!("{stem}e")))
        };
        let ending = LOAN_ENDINGS
            .iter()
            .any(|e| lower.strip_suffix(e).is_some_and(stem_word));
        let participle = lower.strip_prefix("ge").is_some_and(|rest| {
            PARTICIPLE_ENDINGS
                .iter()
                .any(|e| rest.strip_suffix(e).is_some_and(stem_word))
        });
        ending
            || participle
            || (chars.len() >= 7
                && (3..=chars.len() - 4).any(|k| {
                    let (head, tail) = lower.split_at(chars[k].0);
                    self.english_word(head) && self.english_word(tail)
                }))
    }

    /// Whether the source site writes `lower`, or the source language's
    /// dictionary knows it.
    fn english_word(&self, lower: &str) -> bool {
        self.source_words.contains(lower) || self.english.is_some_and(|e| e.knows(lower))
    }
}

/// `word` as written, in lower case and capitalised: a part of a compound
/// may be either (`Plattform` + `übergreifend`, `Team` + `mitglieder`).
fn forms(word: &str) -> [String; 3] {
    let lower = word.to_lowercase();
    let capital = super::words::capitalised(&lower);
    [word.to_owned(), lower, capital]
}
