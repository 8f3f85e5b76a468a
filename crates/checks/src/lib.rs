//! Checks of a translated page against its source (document mode): what CI
//! blocks and what a translator runs before pushing. No I/O.
//!
//! Input: a [`Page`]: both sides' segments, their alignment, the damage
//! found while aligning, and how to read facts on each side. Output:
//! [`Finding`]s, each from one [`Check`] with a severity, the translated
//! line, the source line, a message and related places. It ignores on
//! purpose files, catalogs, configuration and output formats.

mod glued;
mod landmarks;
mod pairs;
mod placement;
mod spelling;
mod structure;

pub use spelling::{Memo, Speller, Spelling, add_source_words, unknown_word};

use align::{Alignment, Reading};
use model::Segment;

/// A check: a stable kebab-case name, a default severity, an explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    Structure,
    Misplaced,
    Duplicate,
    Numbers,
    Links,
    Images,
    Code,
    Markup,
    Emphasis,
    Names,
    Untranslated,
    Length,
    Glossary,
    Stale,
    StaleUnknown,
    Stub,
    Missing,
    Fluent,
    Spelling,
}

impl Check {
    pub const ALL: [Check; 19] = [
        Check::Structure,
        Check::Misplaced,
        Check::Duplicate,
        Check::Numbers,
        Check::Links,
        Check::Images,
        Check::Code,
        Check::Markup,
        Check::Emphasis,
        Check::Names,
        Check::Untranslated,
        Check::Length,
        Check::Glossary,
        Check::Stale,
        Check::StaleUnknown,
        Check::Stub,
        Check::Missing,
        Check::Fluent,
        Check::Spelling,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Check::Structure => "structure",
            Check::Misplaced => "misplaced",
            Check::Duplicate => "duplicate",
            Check::Numbers => "numbers",
            Check::Links => "links",
            Check::Images => "images",
            Check::Code => "code",
            Check::Markup => "markup",
            Check::Emphasis => "emphasis",
            Check::Names => "names",
            Check::Untranslated => "untranslated",
            Check::Length => "length",
            Check::Glossary => "glossary",
            Check::Stale => "stale",
            Check::StaleUnknown => "stale-unknown",
            Check::Stub => "stub",
            Check::Missing => "missing",
            Check::Fluent => "fluent",
            Check::Spelling => "spelling",
        }
    }

    pub fn from_name(name: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.name() == name)
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Check::Structure | Check::Glossary | Check::Fluent => Severity::Error,
            // Below 95% true in the labelled set (PRECISION.md): warnings.
            Check::Misplaced | Check::Numbers => Severity::Warning,
            Check::Stale | Check::StaleUnknown | Check::Stub | Check::Missing => Severity::Warning,
            Check::Duplicate
            | Check::Links
            | Check::Images
            | Check::Code
            | Check::Markup
            | Check::Names
            | Check::Untranslated
            | Check::Spelling => Severity::Warning,
            Check::Length | Check::Emphasis => Severity::Info,
        }
    }

    /// Whether the check runs unless the project turns it on: emphasis and
    /// length are hints whose labelled findings were true a third and half
    /// of the time (PRECISION.md), so a project asks for them with
    /// `[check.severity]`.
    pub fn on_by_default(self) -> bool {
        !matches!(self, Check::Emphasis | Check::Length)
    }

    /// What the check means and how to fix or waive a finding.
    pub fn explain(self) -> &'static str {
        match self {
            Check::Structure => {
                "The translation's structure differs from the source's. A container (an admonition `!!! type`, a collapsible `??? type`, a tab `=== \"Title\"`) is broken: an export glued the container line to the end of the previous paragraph or dropped it, so the indented body reads as a code block and the box disappears from the built site. Or a segment sits in another container (`!!! note` for `!!! tip`), a heading has another level, a code block is not the source's (code is never translated), a table has another number of columns, a front-matter key is lost or added. Fix: restore the source's structure; restore a container line exactly as in the source, on its own line, with the body indented under it."
            }
            Check::Misplaced => {
                "A translated segment says what another part of the source says: its facts (numbers, links, code, names) match a source segment elsewhere on the page clearly better than the segment at its own place, or it has no counterpart at all. Typical of exports and merges that paste a sentence into the wrong section. The finding names the source segment it matches. Fix: move or delete the segment and translate what the source has here."
            }
            Check::Duplicate => {
                "Two translated segments say the same thing (the same facts and largely the same words) while their sources differ: one is very likely a copy. Fix: translate the source of the copy."
            }
            Check::Numbers => {
                "The numbers of the translation differ from those of the source (after reading `1,000`, `1.000` and `1 000` as the same number, and spelled-out numbers in English, Italian, French, German, Spanish, Portuguese and Dutch). A wrong number is a wrong fact. Fix: use the source's numbers."
            }
            Check::Links => {
                "Link targets or URLs of the translation differ from the source's, or a link of the source (a button, a download link) is missing. Fix: keep the source's targets; a localised target (`/en/` → `/it/`) is accepted."
            }
            Check::Images => {
                "Image sources of the translation differ from the source's. Fix: keep the source's image paths."
            }
            Check::Code => {
                "Inline code of the translation differs from the source's. Code is never translated. Fix: copy the code spans from the source."
            }
            Check::Markup => {
                "Links, attribute lists, icons, abbreviations or footnote references are more or fewer than in the source. Fix: keep the source's markup around the translated words."
            }
            Check::Emphasis => {
                "The translation has more or fewer emphasised spans (strong and emphasis counted together) than the source. Languages use emphasis differently (Portuguese italicises English loanwords, Chinese turns italics into bold), so this is a hint for a reviewer, off unless the project turns it on (`[check.severity] emphasis = \"info\"`). Fix: emphasise what the source emphasises, or waive it."
            }
            Check::Names => {
                "A name configured in `[glossary] names` (a product, an organisation) is in the source and not in the translation, or the other way round; a name written in lower case, inside Chinese or Japanese text, or in another script with the same consonants (`Гугл` for Google) is there. Names bitext learns from the translations (those most of them keep verbatim) help align and place segments but are not reported: a translation may rightly translate them. Fix: keep names as they are."
            }
            Check::Untranslated => {
                "The segment is still in the source language: the source text itself, or English words (an older source, a sentence pasted from elsewhere) where the page is in another language. Text made only of names, code, links or numbers is not reported. Fix: translate it."
            }
            Check::Glossary => {
                "The source uses a term of the glossary and the translation does not use the term's translation. Glossaries are Fluent terms, one file per locale (`locales/<locale>/glossary.ftl`): `-sealed-sender = Sealed Sender` in the source locale's file, `-sealed-sender = Mittente sigillato` in the Italian one. Fix: use the glossary's wording, or change the glossary."
            }
            Check::Stale => {
                "The source changed since this translation was made. Document mode (translated pages in git): the source segments that changed between the translation's base revision (its front-matter pin, its catalog's revision, or the source version it matches best in the history) and now, each reported on the translated segment that pairs with it and weighed by `[check.stale]`: cosmetic changes (whitespace, punctuation, markup) are off by default, factual ones (a number, link, code or name) name the facts, rewrites the rest; `after_days` keeps young changes at most warnings. What the other checks would say about a source line the base did not have (a number changed, a link or a box added since) is left to this finding: the translator did not lose it. A pin that names no usable commit is reported on its line. Catalog mode: a message whose source text changed since it was translated (the fingerprint recorded with it no longer matches); the catalog keeps the source it was made from, so `bitext pending` shows a word diff. Fix: update the translation (and its pin); in catalog mode `bitext import` or an edit of the catalog marks it current."
            }
            Check::Stub => {
                "The translated page is a stub: a few lines (\"this page is not translated yet\") where the source has a page, so it is one finding rather than one per segment, and the segment checks are not run on it. The other way round too: a source page that is still a stub (`### TODO`, five segments at most) whose translation was written in full. Fix: translate the page, or leave it out of the translations until it is; for a stub source, write the source page."
            }
            Check::StaleUnknown => {
                "Whether this translation is up to date with its source cannot be known: it names no source commit (a front-matter pin such as `l10n.sourceCommit`, `default_lang_commit` or `source_commit`), its pin names no commit of the source's history, and the history cannot tell (the translation or its source was never committed, a shallow clone, or the translations live in another repository and the page was never committed there). A page whose staleness is unknown is never counted as current. Fix: pin the source commit the translation was made from in its front matter (`[history] pin_keys` adds keys), fetch the whole history (`fetch-depth: 0`), or commit the translation."
            }
            Check::Missing => {
                "Catalog mode: the share of a page's segments with a translation is below the locale's threshold (`[check.coverage]` in bitext.toml: a locale, or `\"*\"`, and a fraction). Fix: translate the messages `bitext pending` lists."
            }
            Check::Fluent => {
                "A Fluent catalog of the locale does not parse, or holds what bitext cannot keep (Junk, terms, attributes, placeables other than string literals, duplicate ids). Nothing can be built from it. Fix: correct the file at the line shown."
            }
            Check::Spelling => {
                "A word of the translation that the locale's Hunspell dictionary does not know, with up to three suggestions. Found in prose only (never in code, URLs, link targets, icons or attributes); left alone: words the source site has or the source language's dictionary knows (names, English terms kept on purpose, also with a local ending: `hostato`, `rooté`), names, the project's words (`[check.spelling] words`, `locales/<locale>/.bitext/words.txt`), compounds and regular derivations of known words (`videochiamate`, `anonimizzato`), words with digits, acronyms and words in camel case, and segments still in English (reported as untranslated). Each word once per page, where it is first written, with how many more times the page writes it; suggestions are single edits (an accent, a letter missing, doubled or swapped, a missing space). Dictionaries are found where Hunspell looks (`$DICPATH`, `/usr/share/hunspell`, `/usr/share/myspell`) or named in `[check.spelling] dictionaries`; a locale without one gets one note. Never an error. Fix: correct the word, or add it to the word list (`bitext check --learn-words LOCALE` proposes the site's recurring ones)."
            }
            Check::Length => {
                "The translation is far shorter or longer than its source, measured against the usual ratio of this locale's translations to their sources (learned from the project): a sentence may be missing, or something added. A hint, off unless the project turns it on (`[check.severity] length = \"info\"`). Fix: compare with the source."
            }
        }
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn from_name(name: &str) -> Option<Severity> {
        [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .find(|s| s.name() == name)
    }
}

/// A place related to a finding (the source segment a misplaced one
/// matches, the other copy of a duplicate).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// In the source (else in the translation).
    pub in_source: bool,
    pub line: usize,
    pub message: String,
}

/// One problem found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub check: Check,
    pub severity: Severity,
    /// The 1-based line in the translation.
    pub line: usize,
    /// The 1-based line in the source, when there is one.
    pub source_line: Option<usize>,
    /// The source segment's id, when the finding is about one.
    pub segment_id: Option<String>,
    pub message: String,
    pub related: Vec<Related>,
    /// How sure what produced it is, from 0 to 1: the alignment's
    /// confidence in the pair it is about, 1 for what a line scan finds.
    pub confidence: f32,
}

/// A container line lost in the translation, as alignment found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub line: usize,
    pub source_line: Option<usize>,
    pub message: String,
}

/// A translated page and its source, aligned.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    pub source: &'a [Segment],
    pub translation: &'a [Segment],
    /// Per translated segment: read from the body of a broken container.
    pub recovered: &'a [bool],
    pub alignment: &'a Alignment,
    pub broken: &'a [Broken],
    /// How to read facts on each side (languages and names).
    pub source_reading: Reading<'a>,
    pub reading: Reading<'a>,
    /// Each segment's facts, read as `source_reading` and `reading` say
    /// (one per segment of `source` and of `translation`).
    pub source_facts: &'a [align::Facts],
    pub translation_facts: &'a [align::Facts],
    /// Translated characters per source character, usual for the locale.
    pub ratio: Option<f32>,
    /// Glossary terms: the source's wording and the translation's.
    pub glossary: &'a [(String, String)],
    /// Localised links: a part of a source URL and what the translation's
    /// URL may have instead (`/en/` and `/it/`).
    pub link_rules: &'a [(String, String)],
    /// Both pages' text, for what segments do not hold (heading levels,
    /// code blocks, tables, front matter).
    pub source_text: &'a str,
    pub text: &'a str,
    /// How both pages are read: the dialect (its containers, tags and
    /// macros) and the front-matter keys that are prose.
    pub markdown: &'a markdown::Options,
    /// The locale's dictionary and word list, when it has a dictionary
    /// and the spelling check is on.
    pub spelling: Option<&'a Spelling<'a>>,
    /// The page's address on the site without its locale
    /// (`/docs/concepts/`), where links are relative to the page's address
    /// (Hugo): `../platforms/` there is `/docs/platforms/`.
    pub url: Option<&'a str>,
}

/// Whether a translated page is a stub ("this page is not translated
/// yet"): a page of ten segments or more in the source, and a translation
/// with a sixth of its segments at most and a quarter of its text.
fn stub(page: &Page<'_>) -> Option<Finding> {
    let (source, translation) = (page.source.len(), page.translation.len());
    let chars = |segments: &[Segment]| {
        segments
            .iter()
            .map(|s| s.text.chars().count())
            .sum::<usize>()
    };
    let short = translation * 6 <= source && chars(page.translation) * 4 <= chars(page.source);
    // The other way round: a source page still a stub (`### TODO`) whose
    // translation was written in full, from another page or ahead of it.
    let ahead = source * 6 <= translation && chars(page.source) * 4 <= chars(page.translation);
    let message = if source >= 10 && short {
        format!(
            "the translation is a stub: {translation} segment(s) where the source has {source}; it is not checked segment by segment"
        )
    } else if source <= 5 && translation >= 10 && ahead {
        format!(
            "the source page is a stub: {source} segment(s) where the translation has {translation}; the translation is not checked segment by segment"
        )
    } else {
        return None;
    };
    Some(Finding {
        check: Check::Stub,
        severity: Check::Stub.default_severity(),
        line: page.translation.first().map_or(1, |s| s.line),
        source_line: None,
        segment_id: None,
        message,
        related: Vec::new(),
        confidence: 1.0,
    })
}

/// The untranslated findings of a page as one, with their count and first
/// lines (a page left half in English would otherwise give dozens).
/// The inline code spans of a page's text, as written between backticks
/// (a fence's backticks give empty ones).
pub(crate) fn code_spans(text: &str) -> impl Iterator<Item = &str> {
    text.split('`').skip(1).step_by(2)
}

fn untranslated_as_one(out: &mut Vec<Finding>) {
    let lines: Vec<usize> = out
        .iter()
        .filter(|f| f.check == Check::Untranslated)
        .map(|f| f.line)
        .collect();
    if lines.len() < 2 {
        return;
    }
    let first = out
        .iter()
        .position(|f| f.check == Check::Untranslated)
        .expect("two of them");
    let shown: Vec<String> = lines.iter().take(12).map(ToString::to_string).collect();
    let more = if lines.len() > 12 { ", …" } else { "" };
    out[first].message = format!(
        "{} segments left untranslated (the source's text, or English), at lines {}{more}",
        lines.len(),
        shown.join(", ")
    );
    out[first].segment_id = None;
    let mut seen = false;
    out.retain(|f| {
        if f.check != Check::Untranslated {
            return true;
        }
        let keep = !seen;
        seen = true;
        keep
    });
}

/// Every finding of every check on `page`, by translated line.
pub fn check_page(page: &Page<'_>) -> Vec<Finding> {
    if let Some(stub) = stub(page) {
        return vec![stub];
    }
    let mut out = Vec::new();
    for b in page.broken {
        out.push(Finding {
            check: Check::Structure,
            severity: Check::Structure.default_severity(),
            line: b.line,
            source_line: b.source_line,
            segment_id: None,
            message: b.message.clone(),
            related: Vec::new(),
            confidence: 1.0,
        });
    }
    structure::check(page, &mut out);
    glued::check(page, &mut out);
    landmarks::check(page, &mut out);
    let facts = placement::Facts::read(page);
    pairs::pairs(page, &facts, &mut out);
    placement::misplaced_and_duplicates(page, &facts, &mut out);
    if let Some(spelling) = page.spelling {
        spelling::check(page, spelling, &mut out);
    }
    // A misplaced segment's facts are another segment's: that it differs
    // from its own place's facts says nothing more.
    let misplaced: Vec<usize> = out
        .iter()
        .filter(|f| f.check == Check::Misplaced)
        .map(|f| f.line)
        .collect();
    out.retain(|f| {
        !misplaced.contains(&f.line) || matches!(f.check, Check::Misplaced | Check::Structure)
    });
    out.sort_by_key(|a| (a.line, a.check));
    untranslated_as_one(&mut out);
    out
}

#[cfg(test)]
mod tests;
