//! The check's findings in catalogs: page catalogs that do not parse,
//! stale translations, too little translated, and UI catalogs compared
//! with the source locale's.

use checks::Check;
use model::{Locale, Segment};

use super::{FilePlace, PageFinding};
use crate::catalogs::{PageState, catalog_path};
use crate::{Config, Page, Result, pages, read_text};

/// Catalog mode: for each page of `locale` with a catalog, its syntax
/// errors (fluent), its stale translations (stale) and, with a threshold
/// configured, too little translated (missing). Pages are loaded into
/// `states` the first time.
pub(super) fn catalog_findings(
    config: &Config,
    locale: &Locale,
    glob: Option<&crate::PageGlob>,
    states: &mut Vec<(Page, Option<PageState>)>,
) -> Result<Vec<PageFinding>> {
    if states.is_empty() {
        *states = pages(config)?.into_iter().map(|p| (p, None)).collect();
    }
    let mut out = Vec::new();
    for (page, state) in states.iter_mut() {
        let path = catalog_path(config, locale, page);
        if !path.is_file() || !crate::glob::takes(glob, &page.path) {
            continue;
        }
        let text = read_text(&path)?;
        let place = FilePlace {
            locale,
            page: &page.path,
            path: &path,
            source_path: &page.source,
        };
        let finding = |check: Check, line: usize, message: String, source: Option<&Segment>| {
            let source = source.map(|s| (s.line, s.id.to_string()));
            place.finding(check, line, message, source)
        };
        let target = match catalog::parse(&text) {
            Ok(mut target) => {
                if let Some(saved) =
                    crate::state::read(&crate::state::state_path(config, locale, page))?
                {
                    crate::state::apply(&saved, &mut target);
                }
                target
            }
            Err(errors) => {
                out.extend(
                    errors
                        .into_iter()
                        .map(|e| finding(Check::Fluent, e.line, e.message, None)),
                );
                continue;
            }
        };
        if state.is_none() {
            *state = Some(PageState::load(config, page)?);
        }
        let state = state.as_ref().expect("loaded above");
        let (mut total, mut translated) = (0usize, 0usize);
        for entry in state.entries(&target) {
            total += 1;
            match entry.translation {
                Some(_) if entry.current => translated += 1,
                Some(_) => {
                    let line = text
                        .find(&format!("\n{} =", entry.id))
                        .map_or(1, |at| text[..at].matches('\n').count() + 2);
                    out.push(finding(
                        Check::Stale,
                        line,
                        format!(
                            "`{}`: the source changed since this translation was made (see `bitext pending --locale {locale}`)",
                            entry.id
                        ),
                        Some(entry.segment),
                    ));
                }
                None => {}
            }
        }
        if let Some(least) = config.check.coverage(locale)
            && total > 0
            && (translated as f64) < least * total as f64
        {
            out.push(finding(
                Check::Missing,
                1,
                format!(
                    "{translated} of {total} segments translated ({:.0}%; at least {:.0}% wanted)",
                    100.0 * translated as f64 / total as f64,
                    100.0 * least
                ),
                None,
            ));
        }
    }
    Ok(out)
}

/// UI catalogs: `.ftl` files in the source locale's catalog folder that are
/// neither page catalogs nor the glossary, compared with the same files of
/// `locale` (missing and obsolete messages, variables, references,
/// attributes, plural variants for the locale's CLDR categories).
pub(super) fn ui_findings(
    config: &Config,
    locale: &Locale,
    page_list: &[Page],
) -> Result<Vec<PageFinding>> {
    const MARK: &str = "\u{1}bitext";
    let folder = |l: &Locale| -> Option<String> {
        let rendered = config.catalog.render(l.as_str(), MARK);
        rendered
            .strip_suffix(&format!("{MARK}.ftl"))
            .map(str::to_owned)
    };
    let (Some(source_dir), Some(target_dir)) = (folder(&config.source_locale), folder(locale))
    else {
        return Ok(Vec::new());
    };
    let page_catalogs: std::collections::HashSet<String> = page_list
        .iter()
        .map(|p| {
            config
                .catalog
                .render(config.source_locale.as_str(), &p.path)
        })
        .collect();
    let mut out = Vec::new();
    for rel in crate::files::walk(config, &config.root.join(&source_dir))? {
        let Some(inner) = rel.strip_prefix(&source_dir) else {
            continue;
        };
        if !rel.ends_with(".ftl") || page_catalogs.contains(&rel) || inner == "glossary.ftl" {
            continue;
        }
        let source_path = config.root.join(&rel);
        let path = config.root.join(format!("{target_dir}{inner}"));
        let page = inner.trim_end_matches(".ftl");
        let place = FilePlace {
            locale,
            page,
            path: &path,
            source_path: &source_path,
        };
        let finding =
            |line: usize, message: String| place.finding(Check::Fluent, line, message, None);
        let source_text = read_text(&source_path)?;
        let Ok(source) = catalog::parse_ui(&source_text) else {
            // The source's own errors are the source's business (sync and
            // build report them); nothing to compare with.
            continue;
        };
        if !path.is_file() {
            out.push(finding(
                1,
                format!("the UI catalog `{inner}` of the source has no {locale} version"),
            ));
            continue;
        }
        let text = read_text(&path)?;
        match catalog::parse_ui(&text) {
            Err(errors) => out.extend(errors.into_iter().map(|e| finding(e.line, e.message))),
            Ok(target) => out.extend(
                catalog::compare_ui(&source, &target, locale.as_str())
                    .into_iter()
                    .map(|p| finding(p.line, p.message)),
            ),
        }
    }
    Ok(out)
}
