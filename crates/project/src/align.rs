//! Document mode: a source page and its hand-made translation, segmented,
//! aligned, and the damage found on the way reported.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use align::{Alignment, Facts, Language, Names, Unit};
use model::{Document, Locale, Segment};
use rayon::prelude::*;

use crate::{Config, Page, Result, locales, pages, read_text, segment_file};

/// A problem found while aligning, with the line on each side when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignDiagnostic {
    pub kind: &'static str,
    pub line: Option<usize>,
    pub source_line: Option<usize>,
    pub message: String,
}

/// Two documents aligned.
#[derive(Debug, Clone)]
pub struct Aligned {
    pub source: Arc<Document>,
    /// The translation's segments, with those recovered from broken
    /// containers in line order among them.
    pub translation: Vec<Segment>,
    /// Per translation segment: recovered from an indented block.
    pub recovered: Vec<bool>,
    pub alignment: Alignment,
    pub diagnostics: Vec<AlignDiagnostic>,
    /// Each segment's facts on both sides, as alignment read them.
    pub source_facts: Arc<Vec<Facts>>,
    pub translation_facts: Vec<Facts>,
}

/// Segments and aligns two Markdown files with what `config` tells about
/// them: the languages of the locales their paths name (for spelled-out
/// numbers), and as names the glossary's and, when `source` is a page of
/// the project, those learned from its translations in every locale.
pub fn align_files(config: &Config, source: &Path, translation: &Path) -> Result<Aligned> {
    let (source_text, source_doc, _) = segment_file(source, &config.markdown)?;
    let (text, doc, _) = segment_file(translation, &config.markdown)?;
    let relative = |path: &Path| {
        let root = std::path::absolute(&config.root).ok()?;
        let path = std::path::absolute(path).ok()?;
        let rel = path.strip_prefix(root).ok()?;
        Some(rel.to_string_lossy().replace('\\', "/"))
    };
    let page = relative(source)
        .and_then(|rel| config.source.matches(&rel).map(|(_, page)| page.to_owned()));
    let locale = relative(translation).and_then(|rel| {
        config
            .translation
            .matches(&rel)
            .and_then(|(locale, _)| locale.map(str::to_owned))
    });
    let names = match &page {
        Some(page) => page_names(config, page, &source_text)?,
        None => Names::new(&config.names),
    };
    let options = align::Options {
        source_language: Language::of_locale(config.source_locale.as_str()),
        language: locale
            .as_deref()
            .map(Language::of_locale)
            .unwrap_or_default(),
        names: Some(&names),
        ratio: None,
    };
    Ok(align_texts(
        &source_text,
        source_doc,
        &text,
        doc,
        &config.markdown,
        &options,
    ))
}

/// The names of a page: the glossary's, and the capitalised words of its
/// source (`source_text`) that most of its translations keep verbatim.
pub fn page_names(config: &Config, page: &str, source_text: &str) -> Result<Names> {
    names_of(config, &locales(config)?, page, source_text)
}

fn names_of(config: &Config, locales: &[Locale], page: &str, source_text: &str) -> Result<Names> {
    let mut names = Names::new(&config.names);
    names.extend_learned(learned_names(config, locales, page, source_text)?);
    Ok(names)
}

/// The capitalised words of `page`'s source (`source_text`) that most of
/// its translations in `locales` keep verbatim.
pub(crate) fn learned_names(
    config: &Config,
    locales: &[Locale],
    page: &str,
    source_text: &str,
) -> Result<Vec<String>> {
    let mut translations = Vec::new();
    for locale in locales {
        let path = config
            .root
            .join(config.translation.render(locale.as_str(), page));
        if path.is_file() {
            translations.push(read_text(&path)?);
        }
    }
    let texts: Vec<&str> = translations.iter().map(String::as_str).collect();
    Ok(align::learn_names(source_text, &texts))
}

/// One translated page of a locale aligned with its source page.
#[derive(Debug, Clone)]
pub struct PageAlignment {
    pub page: Page,
    /// The translation file.
    pub path: PathBuf,
    /// Its text, as read.
    pub text: String,
    /// The source page's text.
    pub source_text: Arc<str>,
    /// The names the page's facts were read with.
    pub names: Arc<Names>,
    pub aligned: Aligned,
}

/// The translated pages of one locale, aligned.
#[derive(Debug, Clone)]
pub struct LocaleAlignment {
    /// Translated characters per source character over all the pages (of
    /// segment texts), which the aligner used as the expected length ratio.
    pub ratio: Option<f32>,
    pub pages: Vec<PageAlignment>,
}

/// A source page read, segmented and its facts read once, for aligning
/// any number of locales.
#[derive(Debug, Clone)]
pub struct SourcePage {
    pub page: Page,
    pub text: Arc<str>,
    pub document: Arc<Document>,
    /// The glossary's names and those learned from the page's translations.
    pub names: Arc<Names>,
    /// Each segment's facts, read with `names`.
    pub facts: Arc<Vec<Facts>>,
}

impl SourcePage {
    /// `page`, whose text is `text`, segmented, its names learned from its
    /// translations in `locales` and its facts read with them.
    pub(crate) fn build(
        config: &Config,
        locales: &[Locale],
        page: Page,
        text: Arc<str>,
    ) -> Result<SourcePage> {
        let learned = learned_names(config, locales, &page.path, &text)?;
        Ok(SourcePage::with_names(config, page, text, learned))
    }

    /// `page` built as [`SourcePage::build`] does, with the names learned
    /// from its translations already.
    pub(crate) fn with_names(
        config: &Config,
        page: Page,
        text: Arc<str>,
        learned: Vec<String>,
    ) -> SourcePage {
        let (document, _) = markdown::segment_with(&text, &config.markdown);
        let mut names = Names::new(&config.names);
        names.extend_learned(learned);
        let reading = align::Reading {
            language: Language::of_locale(config.source_locale.as_str()),
            names: Some(&names),
        };
        let facts = reading.facts_of(texts(&document.segments));
        SourcePage {
            page,
            text,
            document: Arc::new(document),
            names: Arc::new(names),
            facts: Arc::new(facts),
        }
    }
}

/// The source pages of a project.
#[derive(Debug, Clone)]
pub struct Sources {
    pages: Vec<SourcePage>,
}

impl Sources {
    /// Every source page read and segmented, its names learned from its
    /// translations in every locale (each file read once) and its facts
    /// read, in parallel.
    pub fn load(config: &Config) -> Result<Sources> {
        let locales = locales(config)?;
        let pages = pages(config)?
            .into_par_iter()
            .map(|page| {
                let text = read_text(&page.source)?;
                SourcePage::build(config, &locales, page, text.into())
            })
            .collect::<Result<_>>()?;
        Ok(Sources { pages })
    }

    pub fn pages(&self) -> &[SourcePage] {
        &self.pages
    }
}

/// A translated page read and segmented, not yet aligned.
#[derive(Debug)]
pub struct TranslatedPage<'s> {
    source: &'s SourcePage,
    path: PathBuf,
    text: String,
    translation: Vec<Segment>,
    recovered: Vec<bool>,
    blocks: Vec<markdown::IndentedBlock>,
}

impl<'s> TranslatedPage<'s> {
    /// The translation of `source` in `locale`, or `None` when it has none.
    pub fn read(
        config: &Config,
        source: &'s SourcePage,
        locale: &Locale,
    ) -> Result<Option<TranslatedPage<'s>>> {
        let path = config.root.join(
            config
                .translation
                .render(locale.as_str(), &source.page.path),
        );
        if !path.is_file() {
            return Ok(None);
        }
        let (text, doc, _) = segment_file(&path, &config.markdown)?;
        let (translation, recovered, blocks) =
            with_recovered(&source.text, &text, doc, &config.markdown);
        Ok(Some(TranslatedPage {
            source,
            path,
            text,
            translation,
            recovered,
            blocks,
        }))
    }

    /// `sampled` if the page was read already (as a locale's ratio sample),
    /// else the page read now.
    pub fn unless_read(
        sampled: Option<TranslatedPage<'s>>,
        config: &Config,
        source: &'s SourcePage,
        locale: &Locale,
    ) -> Result<Option<TranslatedPage<'s>>> {
        match sampled {
            Some(page) => Ok(Some(page)),
            None => TranslatedPage::read(config, source, locale),
        }
    }

    /// Characters of the segment texts: (source, translation).
    pub(crate) fn chars(&self) -> (usize, usize) {
        let chars = |segments: &[Segment]| {
            segments
                .iter()
                .map(|s| s.text.chars().count())
                .sum::<usize>()
        };
        (
            chars(&self.source.document.segments),
            chars(&self.translation),
        )
    }

    /// The page aligned with its source, `ratio` the expected length ratio.
    pub fn align(self, locale: &Locale, ratio: Option<f32>) -> PageAlignment {
        let source = self.source;
        let reading = align::Reading {
            language: Language::of_locale(locale.as_str()),
            names: Some(&source.names),
        };
        let translation_facts = reading.facts_of(texts(&self.translation));
        let alignment = align::align_read(
            &units(&source.document.segments, &[]),
            &source.facts,
            &units(&self.translation, &self.recovered),
            &translation_facts,
            ratio,
        );
        let diagnostics = broken_containers(
            &source.text,
            &source.document,
            &self.translation,
            &self.recovered,
            &self.blocks,
            &alignment,
        );
        PageAlignment {
            page: source.page.clone(),
            path: self.path,
            text: self.text,
            source_text: source.text.clone(),
            names: source.names.clone(),
            aligned: Aligned {
                source: source.document.clone(),
                translation: self.translation,
                recovered: self.recovered,
                alignment,
                diagnostics,
                source_facts: source.facts.clone(),
                translation_facts,
            },
        }
    }
}

/// How many translated pages of a locale its length ratio is measured on:
/// all of them up to this many, else this many spread evenly over them.
pub const RATIO_SAMPLE: usize = 64;

/// Which of the pages a locale has (`has`, in order) its ratio is
/// measured on: all of them up to [`RATIO_SAMPLE`], else that many spread
/// evenly.
pub(crate) fn ratio_sample(has: Vec<usize>) -> Vec<usize> {
    if has.len() <= RATIO_SAMPLE {
        return has;
    }
    (0..RATIO_SAMPLE)
        .map(|s| has[s * has.len() / RATIO_SAMPLE])
        .collect()
}

/// A locale's usual length ratio (translated characters of segment texts
/// per source character) over [`RATIO_SAMPLE`] of its pages, and those
/// pages, read, for [`TranslatedPage::align`] (by their index in
/// `sources`).
pub fn locale_ratio<'s>(
    config: &Config,
    sources: &'s Sources,
    locale: &Locale,
) -> Result<LocaleRatio<'s>> {
    let mut ratios = locale_ratios(config, sources, std::slice::from_ref(locale))?;
    Ok(ratios.pop().expect("one ratio per locale"))
}

/// [`locale_ratio`] of each of `locales`, their pages read in one parallel
/// pass (a pass per locale would wait at each locale's end for its
/// slowest page).
pub fn locale_ratios<'s>(
    config: &Config,
    sources: &'s Sources,
    locales: &[Locale],
) -> Result<Vec<LocaleRatio<'s>>> {
    let n = sources.pages.len();
    let all = || (0..locales.len()).flat_map(|l| (0..n).map(move |k| (l, k)));
    // The pages each locale is measured on: every page it has, or
    // RATIO_SAMPLE of them spread evenly when it has more. With no more
    // pages than that, a page is simply read if it is there.
    let sample: Vec<(usize, usize)> = if n <= RATIO_SAMPLE {
        all().collect()
    } else {
        let present: Vec<(usize, usize)> = all()
            .collect::<Vec<_>>()
            .into_par_iter()
            .filter(|&(l, k)| {
                let path = config
                    .translation
                    .render(locales[l].as_str(), &sources.pages[k].page.path);
                config.root.join(path).is_file()
            })
            .collect();
        let mut sample = Vec::new();
        for l in 0..locales.len() {
            let has: Vec<usize> = present.iter().filter(|p| p.0 == l).map(|p| p.1).collect();
            sample.extend(ratio_sample(has).into_iter().map(|k| (l, k)));
        }
        sample
    };
    let read: Vec<(usize, usize, (usize, usize), TranslatedPage<'s>)> = sample
        .into_par_iter()
        .filter_map(
            |(l, k)| match TranslatedPage::read(config, &sources.pages[k], &locales[l]) {
                Ok(page) => page.map(|p| Ok((l, k, p.chars(), p))),
                Err(e) => Some(Err(e)),
            },
        )
        .collect::<Result<_>>()?;
    let mut chars = vec![(0, 0); locales.len()];
    let mut out: Vec<LocaleRatio<'s>> = locales
        .iter()
        .map(|_| LocaleRatio {
            ratio: None,
            sample: (0..n).map(|_| None).collect(),
        })
        .collect();
    for (l, k, (source, translated), page) in read {
        chars[l].0 += source;
        chars[l].1 += translated;
        out[l].sample[k] = Some(page);
    }
    for (ratio, (source_chars, translated_chars)) in out.iter_mut().zip(chars) {
        ratio.ratio = length_ratio(source_chars, translated_chars);
    }
    Ok(out)
}

/// The length ratio of a locale whose sample has these characters of
/// segment texts, to the hundredth: an edit of one page seldom moves it,
/// so the cached findings of the locale's other pages still hold.
pub(crate) fn length_ratio(source_chars: usize, translated_chars: usize) -> Option<f32> {
    (source_chars > 0 && translated_chars > 0).then(|| {
        let ratio = translated_chars as f64 / source_chars as f64;
        ((ratio * 100.0).round() / 100.0) as f32
    })
}

/// A locale's length ratio and the pages it was measured on.
#[derive(Debug)]
pub struct LocaleRatio<'s> {
    pub ratio: Option<f32>,
    /// By index in the sources: the page, read, when it is in the sample.
    pub sample: Vec<Option<TranslatedPage<'s>>>,
}

/// Aligns every existing translation of `locale` with its source page,
/// with the locale's length ratio ([`locale_ratio`]: the same for every
/// page, so that an edit of one page does not shift the scores of the
/// others) and each page's names.
pub fn align_locale(
    config: &Config,
    sources: &Sources,
    locale: &Locale,
) -> Result<LocaleAlignment> {
    let LocaleRatio { ratio, sample } = locale_ratio(config, sources, locale)?;
    let pages: Vec<PageAlignment> = sample
        .into_par_iter()
        .zip(&sources.pages)
        .filter_map(|(sampled, source)| {
            match TranslatedPage::unless_read(sampled, config, source, locale) {
                Ok(read) => read.map(|read| Ok(read.align(locale, ratio))),
                Err(e) => Some(Err(e)),
            }
        })
        .collect::<Result<_>>()?;
    Ok(LocaleAlignment { ratio, pages })
}

/// Aligns two segmented documents, given their texts.
pub fn align_texts(
    source_text: &str,
    source: Document,
    text: &str,
    doc: Document,
    markdown_options: &markdown::Options,
    options: &align::Options<'_>,
) -> Aligned {
    let (translation, recovered, blocks) = with_recovered(source_text, text, doc, markdown_options);
    let read = |segments: &[Segment], language| -> Vec<Facts> {
        let reading = align::Reading {
            language,
            names: options.names,
        };
        reading.facts_of(texts(segments))
    };
    let source_facts = read(&source.segments, options.source_language);
    let translation_facts = read(&translation, options.language);
    let alignment = align::align_read(
        &units(&source.segments, &[]),
        &source_facts,
        &units(&translation, &recovered),
        &translation_facts,
        options.ratio,
    );
    let diagnostics = broken_containers(
        source_text,
        &source,
        &translation,
        &recovered,
        &blocks,
        &alignment,
    );
    Aligned {
        source: Arc::new(source),
        translation,
        recovered,
        alignment,
        diagnostics,
        source_facts: Arc::new(source_facts),
        translation_facts,
    }
}

/// The segments' texts.
fn texts(segments: &[Segment]) -> impl Iterator<Item = &str> {
    segments.iter().map(|s| s.text.as_str())
}

/// The aligner's view of segments.
fn units<'a>(segments: &'a [Segment], recovered: &[bool]) -> Vec<Unit<'a>> {
    segments
        .iter()
        .enumerate()
        .map(|(i, s)| Unit {
            kind: s.kind,
            containers: &s.containers,
            text: &s.text,
            recovered: recovered.get(i).copied().unwrap_or(false),
        })
        .collect()
}

/// The translation's segments with those read from the bodies of broken
/// containers among them, in line order; which were recovered; the blocks.
pub(crate) fn with_recovered(
    source_text: &str,
    text: &str,
    doc: Document,
    options: &markdown::Options,
) -> (Vec<Segment>, Vec<bool>, Vec<markdown::IndentedBlock>) {
    let blocks = foreign_blocks(
        source_text,
        markdown::indented_blocks(text, &doc, options).iter(),
    );
    let (translation, recovered) = merged(doc.segments, &blocks);
    (translation, recovered, blocks)
}

/// The indented blocks of a translation (`blocks`) that are not code:
/// those that the source does not have as they are outside any container
/// (the source's container bodies, left untranslated, are not code).
fn foreign_blocks<'b>(
    source_text: &str,
    blocks: impl Iterator<Item = &'b markdown::IndentedBlock>,
) -> Vec<markdown::IndentedBlock> {
    blocks
        .filter(|b| match source_text.find(&b.raw) {
            None => true,
            Some(at) => {
                let line = memchr::memchr_iter(b'\n', &source_text.as_bytes()[..at]).count() + 1;
                markdown::container_line(source_text, line).is_some()
            }
        })
        .cloned()
        .collect()
}

/// `segments` with those of `blocks` among them in line order, and
/// which of them came from a block.
fn merged(segments: Vec<Segment>, blocks: &[markdown::IndentedBlock]) -> (Vec<Segment>, Vec<bool>) {
    let mut translation: Vec<(Segment, bool)> = segments.into_iter().map(|s| (s, false)).collect();
    for block in blocks {
        translation.extend(block.segments.iter().cloned().map(|s| (s, true)));
    }
    translation.sort_by_key(|(s, _)| s.line);
    translation.into_iter().unzip()
}

/// A page segmented and its facts read (with no language and no names),
/// to be aligned with many others: a source version, or a translation
/// with the indented blocks that may be recovered from it.
pub(crate) struct Prepared {
    text: String,
    segments: Vec<Segment>,
    facts: Vec<Facts>,
    blocks: Vec<markdown::IndentedBlock>,
}

impl Prepared {
    pub(crate) fn new(text: String, options: &markdown::Options) -> Prepared {
        let (doc, _) = markdown::segment_with(&text, options);
        let blocks = markdown::indented_blocks(&text, &doc, options);
        let facts = plain_facts(&doc.segments);
        Prepared {
            text,
            segments: doc.segments,
            facts,
            blocks,
        }
    }
}

fn plain_facts(segments: &[Segment]) -> Vec<Facts> {
    let reading = align::Reading {
        language: Language::default(),
        names: None,
    };
    reading.facts_of(texts(segments))
}

/// How well `translation` renders the source `version`, aligned as
/// [`align_texts`] aligns them with default options: the pairs'
/// confidence, less half a point per segment left unpaired on either side.
pub(crate) fn fit(version: &Prepared, translation: &Prepared) -> f32 {
    let blocks = foreign_blocks(&version.text, translation.blocks.iter());
    let alignment = if blocks.is_empty() {
        align::align_read(
            &units(&version.segments, &[]),
            &version.facts,
            &units(&translation.segments, &[]),
            &translation.facts,
            None,
        )
    } else {
        let (segments, recovered) = merged(translation.segments.clone(), &blocks);
        align::align_read(
            &units(&version.segments, &[]),
            &version.facts,
            &units(&segments, &recovered),
            &plain_facts(&segments),
            None,
        )
    };
    alignment.pairs.iter().map(|p| p.confidence).sum::<f32>()
        - 0.5 * (alignment.unpaired_source.len() + alignment.unpaired_translation.len()) as f32
}

/// A diagnostic per broken container, with the source's container line
/// found through the pair of the block's first recovered segment.
fn broken_containers(
    source_text: &str,
    source: &Document,
    translation: &[Segment],
    recovered: &[bool],
    blocks: &[markdown::IndentedBlock],
    alignment: &Alignment,
) -> Vec<AlignDiagnostic> {
    if blocks.is_empty() {
        return Vec::new();
    }
    let source_lines = model::text::lines(source_text);
    blocks
        .iter()
        .map(|block| {
            let inside = |s: &Segment| (block.first_line..=block.last_line).contains(&s.line);
            let partner = alignment
                .pairs
                .iter()
                .find(|p| recovered[p.translation] && inside(&translation[p.translation]))
                .map(|p| &source.segments[p.source]);
            let marker = partner.and_then(|s| markdown::container_line(source_text, s.line));
            let expected = marker
                .map(|line| format!(" (`{}` at source line {line})", source_lines[line - 1].trim()))
                .unwrap_or_default();
            AlignDiagnostic {
                kind: "broken-container",
                line: Some(block.line_before),
                source_line: marker,
                message: format!(
                    "a container line is missing or glued to the end of line {}{expected}: the indented block at lines {}–{} below it reads as code; its text was aligned as the Markdown it was meant to be",
                    block.line_before, block.first_line, block.last_line
                ),
            }
        })
        .collect()
}
