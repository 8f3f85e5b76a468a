//! `bitext check` on the project: every translated page of the chosen
//! locales aligned with its source and checked, findings with the lines
//! they point at.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use align::{Language, Reading};
use checks::{Check, Finding};

use crate::config::Level;
use model::{Locale, Segment};
use rayon::prelude::*;

use crate::catalogs::{PageState, catalog_path, chosen_locales};
use crate::{
    Aligned, Config, Error, Page, PageAlignment, Result, Sources, TranslatedPage, locale_ratios,
    pages, read_text,
};

/// Choices for `bitext check`.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Only these locales (default: all).
    pub locales: Option<Vec<Locale>>,
    /// Only pages whose path matches this glob (`guide/*`, `**`).
    pub page: Option<String>,
    /// Only pages whose source or translation (or catalog) changed since
    /// this revision: the pull-request mode.
    pub changed_since: Option<String>,
}

/// A finding with the files it points at (shared by a page's findings:
/// a large site has millions). [`crate::LineReader`] gives the lines.
#[derive(Debug, Clone, PartialEq)]
pub struct PageFinding {
    pub locale: Locale,
    /// The page (`{path}`).
    pub page: Arc<str>,
    /// The translated file.
    pub path: Arc<Path>,
    pub source_path: Arc<Path>,
    pub finding: Finding,
}

/// What `bitext check` found.
#[derive(Debug, Clone, Default, PartialEq)]
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
    /// What the run could not do fully (a shallow clone), one line each.
    pub notes: Vec<String>,
}

/// Inline waivers of a translated page: `<!-- bitext-ignore CHECK: reason -->`
/// (several checks separated by commas) silences those checks on its own
/// line and on the next line that is not blank. A waiver without a reason
/// is not one.
fn inline_waivers(text: &str) -> Vec<(usize, Vec<checks::Check>)> {
    // Most pages have none: one search of the whole text says so.
    if !text.contains("<!-- bitext-ignore ") {
        return Vec::new();
    }
    let lines = model::text::lines(text);
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
    check_progress(config, options, &mut |_, _| {})
}

/// [`check`], with `progress` hearing (commits done, commits in all)
/// while the git history is indexed.
///
/// Every translated page of every chosen locale is aligned and checked in
/// one parallel pass, which keeps both cores busy however uneven the pages
/// are; a page's alignment is dropped once its findings are made, so the
/// memory held is the source pages' and each locale's ratio sample.
pub fn check_progress(
    config: &Config,
    options: &CheckOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<CheckReport> {
    let locales = chosen_locales(config, options.locales.as_deref())?;
    // Dictionaries are found here and read by the first page that needs one.
    let mut spelling = crate::spelling::start(config, &locales)?;
    let spelling_source = spelling.source.take();
    let sources = Sources::load(config)?;
    let mut report = CheckReport {
        locales: locales.len(),
        ..CheckReport::default()
    };
    let history = crate::History::open(config, progress)?;
    if history.as_ref().is_some_and(crate::History::is_shallow) {
        report.notes.push(crate::SHALLOW_NOTE.to_owned());
    }
    if history.is_none() {
        report.notes.push(
            "staleness not checked: neither the project nor its source pages are in a git repository"
                .to_owned(),
        );
    }
    let manifest = match &history {
        Some(_) => Some(crate::catalogs::read_manifest(
            &crate::catalogs::manifest_path(config),
        )?),
        None => None,
    };
    let glob = crate::PageGlob::of_pages(
        options.page.as_deref(),
        sources.pages().iter().map(|s| &s.page),
    )?;
    let wanted = |path: &str| crate::glob::takes(glob.as_ref(), path);
    // The pull-request mode: a page is checked in a locale when its source,
    // its translation or its catalog changed since the revision.
    let since = options
        .changed_since
        .as_deref()
        .map(|rev| crate::impact::ChangedSince::open(config, rev))
        .transpose()?;
    let source_changed: Vec<bool> = match &since {
        Some(since) => sources
            .pages()
            .iter()
            .map(|s| since.changed(&s.page.source))
            .collect::<Result<_>>()?,
        None => Vec::new(),
    };
    let changed_in = |locale: &Locale, k: usize, page: &Page| -> Result<bool> {
        let Some(since) = &since else {
            return Ok(true);
        };
        let translation = config
            .root
            .join(config.translation.render(locale.as_str(), &page.path));
        Ok(source_changed[k]
            || since.changed(&translation)?
            || since.changed(&catalog_path(config, locale, page))?)
    };
    // What each locale's pages are checked with.
    struct Plan<'l> {
        locale: &'l Locale,
        ratio: Option<f32>,
        terms: Vec<(String, String)>,
        link_rules: Vec<(String, String)>,
        /// The history's view of each translated page (its base may be unknown).
        changes: std::collections::HashMap<String, crate::LocaleChanges>,
        /// The locale's dictionary and words, when spelling is checked.
        spelling: Option<crate::spelling::LocaleSpelling>,
    }
    let mut plans = Vec::new();
    let mut jobs: Vec<(usize, usize, Option<TranslatedPage<'_>>)> = Vec::new();
    // How many jobs each locale has, in order.
    let mut per_locale: Vec<usize> = Vec::new();
    let ratios = locale_ratios(config, &sources, &locales)?;
    for ((l, locale), crate::LocaleRatio { ratio, sample }) in
        locales.iter().enumerate().zip(ratios)
    {
        per_locale.push(0);
        for (k, (source, sampled)) in sources.pages().iter().zip(sample).enumerate() {
            if wanted(&source.page.path) && changed_in(locale, k, &source.page)? {
                jobs.push((l, k, sampled));
                per_locale[l] += 1;
            }
        }
        let changes = match &history {
            Some(history) => crate::locale_diff(config, history, locale, options.page.as_deref())?
                .into_iter()
                .map(|c| (c.page.clone(), c))
                .collect(),
            None => Default::default(),
        };
        plans.push(Plan {
            locale,
            ratio,
            terms: glossary(config, locale)?,
            link_rules: config.check.link_rules(locale),
            changes,
            spelling: spelling.locales.get_mut(l).and_then(Option::take),
        });
    }
    // The source site's words, gathered by the first page spelled (while
    // the other threads go on with their pages).
    let source_words: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    let gather_source_words = || {
        let mut words = std::collections::HashSet::new();
        for source in sources.pages() {
            checks::add_source_words(&source.text, &mut words);
        }
        words
    };
    if !spelling.without_dictionary.is_empty() {
        let names: Vec<&str> = spelling
            .without_dictionary
            .iter()
            .map(Locale::as_str)
            .collect();
        report.notes.push(format!(
            "spelling not checked in {}: no Hunspell dictionary (looked in $DICPATH, /usr/share/hunspell and /usr/share/myspell); install one (Debian: hunspell-<language>) or name it in [check.spelling] dictionaries",
            names.join(", ")
        ));
    }
    let source_language = Language::of_locale(config.source_locale.as_str());
    /// What checking one translated page found.
    struct Outcome {
        path: PathBuf,
        findings: Vec<PageFinding>,
        inline: Vec<(usize, Vec<Check>)>,
        stale: Vec<(PageFinding, Option<Level>)>,
    }
    let outcomes: Vec<Option<Outcome>> = jobs
        .into_par_iter()
        .map(|(l, k, read)| -> Result<Option<Outcome>> {
            let plan = &plans[l];
            let source = &sources.pages()[k];
            let Some(read) = TranslatedPage::unless_read(read, config, source, plan.locale)? else {
                return Ok(None);
            };
            let page = read.align(plan.locale, plan.ratio);
            let options = align::Options {
                source_language,
                language: Language::of_locale(plan.locale.as_str()),
                names: Some(&page.names),
                ratio: plan.ratio,
            };
            let spelling = match &plan.spelling {
                Some(spelling) => Some(checks::Spelling {
                    speller: spelling.dictionary.get()?,
                    source_speller: match &spelling_source {
                        Some(lazy) => Some(lazy.get()?),
                        None => None,
                    },
                    locale: plan.locale.as_str(),
                    words: &spelling.words,
                    source_words: source_words.get_or_init(gather_source_words),
                    memo: &spelling.memo,
                }),
                None => None,
            };
            let rules = PageRules {
                glossary: &plan.terms,
                link_rules: &plan.link_rules,
                markdown: &config.markdown,
                spelling: spelling.as_ref(),
            };
            let findings = check_one(&page, plan.locale, &options, &rules);
            let is_stub = findings.iter().any(|f| f.finding.check == Check::Stub);
            let stale = match (plan.changes.get(&page.page.path), &manifest) {
                // A stub is one finding, not one per change of its source.
                _ if is_stub => Vec::new(),
                (Some(changes), Some(manifest)) => {
                    let key = config
                        .translation
                        .render(plan.locale.as_str(), &page.page.path);
                    if crate::catalogs::is_generated(manifest, &key, &page.text) {
                        Vec::new()
                    } else {
                        stale_since_base(config, plan.locale, changes, &page)
                    }
                }
                _ => Vec::new(),
            };
            Ok(Some(Outcome {
                path: page.path,
                inline: inline_waivers(&page.text),
                findings,
                stale,
            }))
        })
        .collect::<Result<_>>()?;
    // In order: by locale, its pages' findings, then its catalogs', its UI
    // catalogs' and the history's.
    let mut outcomes = outcomes.into_iter();
    let mut states: Vec<(Page, Option<PageState>)> = Vec::new();
    for (plan, &jobs_of_locale) in plans.iter().zip(&per_locale) {
        let locale = plan.locale;
        let mut stale = Vec::new();
        for outcome in outcomes.by_ref().take(jobs_of_locale).flatten() {
            report.pages += 1;
            report.checked.push((locale.clone(), outcome.path));
            let found = outcome.findings.into_iter().map(|f| (f, None)).collect();
            settle(config, locale, found, &outcome.inline, &mut report);
            stale.extend(outcome.stale);
        }
        for f in catalog_findings(config, locale, glob.as_ref(), &mut states)? {
            if since.is_some() {
                let k = sources.pages().iter().position(|s| *s.page.path == *f.page);
                let changed = match k {
                    Some(k) => changed_in(locale, k, &sources.pages()[k].page)?,
                    None => true,
                };
                if !changed {
                    continue;
                }
            }
            settle(config, locale, vec![(f, None)], &[], &mut report);
        }
        let page_list: Vec<Page> = states.iter().map(|(p, _)| p.clone()).collect();
        for f in ui_findings(config, locale, &page_list)? {
            settle(config, locale, vec![(f, None)], &[], &mut report);
        }
        for f in stale {
            settle(config, locale, vec![f], &[], &mut report);
        }
        if let Some(note) = crate::spelling::vocabulary_note(&report, locale) {
            report.notes.push(note);
        }
    }
    Ok(report)
}

/// Gives each finding the severity the configuration (or its policy, when
/// it has one: `Some(None)` is off) gives its check, and adds it to the
/// report unless a waiver of the configuration or of the page (`inline`)
/// silences it.
fn settle(
    config: &Config,
    locale: &Locale,
    findings: Vec<(PageFinding, Option<Level>)>,
    inline: &[(usize, Vec<Check>)],
    report: &mut CheckReport,
) {
    for (mut f, policy) in findings {
        // The project's severity for the check, else the finding's own
        // (a check may report some kinds below its default).
        let level = match config.check.configured(f.finding.check, locale) {
            Some(level) => level,
            None => f
                .finding
                .check
                .on_by_default()
                .then_some(f.finding.severity),
        };
        let Some(mut severity) = level else {
            continue;
        };
        if let Some(policy) = policy {
            let Some(level) = policy else {
                continue;
            };
            severity = level;
        }
        f.finding.severity = severity;
        let check = f.finding.check;
        let line = f.finding.line;
        let waived = config.check.waivers.iter().any(|w| {
            w.check == check
                && *w.page == *f.page
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

/// Document mode in a git repository: the source segments of `a`'s page
/// changed since the translation's base revision (cosmetic changes
/// aside), reported on the translated segment paired with each, with the
/// level the stale policy gives each.
fn stale_since_base(
    config: &Config,
    locale: &Locale,
    page: &crate::LocaleChanges,
    a: &PageAlignment,
) -> Vec<(PageFinding, Option<Level>)> {
    let stale_level = config.check.level(Check::Stale, locale);
    let mut out = Vec::new();
    let place = FilePlace {
        locale,
        page: &page.page,
        path: &page.translation,
        source_path: &page.source,
    };
    for problem in &page.problems {
        out.push((
            place.finding(Check::Stale, problem.line, problem.message.clone(), None),
            Some(Some(checks::Severity::Warning)),
        ));
    }
    // Never silently current: a page whose base cannot be known says so.
    let Some(base) = &page.base else {
        let why = page.reason.as_deref().unwrap_or("no base revision");
        let line = page.problems.first().map_or(1, |p| p.line);
        out.push((
            place.finding(
                Check::StaleUnknown,
                line,
                format!("whether this translation is up to date cannot be known: {why}"),
                None,
            ),
            None,
        ));
        return out;
    };
    let short = &base.commit[..base.commit.len().min(10)];
    for (k, change) in page.changes.iter().enumerate() {
        if change.kind == crate::SegmentChangeKind::Removed {
            continue;
        }
        let age = page
            .landed
            .get(k)
            .copied()
            .flatten()
            .map(crate::changes::days_since);
        let level = config
            .check
            .stale
            .level(change.class.name(), age, stale_level);
        if level.is_none() {
            continue;
        }
        let age_note = match age {
            Some(days) => format!(", {days} days ago"),
            None => String::new(),
        };
        let source = a
            .aligned
            .source
            .segments
            .iter()
            .position(|s| s.line == change.source_line);
        let translated = source.and_then(|k| {
            a.aligned
                .alignment
                .pairs
                .iter()
                .find(|p| p.source == k)
                .map(|p| a.aligned.translation[p.translation].line)
        });
        // A segment with no pair: the unpaired translated segment of its
        // kind between the same pairs (a wrong fact may have cost the
        // pair), else where it would be.
        let in_gap = source.and_then(|k| {
            let pairs = &a.aligned.alignment.pairs;
            let from = pairs
                .iter()
                .filter(|p| p.source < k)
                .map(|p| p.translation + 1)
                .max()
                .unwrap_or(0);
            let to = pairs
                .iter()
                .filter(|p| p.source > k)
                .map(|p| p.translation)
                .min()
                .unwrap_or(a.aligned.translation.len());
            let kind = a.aligned.source.segments[k].kind;
            a.aligned
                .alignment
                .unpaired_translation
                .iter()
                .find(|&&t| t >= from && t < to && a.aligned.translation[t].kind == kind)
                .map(|&t| a.aligned.translation[t].line)
        });
        let line = translated
            .or(in_gap)
            .or_else(|| {
                let k = source?;
                a.aligned
                    .alignment
                    .pairs
                    .iter()
                    .filter(|p| p.source < k)
                    .map(|p| a.aligned.translation[p.translation].line)
                    .max()
            })
            .unwrap_or(1);
        let facts = match &change.class {
            crate::ChangeClass::Factual(facts) => format!(" ({})", facts.join(", ")),
            _ => String::new(),
        };
        let segment = source.map(|k| &a.aligned.source.segments[k]);
        out.push((
            place.finding(
                Check::Stale,
                line,
                format!(
                    "the source segment was {} since this translation was made from {short} ({}): {}{facts}{age_note}",
                    change.kind.name(),
                    base.method.name(),
                    change.class.name()
                ),
                segment,
            ),
            Some(level),
        ));
    }
    out
}

/// Where a catalog finding is: the files, and which locale and page.
struct FilePlace<'a> {
    locale: &'a Locale,
    page: &'a str,
    path: &'a Path,
    source_path: &'a Path,
}

impl FilePlace<'_> {
    /// A finding of `check` at `line` of the file, with the source segment
    /// it is about, if any.
    fn finding(
        &self,
        check: Check,
        line: usize,
        message: String,
        source: Option<&Segment>,
    ) -> PageFinding {
        PageFinding {
            locale: self.locale.clone(),
            page: self.page.into(),
            path: self.path.into(),
            source_path: self.source_path.into(),
            finding: Finding {
                check,
                severity: check.default_severity(),
                line,
                source_line: source.map(|s| s.line),
                segment_id: source.map(|s| s.id.to_string()),
                message,
                related: Vec::new(),
                confidence: 1.0,
            },
        }
    }
}

/// Catalog mode: for each page of `locale` with a catalog, its syntax
/// errors (fluent), its stale translations (stale) and, with a threshold
/// configured, too little translated (missing). Pages are loaded into
/// `states` the first time.
fn catalog_findings(
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
fn ui_findings(config: &Config, locale: &Locale, page_list: &[Page]) -> Result<Vec<PageFinding>> {
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

/// The findings of an aligned page (`source_text` and `text` are the two
/// pages), its facts read as `options` says.
pub fn check_aligned(
    a: &Aligned,
    source_text: &str,
    text: &str,
    options: &align::Options<'_>,
    markdown: &markdown::Options,
) -> Vec<Finding> {
    let rules = PageRules {
        glossary: &[],
        link_rules: &[],
        markdown,
        spelling: None,
    };
    check_with(a, (source_text, text), None, options, &rules)
}

/// A page's address on the site without its locale, where the dialect's
/// links are relative to it: Hugo's (`docs/concepts/_index` is
/// `/docs/concepts/`, `docs/faq` is `/docs/faq/`). Other dialects link
/// files (`../faq.md`), the same on both sides.
fn page_url(dialect: markdown::Dialect, path: &str) -> Option<String> {
    if dialect != markdown::Dialect::Hugo {
        return None;
    }
    let dir = path
        .strip_suffix("_index")
        .or_else(|| path.strip_suffix("index"))
        .filter(|d| d.is_empty() || d.ends_with('/'));
    Some(match dir {
        Some(dir) => format!("/{dir}"),
        None => format!("/{path}/"),
    })
}

/// What a locale's pages are checked against besides their sources.
struct PageRules<'a> {
    glossary: &'a [(String, String)],
    link_rules: &'a [(String, String)],
    markdown: &'a markdown::Options,
    spelling: Option<&'a checks::Spelling<'a>>,
}

fn check_with(
    a: &Aligned,
    (source_text, text): (&str, &str),
    url: Option<&str>,
    options: &align::Options<'_>,
    rules: &PageRules<'_>,
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
        source_facts: &a.source_facts,
        translation_facts: &a.translation_facts,
        source_reading: Reading {
            language: options.source_language,
            names: options.names,
        },
        reading: Reading {
            language: options.language,
            names: options.names,
        },
        ratio: options.ratio,
        glossary: rules.glossary,
        link_rules: rules.link_rules,
        source_text,
        text,
        markdown: rules.markdown,
        spelling: rules.spelling,
        url,
    })
}

fn check_one(
    page: &PageAlignment,
    locale: &Locale,
    options: &align::Options<'_>,
    rules: &PageRules<'_>,
) -> Vec<PageFinding> {
    let url = page_url(rules.markdown.dialect, &page.page.path);
    let findings = check_with(
        &page.aligned,
        (&page.source_text, &page.text),
        url.as_deref(),
        options,
        rules,
    );
    let (page_path, path, source_path): (Arc<str>, Arc<Path>, Arc<Path>) = (
        page.page.path.as_str().into(),
        page.path.as_path().into(),
        page.page.source.as_path().into(),
    );
    findings
        .into_iter()
        .map(|finding| PageFinding {
            locale: locale.clone(),
            page: page_path.clone(),
            path: path.clone(),
            source_path: source_path.clone(),
            finding,
        })
        .collect()
}
