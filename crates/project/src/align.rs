//! Document mode: a source page and its hand-made translation, segmented,
//! aligned, and the damage found on the way reported.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use align::{Alignment, Language, Names, Unit};
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
    pub source: Document,
    /// The translation's segments, with those recovered from broken
    /// containers in line order among them.
    pub translation: Vec<Segment>,
    /// Per translation segment: recovered from an indented block.
    pub recovered: Vec<bool>,
    pub alignment: Alignment,
    pub diagnostics: Vec<AlignDiagnostic>,
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
    let mut names = Names::new(&config.names);
    names.extend_learned(align::learn_names(source_text, &texts));
    Ok(names)
}

/// The names of every page of the project, by page path: the glossary's
/// and those learned from the page's translations (each file read once).
pub fn names_by_page(config: &Config, sources: &Sources) -> Result<HashMap<String, Names>> {
    let locales = locales(config)?;
    sources
        .pages
        .par_iter()
        .map(|(page, source, _)| {
            let names = names_of(config, &locales, &page.path, source)?;
            Ok((page.path.clone(), names))
        })
        .collect()
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
    pub source_text: String,
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

/// The source pages of a project, read and segmented once for aligning
/// any number of locales.
#[derive(Debug, Clone)]
pub struct Sources {
    pages: Vec<(Page, String, Document)>,
}

impl Sources {
    pub fn load(config: &Config) -> Result<Sources> {
        let pages = pages(config)?
            .into_par_iter()
            .map(|page| {
                let (text, doc, _) = segment_file(&page.source, &config.markdown)?;
                Ok((page, text, doc))
            })
            .collect::<Result<_>>()?;
        Ok(Sources { pages })
    }
}

/// Aligns every existing translation of `locale` with its source page,
/// with the locale's length ratio over all of them (so that an edit of one
/// page does not shift the scores of the others) and each page's `names`.
pub fn align_locale(
    config: &Config,
    sources: &Sources,
    locale: &Locale,
    names: &HashMap<String, Names>,
) -> Result<LocaleAlignment> {
    struct Read {
        page: Page,
        path: PathBuf,
        source_text: String,
        source: Document,
        text: String,
        translation: Vec<Segment>,
        recovered: Vec<bool>,
        blocks: Vec<markdown::IndentedBlock>,
    }
    let read: Vec<Read> = sources
        .pages
        .par_iter()
        .filter_map(|(page, source_text, source)| {
            let path = config
                .root
                .join(config.translation.render(locale.as_str(), &page.path));
            path.is_file().then_some((page, path, source_text, source))
        })
        .map(|(page, path, source_text, source)| {
            let (page, source_text, source) = (page.clone(), source_text.clone(), source.clone());
            let (text, doc, _) = segment_file(&path, &config.markdown)?;
            let (translation, recovered, blocks) =
                with_recovered(&source_text, &text, doc, &config.markdown);
            Ok(Read {
                page,
                path,
                source_text,
                source,
                text,
                translation,
                recovered,
                blocks,
            })
        })
        .collect::<Result<_>>()?;
    let chars = |segments: &[Segment]| {
        segments
            .iter()
            .map(|s| s.text.chars().count())
            .sum::<usize>()
    };
    let source_chars: usize = read.iter().map(|r| chars(&r.source.segments)).sum();
    let translated_chars: usize = read.iter().map(|r| chars(&r.translation)).sum();
    let ratio = (source_chars > 0 && translated_chars > 0)
        .then(|| translated_chars as f32 / source_chars as f32);
    let empty = Names::new(&config.names);
    let pages = read
        .into_par_iter()
        .map(|r| {
            let names = names.get(&r.page.path).unwrap_or(&empty);
            let options = options_for(config, locale, names, ratio);
            let alignment = align::align(
                &units(&r.source.segments, &[]),
                &units(&r.translation, &r.recovered),
                &options,
            );
            let diagnostics = broken_containers(
                &r.source_text,
                &r.source,
                &r.translation,
                &r.recovered,
                &r.blocks,
                &alignment,
            );
            PageAlignment {
                page: r.page,
                path: r.path,
                text: r.text,
                source_text: r.source_text,
                aligned: Aligned {
                    source: r.source,
                    translation: r.translation,
                    recovered: r.recovered,
                    alignment,
                    diagnostics,
                },
            }
        })
        .collect();
    Ok(LocaleAlignment { ratio, pages })
}

/// The aligner's options for `locale` of `config`'s project.
fn options_for<'a>(
    config: &Config,
    locale: &Locale,
    names: &'a Names,
    ratio: Option<f32>,
) -> align::Options<'a> {
    align::Options {
        source_language: Language::of_locale(config.source_locale.as_str()),
        language: Language::of_locale(locale.as_str()),
        names: Some(names),
        ratio,
    }
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
    let alignment = align::align(
        &units(&source.segments, &[]),
        &units(&translation, &recovered),
        options,
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
        source,
        translation,
        recovered,
        alignment,
        diagnostics,
    }
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
    // Indented blocks that the source has as they are, outside any
    // container, are real code (the source's container bodies, left
    // untranslated, are not).
    let blocks: Vec<markdown::IndentedBlock> = markdown::indented_blocks(text, &doc, options)
        .into_iter()
        .filter(|b| match source_text.find(&b.raw) {
            None => true,
            Some(at) => {
                let line = source_text[..at].matches('\n').count() + 1;
                markdown::container_line(source_text, line).is_some()
            }
        })
        .collect();
    let mut translation: Vec<(Segment, bool)> =
        doc.segments.into_iter().map(|s| (s, false)).collect();
    for block in &blocks {
        translation.extend(block.segments.iter().cloned().map(|s| (s, true)));
    }
    translation.sort_by_key(|(s, _)| s.line);
    let (translation, recovered): (Vec<Segment>, Vec<bool>) = translation.into_iter().unzip();
    (translation, recovered, blocks)
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
    let source_lines: Vec<&str> = source_text.split('\n').collect();
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
