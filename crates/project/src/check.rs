//! `bitext check` on the project: every translated page of the chosen
//! locales aligned with its source and checked, findings with the lines
//! they point at.

use std::path::PathBuf;

use align::{Language, Reading};
use checks::Finding;
use model::Locale;
use rayon::prelude::*;

use crate::catalogs::{chosen_locales, glob_matches};
use crate::{
    Aligned, Config, Error, PageAlignment, Result, Sources, align_locale, names_by_page, read_text,
};

/// Choices for `bitext check`.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Only these locales (default: all).
    pub locales: Option<Vec<Locale>>,
    /// Only pages whose path matches this glob (`guide/*`, `**`).
    pub page: Option<String>,
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
    /// The translated files checked, by locale.
    pub checked: Vec<(Locale, PathBuf)>,
    /// Findings silenced by a waiver (in bitext.toml or in the page).
    pub waived: usize,
}

/// Inline waivers of a translated page: `<!-- bitext-ignore CHECK: reason -->`
/// (several checks separated by commas) silences those checks on its own
/// line and on the next line that is not blank. A waiver without a reason
/// is not one.
fn inline_waivers(text: &str) -> Vec<(usize, Vec<checks::Check>)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let Some(start) = line.find("<!-- bitext-ignore ") else {
            continue;
        };
        let rest = &line[start + "<!-- bitext-ignore ".len()..];
        let Some(end) = rest.find("-->") else {
            continue;
        };
        let Some((names, reason)) = rest[..end].split_once(':') else {
            continue;
        };
        if reason.trim().is_empty() {
            continue;
        }
        let checks: Vec<checks::Check> = names
            .split(',')
            .filter_map(|n| checks::Check::from_name(n.trim()))
            .collect();
        let next = (k + 1..lines.len()).find(|&j| !lines[j].trim().is_empty());
        out.push((k + 1, checks.clone()));
        if let Some(next) = next {
            out.push((next + 1, checks));
        }
    }
    out
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
        let mut aligned = align_locale(config, &sources, locale, &names)?;
        if let Some(glob) = &options.page {
            aligned.pages.retain(|p| glob_matches(glob, &p.page.path));
        }
        report.pages += aligned.pages.len();
        report.checked.extend(
            aligned
                .pages
                .iter()
                .map(|p| (locale.clone(), p.path.clone())),
        );
        let terms = glossary(config, locale)?;
        let source_language = Language::of_locale(config.source_locale.as_str());
        let language = Language::of_locale(locale.as_str());
        let found: Vec<Vec<PageFinding>> = aligned
            .pages
            .par_iter()
            .map(|page| {
                let options = align::Options {
                    source_language,
                    language,
                    names: names.get(&page.page.path),
                    ratio: aligned.ratio,
                };
                check_one(page, locale, &options, &terms)
            })
            .collect();
        for (page, findings) in aligned.pages.iter().zip(found) {
            let inline = inline_waivers(&page.text);
            for mut f in findings {
                let Some(severity) = config.check.level(f.finding.check, locale) else {
                    continue;
                };
                f.finding.severity = severity;
                let check = f.finding.check;
                let line = f.finding.line;
                let waived = config.check.waivers.iter().any(|w| {
                    w.check == check
                        && w.page == page.page.path
                        && w.locale.as_ref().is_none_or(|l| l == locale)
                        && w.line.is_none_or(|l| l == line)
                }) || inline
                    .iter()
                    .any(|(l, checks)| *l == line && checks.contains(&check));
                if waived {
                    report.waived += 1;
                } else {
                    report.findings.push(f);
                }
            }
        }
    }
    Ok(report)
}

/// A locale's glossary: `locales/<locale>/glossary.ftl` (where the catalog
/// pattern puts a page named `glossary`), terms paired with the source
/// locale's file by id: (source wording, translation). Empty without files.
pub fn glossary(config: &Config, locale: &Locale) -> Result<Vec<(String, String)>> {
    let read = |locale: &Locale| -> Result<Vec<catalog::Term>> {
        let path = config
            .root
            .join(config.catalog.render(locale.as_str(), "glossary"));
        if !path.is_file() {
            return Ok(Vec::new());
        }
        let text = read_text(&path)?;
        catalog::parse_terms(&text).map_err(|errors| Error::Catalog { path, errors })
    };
    let source = read(&config.source_locale)?;
    let target = read(locale)?;
    Ok(source
        .into_iter()
        .filter_map(|s| {
            let t = target.iter().find(|t| t.id == s.id)?;
            Some((s.value, t.value.clone()))
        })
        .collect())
}

/// The findings of an aligned page, its facts read as `options` says.
pub fn check_aligned(a: &Aligned, options: &align::Options<'_>) -> Vec<Finding> {
    check_with(a, options, &[])
}

fn check_with(
    a: &Aligned,
    options: &align::Options<'_>,
    glossary: &[(String, String)],
) -> Vec<Finding> {
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
        ratio: options.ratio,
        glossary,
    })
}

fn check_one(
    page: &PageAlignment,
    locale: &Locale,
    options: &align::Options<'_>,
    glossary: &[(String, String)],
) -> Vec<PageFinding> {
    let findings = check_with(&page.aligned, options, glossary);
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
