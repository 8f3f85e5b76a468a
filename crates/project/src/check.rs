//! `bitext check` on the project: every translated page of the chosen
//! locales aligned with its source and checked, findings with the lines
//! they point at.

use std::path::PathBuf;

use align::{Language, Reading};
use checks::Finding;
use model::Locale;
use rayon::prelude::*;

use crate::catalogs::chosen_locales;
use crate::{Aligned, Config, PageAlignment, Result, Sources, align_locale, names_by_page};

/// Choices for `bitext check`.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Only these locales (default: all).
    pub locales: Option<Vec<Locale>>,
}

/// A finding with the files and the text of the lines it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFinding {
    pub locale: Locale,
    /// The translated file.
    pub path: PathBuf,
    pub source_path: PathBuf,
    pub finding: Finding,
    /// The translated line, as written.
    pub line_text: String,
    /// The source line, as written, when the finding has one.
    pub source_line_text: Option<String>,
    /// The text of each related line.
    pub related_text: Vec<String>,
}

/// What `bitext check` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// By locale, page and line.
    pub findings: Vec<PageFinding>,
    /// Translated pages checked.
    pub pages: usize,
    pub locales: usize,
}

/// Checks the translated pages of the chosen locales against their sources.
pub fn check(config: &Config, options: &CheckOptions) -> Result<CheckReport> {
    let locales = chosen_locales(config, options.locales.as_deref())?;
    let sources = Sources::load(config)?;
    let names = names_by_page(config, &sources)?;
    let mut report = CheckReport {
        locales: locales.len(),
        ..CheckReport::default()
    };
    for locale in &locales {
        let aligned = align_locale(config, &sources, locale, &names)?;
        report.pages += aligned.pages.len();
        let source_language = Language::of_locale(config.source_locale.as_str());
        let language = Language::of_locale(locale.as_str());
        let found: Vec<Vec<PageFinding>> = aligned
            .pages
            .par_iter()
            .map(|page| {
                let names = names.get(&page.page.path);
                check_one(page, locale, source_language, language, names)
            })
            .collect();
        report.findings.extend(found.into_iter().flatten());
    }
    Ok(report)
}

/// The findings of an aligned page, its facts read as `options` says.
pub fn check_aligned(a: &Aligned, options: &align::Options<'_>) -> Vec<Finding> {
    let broken: Vec<checks::Broken> = a
        .diagnostics
        .iter()
        .map(|d| checks::Broken {
            line: d.line.unwrap_or(1),
            source_line: d.source_line,
            message: d.message.clone(),
        })
        .collect();
    checks::check_page(&checks::Page {
        source: &a.source.segments,
        translation: &a.translation,
        recovered: &a.recovered,
        alignment: &a.alignment,
        broken: &broken,
        source_reading: Reading {
            language: options.source_language,
            names: options.names,
        },
        reading: Reading {
            language: options.language,
            names: options.names,
        },
    })
}

fn check_one(
    page: &PageAlignment,
    locale: &Locale,
    source_language: Language,
    language: Language,
    names: Option<&align::Names>,
) -> Vec<PageFinding> {
    let options = align::Options {
        source_language,
        language,
        names,
        ratio: None,
    };
    let findings = check_aligned(&page.aligned, &options);
    let lines: Vec<&str> = page.text.split('\n').collect();
    let source_lines: Vec<&str> = page.source_text.split('\n').collect();
    let line =
        |all: &[&str], n: usize| all.get(n.wrapping_sub(1)).copied().unwrap_or("").to_owned();
    findings
        .into_iter()
        .map(|finding| PageFinding {
            locale: locale.clone(),
            path: page.path.clone(),
            source_path: page.page.source.clone(),
            line_text: line(&lines, finding.line),
            source_line_text: finding.source_line.map(|n| line(&source_lines, n)),
            related_text: finding
                .related
                .iter()
                .map(|r| line(if r.in_source { &source_lines } else { &lines }, r.line))
                .collect(),
            finding,
        })
        .collect()
}
