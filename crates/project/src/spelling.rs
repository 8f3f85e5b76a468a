//! The spelling check's inputs: a locale's Hunspell dictionary, found
//! where Hunspell looks or named in `[check.spelling] dictionaries`, read
//! by spellbook (pure Rust); and the project's words for the locale.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use model::Locale;

use crate::{Config, Error, Result};

/// A Hunspell dictionary, loaded once per locale and shared by the threads.
pub struct Dictionary {
    inner: spellbook::Dictionary,
    /// The lower-case letters of the `.aff`'s `TRY` line, in its order.
    alphabet: Vec<char>,
    /// Where it was read from (without `.aff`/`.dic`).
    pub path: PathBuf,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl checks::Speller for Dictionary {
    fn knows(&self, word: &str) -> bool {
        self.inner.check(word)
    }

    fn alphabet(&self) -> &[char] {
        &self.alphabet
    }
}

/// The folders Hunspell looks in: `$DICPATH` first, then the system's.
pub fn search_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("DICPATH")
        .map(|v| std::env::split_paths(&v).collect())
        .unwrap_or_default();
    dirs.extend(
        [
            "/usr/share/hunspell",
            "/usr/share/myspell",
            "/usr/share/myspell/dicts",
            "/usr/local/share/hunspell",
        ]
        .map(PathBuf::from),
    );
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join("Library/Spelling"));
    }
    dirs
}

/// The file names a locale's dictionary may have, best first: `pt-BR` is
/// `pt_BR`, then `pt`; `it` is `it`, then `it_IT`, then any `it_*`.
fn names(locale: &Locale, files: &[String]) -> Vec<String> {
    let code = locale.as_str();
    let (language, region) = code.split_once('-').unwrap_or((code, ""));
    let mut out = Vec::new();
    if !region.is_empty() {
        out.push(format!("{language}_{}", region.to_uppercase()));
        out.push(code.to_owned());
    }
    out.push(language.to_owned());
    out.push(format!("{language}_{}", language.to_uppercase()));
    let mut others: Vec<&String> = files
        .iter()
        .filter(|f| f.starts_with(&format!("{language}_")))
        .collect();
    others.sort();
    out.extend(others.into_iter().cloned());
    out
}

/// Where `locale`'s dictionary is (a path without `.aff`/`.dic`): the
/// configured one, else the first of `dirs` that has one by name.
pub fn find(config: &Config, locale: &Locale, dirs: &[PathBuf]) -> Option<PathBuf> {
    if let Some(path) = config.check.spelling.dictionaries.get(locale) {
        return Some(config.root.join(path));
    }
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let files: Vec<String> = entries
            .flatten()
            .filter_map(|e| {
                e.file_name()
                    .to_str()?
                    .strip_suffix(".dic")
                    .map(str::to_owned)
            })
            .collect();
        for name in names(locale, &files) {
            let base = dir.join(&name);
            if files.contains(&name) && base.with_extension("aff").is_file() {
                return Some(base);
            }
        }
    }
    None
}

/// A dictionary's file as text, in the charset its `.aff` names (`SET`).
fn read_in(path: &Path, charset: &str) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    let encoding =
        encoding_rs::Encoding::for_label(charset.as_bytes()).ok_or_else(|| Error::Dictionary {
            path: path.to_owned(),
            message: format!("unknown charset `{charset}` (its .aff says `SET {charset}`)"),
        })?;
    let (text, _, bad) = encoding.decode(&bytes);
    if bad {
        return Err(Error::Dictionary {
            path: path.to_owned(),
            message: format!("not {charset} text, as its .aff says"),
        });
    }
    Ok(text.into_owned())
}

/// The lower-case letters of an `.aff`'s `TRY` line (the letters its
/// suggestions try, most frequent first), each once.
fn alphabet(aff: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    let line = aff
        .lines()
        .find_map(|l| l.trim().strip_prefix("TRY "))
        .unwrap_or_default();
    for c in line.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphabetic() && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Reads the dictionary at `base` (`base.aff` and `base.dic`).
pub fn load(base: &Path) -> Result<Dictionary> {
    let (aff, dic) = (base.with_extension("aff"), base.with_extension("dic"));
    // The charset is named in the .aff, whose lines before it are ASCII.
    let head = std::fs::read(&aff).map_err(|source| Error::Read {
        path: aff.clone(),
        source,
    })?;
    let charset = String::from_utf8_lossy(&head)
        .lines()
        .find_map(|l| l.trim().strip_prefix("SET ").map(|c| c.trim().to_owned()))
        .unwrap_or_else(|| "UTF-8".to_owned());
    let (aff_text, dic_text) = (read_in(&aff, &charset)?, read_in(&dic, &charset)?);
    let inner =
        spellbook::Dictionary::new(&aff_text, &dic_text).map_err(|e| Error::Dictionary {
            path: base.to_owned(),
            message: e.to_string(),
        })?;
    Ok(Dictionary {
        inner,
        alphabet: alphabet(&aff_text),
        path: base.to_owned(),
    })
}

/// A locale's dictionary, read the first time one of its pages is
/// checked: the reads of several locales overlap with other pages' work,
/// and the threads wait for one read, never do it twice. (Reading them all
/// on threads of their own from the start of the run was slower: 0.62 s
/// against 0.59 s for the corpus, the threads competing with the run's.)
#[derive(Debug)]
pub struct Lazy {
    path: PathBuf,
    cell: std::sync::OnceLock<Option<Dictionary>>,
}

impl Lazy {
    /// The dictionary at `path`, not read yet.
    pub fn new(path: PathBuf) -> Self {
        Lazy {
            path,
            cell: std::sync::OnceLock::new(),
        }
    }

    /// What tells this dictionary from another or from itself edited: its
    /// path and its two files' sizes and times (for the check cache).
    pub fn identity(&self) -> String {
        let file = |ext: &str| {
            std::fs::metadata(self.path.with_extension(ext)).map_or_else(
                |_| "absent".to_owned(),
                |m| {
                    let time = m
                        .modified()
                        .ok()
                        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                        .map_or(0, |d| d.as_nanos());
                    format!("{}-{time}", m.len())
                },
            )
        };
        format!("{} {} {}", self.path.display(), file("aff"), file("dic"))
    }

    /// The dictionary, read now if no thread did yet.
    pub fn get(&self) -> Result<&Dictionary> {
        match self.cell.get_or_init(|| load(&self.path).ok()) {
            Some(dictionary) => Ok(dictionary),
            // Read again for the error (a failed read is rare, and ends the run).
            None => Err(load(&self.path).err().unwrap_or_else(|| Error::Dictionary {
                path: self.path.clone(),
                message: "it could not be read".to_owned(),
            })),
        }
    }
}

/// What a locale's pages are spelled with.
#[derive(Debug)]
pub(crate) struct LocaleSpelling {
    pub dictionary: Lazy,
    /// The project's words for the locale, lower case.
    pub words: model::hash::FastSet<String>,
    /// The decisions of the run so far, shared by the threads.
    pub memo: checks::Memo,
}

/// What a check run spells with.
#[derive(Debug)]
pub(crate) struct RunSpelling {
    /// By locale, as the run's locales: `None` where spelling is off or no
    /// dictionary was found.
    pub locales: Vec<Option<LocaleSpelling>>,
    /// The source language's dictionary (English words kept on purpose).
    pub source: Option<Lazy>,
    /// The locales spelling is on for but no dictionary was found.
    pub without_dictionary: Vec<Locale>,
}

/// Whether `locale`'s language writes words without spaces between them
/// (Chinese, Japanese, Thai…): no Hunspell dictionary spells it, so its
/// missing dictionary is no news.
fn unspaced(locale: &Locale) -> bool {
    let language = locale
        .as_str()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(
        language.as_str(),
        "zh" | "ja" | "th" | "lo" | "km" | "my" | "bo" | "dz"
    )
}

/// Finds the dictionaries of `locales` (where spelling is on), with the
/// source language's, and the project's words.
pub(crate) fn start(config: &Config, locales: &[Locale]) -> Result<RunSpelling> {
    let dirs = search_dirs();
    let mut run = RunSpelling {
        locales: Vec::new(),
        source: None,
        without_dictionary: Vec::new(),
    };
    for locale in locales {
        if config
            .check
            .level(checks::Check::Spelling, locale)
            .is_none()
        {
            run.locales.push(None);
            continue;
        }
        match find(config, locale, &dirs) {
            Some(path) => run.locales.push(Some(LocaleSpelling {
                dictionary: Lazy::new(path),
                words: words(config, locale)?,
                memo: checks::Memo::default(),
            })),
            None => {
                if !unspaced(locale) {
                    run.without_dictionary.push(locale.clone());
                }
                run.locales.push(None);
            }
        }
    }
    if run.locales.iter().any(Option::is_some) {
        run.source = find(config, &config.source_locale, &dirs).map(Lazy::new);
    }
    Ok(run)
}

/// The word list file of `locale`.
pub fn word_list(config: &Config, locale: &Locale) -> PathBuf {
    config.root.join(
        config
            .check
            .spelling
            .word_list
            .replace("{locale}", locale.as_str()),
    )
}

/// The project's words for `locale`, lower case: `[check.spelling] words`
/// and the locale's word list (`#` starts a comment).
pub fn words(config: &Config, locale: &Locale) -> Result<model::hash::FastSet<String>> {
    let mut out: model::hash::FastSet<String> = config
        .check
        .spelling
        .words
        .iter()
        .map(|w| w.trim().to_lowercase())
        .collect();
    let path = word_list(config, locale);
    if path.is_file() {
        let text = crate::read_text(&path)?;
        out.extend(
            text.lines()
                .map(|l| l.split('#').next().unwrap_or_default().trim())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase),
        );
    }
    Ok(out)
}

/// The words `report`'s spelling findings in `locale` are about, by
/// lower case: each as first written, with the pages it is on.
fn unknown_words<'r>(
    report: &'r crate::CheckReport,
    locale: &Locale,
) -> std::collections::BTreeMap<String, (&'r str, HashSet<&'r str>)> {
    let mut pages: std::collections::BTreeMap<String, (&str, HashSet<&str>)> = Default::default();
    for f in report.findings.iter().filter(|f| &f.locale == locale) {
        if let Some(word) = checks::unknown_word(&f.finding) {
            pages
                .entry(word.to_lowercase())
                .or_insert_with(|| (word, HashSet::new()))
                .1
                .insert(&f.page);
        }
    }
    pages
}

/// On how many pages an unknown word is the site's vocabulary more likely
/// than a typo (`bitext check --learn-words` takes it as its default).
pub const VOCABULARY_PAGES: usize = 3;

/// A note when many of a locale's spelling findings are words written on
/// [`VOCABULARY_PAGES`] pages or more: on a technical site most are words
/// the dictionary lacks (`Selektor`, `Spezifität`), which the word list is
/// for.
pub(crate) fn vocabulary_note(report: &crate::CheckReport, locale: &Locale) -> Option<String> {
    let pages = unknown_words(report, locale);
    let all: usize = pages.values().map(|(_, on)| on.len()).sum();
    let recurring: Vec<usize> = pages
        .values()
        .map(|(_, on)| on.len())
        .filter(|&n| n >= VOCABULARY_PAGES)
        .collect();
    let findings: usize = recurring.iter().sum();
    (findings >= 10).then(|| {
        format!(
            "{findings} of {locale}'s {all} spelling findings are {} words each written on {VOCABULARY_PAGES} pages or more, likely the site's vocabulary: review them with `bitext check --learn-words {locale}`",
            recurring.len()
        )
    })
}

/// What `bitext check --learn-words` added to a locale's word list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnedWords {
    /// The word list written.
    pub path: PathBuf,
    /// The words added, each with the number of pages it is on, most
    /// pages first.
    pub added: Vec<(String, usize)>,
}

/// Adds to `locale`'s word list the words `report` found unknown on
/// `min_pages` pages or more (a site's recurring vocabulary, for a person
/// to review), after what the list has; writes it atomically. Words
/// already listed are not added again.
pub fn learn_words(
    config: &Config,
    locale: &Locale,
    report: &crate::CheckReport,
    min_pages: usize,
) -> Result<LearnedWords> {
    let listed = words(config, locale)?;
    let mut added: Vec<(String, usize)> = unknown_words(report, locale)
        .into_iter()
        .filter(|(lower, (_, on))| on.len() >= min_pages.max(1) && !listed.contains(lower))
        .map(|(_, (word, on))| (word.to_owned(), on.len()))
        .collect();
    added.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let path = word_list(config, locale);
    if !added.is_empty() {
        let mut text = if path.is_file() {
            crate::read_text(&path)?
        } else {
            String::new()
        };
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!(
            "# Added by `bitext check --learn-words {locale}`: unknown to the dictionary on {min_pages} pages or more. Delete any that is a typo.\n"
        ));
        for (word, count) in &added {
            text.push_str(&format!("{word}  # {count} pages\n"));
        }
        crate::write_atomic(&path, text.as_bytes())?;
    }
    Ok(LearnedWords { path, added })
}
