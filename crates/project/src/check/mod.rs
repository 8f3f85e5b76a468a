//! `bitext check` on the project: every translated page of the chosen
//! locales aligned with its source and checked, findings with the lines
//! they point at.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use align::{Language, Reading};
use checks::{Check, Finding};

use crate::config::Level;
use model::Locale;
use rayon::prelude::*;

pub(crate) mod cache;
mod catalogs;
pub(crate) mod history;
mod inputs;
mod ratio;
mod stale;

use cache::{Entry, Key, KeyBuilder, LocaleCache, NamesCache};
use history::LazyHistory;
use inputs::Inputs;

use crate::catalogs::{PageState, catalog_path, chosen_locales};
use crate::{Aligned, Config, Error, Page, PageAlignment, Result, TranslatedPage, read_text};

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
    /// Neither read nor write the check cache (`--no-cache`).
    pub no_cache: bool,
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
    /// Translated pages whose findings came from the check cache.
    pub cached: usize,
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
/// Every translated page of every chosen locale whose cached findings do
/// not hold is aligned and checked in one parallel pass, which keeps both
/// cores busy however uneven the pages are; a page's alignment is dropped
/// once its findings are made, so the memory held is the source pages'
/// and each locale's ratio sample.
pub fn check_progress(
    config: &Config,
    options: &CheckOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<CheckReport> {
    let locales = chosen_locales(config, options.locales.as_deref())?;
    // Dictionaries are found here and read by the first page that needs one.
    let mut spelling = crate::spelling::start(config, &locales)?;
    let spelling_source = spelling.source.take();
    let mut inputs = Inputs::read(config)?;
    let mut report = CheckReport {
        locales: locales.len(),
        ..CheckReport::default()
    };
    // The history is indexed only when a page's changes are not cached.
    let heads = crate::staleness::Heads::of(config)?;
    let mut lazy_history = LazyHistory::new(progress);
    if heads.as_ref().is_some_and(|h| h.shallow) {
        report.notes.push(crate::SHALLOW_NOTE.to_owned());
    }
    if heads.is_none() {
        report.notes.push(
            "staleness not checked: neither the project nor its source pages are in a git repository"
                .to_owned(),
        );
    }
    let manifest = match &heads {
        Some(_) => Some(crate::catalogs::read_manifest(
            &crate::catalogs::manifest_path(config),
        )?),
        None => None,
    };
    let glob = crate::PageGlob::of_pages(options.page.as_deref(), inputs.pages.iter())?;
    let wanted = |path: &str| crate::glob::takes(glob.as_ref(), path);
    // The pull-request mode: a page is checked in a locale when its source,
    // its translation or its catalog changed since the revision.
    let since = options
        .changed_since
        .as_deref()
        .map(|rev| crate::impact::ChangedSince::open(config, rev))
        .transpose()?;
    let source_changed: Vec<bool> = match &since {
        Some(since) => inputs
            .pages
            .iter()
            .map(|page| since.changed(&page.source))
            .collect::<Result<_>>()?,
        None => Vec::new(),
    };
    let changed_in = |locale: &Locale, k: usize, page: &Page| -> Result<bool> {
        let Some(since) = &since else {
            return Ok(true);
        };
        let translation = crate::catalogs::translation_path(config, locale, &page.path);
        Ok(source_changed[k]
            || since.changed(&translation)?
            || since.changed(&catalog_path(config, locale, page))?)
    };
    let use_cache = config.cache.enabled && !options.no_cache;
    let names = match use_cache {
        true => {
            let mut names = NamesCache::read(&cache::names_path(config));
            inputs.learn(config, &mut names)?;
            Some(names)
        }
        false => None,
    };
    let mut stored: Vec<LocaleCache> = locales
        .iter()
        .map(|locale| match use_cache {
            true => LocaleCache::read(&cache::locale_path(config, locale), locale),
            false => LocaleCache::empty(locale),
        })
        .collect();
    // What segmenting each page pair depends on, by locale and page.
    let markdown_key = KeyBuilder::new("markdown")
        .str(&format!("{:?}", config.markdown))
        .finish();
    let pair_keys = inputs.pair_keys(&locales, markdown_key);
    let mut ratios = ratio::of_locales(config, &inputs, &locales, &stored, &pair_keys)?;
    // The source site's words, gathered once when a page is spelled.
    let source_words: std::sync::OnceLock<model::hash::FastSet<String>> =
        std::sync::OnceLock::new();
    let mut plans = Vec::new();
    let pin_keys = crate::staleness::pin_keys(config);
    for (l, locale) in locales.iter().enumerate() {
        let changes = match (&heads, &manifest) {
            (Some(heads), Some(manifest)) => {
                let run = history::KeyInputs {
                    heads,
                    inputs: &inputs,
                    manifest,
                    pin_keys: &pin_keys,
                    markdown_key,
                };
                history::locale_changes(
                    config,
                    &run,
                    &mut lazy_history,
                    &mut stored[l],
                    locale,
                    &wanted,
                )?
            }
            _ => Default::default(),
        };
        let spelling = spelling.locales.get_mut(l).and_then(Option::take);
        let terms = glossary(config, locale)?;
        let link_rules = config.check.link_rules(locale);
        let mut key = KeyBuilder::new("locale")
            .str(config.source_locale.as_str())
            .str(locale.as_str())
            .bytes(&ratios[l].ratio.map_or([0xff; 4], f32::to_le_bytes))
            .bytes(&[u8::from(heads.is_some())]);
        for (source, target) in terms.iter().chain(&link_rules) {
            key = key.str(source).str(target);
        }
        if let Some(spelling) = &spelling {
            let words_key = stored[l].source_words_key(inputs.all_sources, || {
                source_words.get_or_init(|| source_words_of(&inputs))
            });
            key = key
                .str(&spelling.dictionary.identity())
                .str(
                    &spelling_source
                        .as_ref()
                        .map_or(String::new(), |s| s.identity()),
                )
                .key(cache::of_words(&spelling.words))
                .key(words_key);
        }
        plans.push(Plan {
            locale,
            ratio: ratios[l].ratio,
            terms,
            link_rules,
            changes,
            spelling,
            key: key.finish(),
        });
    }
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
    // The pages to check, in order (by locale, then page): each with its
    // check key, and what is known of it already (its cached entry, or the
    // page read as its locale's ratio sample).
    let mut jobs: Vec<Job<'_>> = Vec::new();
    let mut per_locale: Vec<usize> = Vec::new();
    for (l, plan) in plans.iter().enumerate() {
        per_locale.push(0);
        for (k, page) in inputs.pages.iter().enumerate() {
            let Some(pair) = pair_keys[l][k] else {
                continue;
            };
            if !wanted(&page.path) || !changed_in(plan.locale, k, page)? {
                continue;
            }
            let key = KeyBuilder::new("check")
                .key(pair)
                .key(inputs.names_keys[k])
                .key(plan.key)
                .finish();
            let cached = stored[l]
                .pages
                .get(&page.path)
                .filter(|e| e.check_is(key))
                .and_then(Cached::of);
            let known = match cached {
                Some(cached) => Known::Cached(cached),
                None => Known::Read(ratios[l].read[k].take()),
            };
            jobs.push(Job {
                l,
                k,
                pair,
                key,
                known,
            });
            per_locale[l] += 1;
        }
    }
    // The source pages the pages checked again need, built in parallel.
    let mut needed: Vec<usize> = jobs
        .iter()
        .filter(|j| matches!(j.known, Known::Read(_)))
        .map(|j| j.k)
        .collect();
    needed.sort_unstable();
    needed.dedup();
    inputs.build(config, &needed)?;
    report.cached = jobs
        .iter()
        .filter(|j| matches!(j.known, Known::Cached(_)))
        .count();
    drop(ratios);
    let run = Run {
        config,
        inputs: &inputs,
        spelling_source: spelling_source.as_ref(),
        source_words: &source_words,
        with_history: heads.is_some(),
    };
    // The dictionaries the pages need are read by one thread while the
    // other checks the pages spelled in no language; the spelled pages come
    // after those. In each, the longest pages first, a page at a time: what
    // a thread takes last is a short page, not one the other waits for.
    let dictionaries = dictionaries_needed(&jobs, &plans, run.spelling_source);
    let mut by_cost: Vec<(usize, Job<'_>)> = jobs.into_iter().enumerate().collect();
    by_cost.sort_by_key(|(_, job)| {
        (
            plans[job.l].spelling.is_some(),
            std::cmp::Reverse(job.cost(&inputs)),
        )
    });
    let ((), outcomes) = rayon::join(
        || {
            for dictionary in dictionaries {
                // A dictionary that cannot be read fails its first page.
                let _ = dictionary.get();
            }
        },
        || {
            by_cost
                .into_par_iter()
                .with_max_len(1)
                .map(|(i, job)| {
                    check_job(&run, &plans[job.l], manifest.as_ref(), job)
                        .map(|outcome| (i, outcome))
                })
                .collect::<Result<Vec<(usize, Option<Outcome>)>>>()
        },
    );
    let mut outcomes = outcomes?;
    outcomes.sort_unstable_by_key(|(i, _)| *i);
    // In order: by locale, its pages' findings, then its catalogs', its UI
    // catalogs' and the history's.
    let mut outcomes = outcomes.into_iter().map(|(_, outcome)| outcome);
    let mut states: Vec<(Page, Option<PageState>)> = Vec::new();
    for (l, (plan, &jobs_of_locale)) in plans.iter().zip(&per_locale).enumerate() {
        let locale = plan.locale;
        let mut stale = Vec::new();
        for outcome in outcomes.by_ref().take(jobs_of_locale).flatten() {
            report.pages += 1;
            report.checked.push((locale.clone(), outcome.path));
            let found = outcome.findings.into_iter().map(|f| (f, None)).collect();
            settle(config, locale, found, &outcome.inline, &mut report);
            stale.extend(outcome.stale);
            if let Some((k, entry)) = outcome.entry {
                stored[l].keep_page(&inputs.pages[k].path, entry);
            }
        }
        for f in catalogs::catalog_findings(config, locale, glob.as_ref(), &mut states)? {
            if since.is_some() {
                let k = inputs.pages.iter().position(|p| *p.path == *f.page);
                let changed = match k {
                    Some(k) => changed_in(locale, k, &inputs.pages[k])?,
                    None => true,
                };
                if !changed {
                    continue;
                }
            }
            settle(config, locale, vec![(f, None)], &[], &mut report);
        }
        let page_list: Vec<Page> = states.iter().map(|(p, _)| p.clone()).collect();
        for f in catalogs::ui_findings(config, locale, &page_list)? {
            settle(config, locale, vec![(f, None)], &[], &mut report);
        }
        for f in stale {
            settle(config, locale, vec![f], &[], &mut report);
        }
        if let Some(note) = crate::spelling::vocabulary_note(&report, locale) {
            report.notes.push(note);
        }
    }
    if let Some(names) = &names {
        save(
            config,
            &inputs,
            &pair_keys,
            (stored, heads.as_ref()),
            names,
            &mut report,
        );
    }
    Ok(report)
}

/// What each locale's pages are checked with.
struct Plan<'l> {
    locale: &'l Locale,
    ratio: Option<f32>,
    terms: Vec<(String, String)>,
    link_rules: Vec<(String, String)>,
    /// The history's view of each translated page (its base may be unknown).
    changes: std::collections::HashMap<String, crate::LocaleChanges>,
    /// The locale's dictionary and words, when spelling is checked.
    spelling: Option<crate::spelling::LocaleSpelling>,
    /// The key of all of the above that a page's findings depend on.
    key: Key,
}

/// What checking a page again draws on besides its locale's plan.
struct Run<'a> {
    config: &'a Config,
    inputs: &'a Inputs,
    /// The source language's dictionary, when spelling is checked.
    spelling_source: Option<&'a crate::spelling::Lazy>,
    /// The source site's words, gathered by the first page spelled.
    source_words: &'a std::sync::OnceLock<model::hash::FastSet<String>>,
    /// Whether the run reads history (then where each source segment's
    /// change is reported is kept).
    with_history: bool,
}

/// What checking a page again gives: its findings, its text, and the
/// characters of its segment texts (source, translation).
type CheckedAgain = (Cached, String, (usize, usize));

/// What checking one translated page found.
struct Outcome {
    path: PathBuf,
    findings: Vec<PageFinding>,
    inline: Vec<(usize, Vec<Check>)>,
    stale: Vec<(PageFinding, Option<Level>)>,
    /// The page's new cache entry, when it was checked again.
    entry: Option<(usize, Entry)>,
}

/// Page `job` of `plan`'s locale checked again or taken from the cache,
/// with its stale findings (`manifest` tells a page built from catalogs).
fn check_job(
    run: &Run<'_>,
    plan: &Plan<'_>,
    manifest: Option<&std::collections::BTreeMap<String, String>>,
    job: Job<'_>,
) -> Result<Option<Outcome>> {
    let (config, inputs) = (run.config, run.inputs);
    let page = &inputs.pages[job.k];
    let path = crate::catalogs::translation_path(config, plan.locale, &page.path);
    let (mut checked, text, entry) = match job.known {
        Known::Cached(cached) => (cached, None, None),
        Known::Read(read) => {
            let Some((checked, text, chars)) = check_again(run, plan, job.k, read)? else {
                return Ok(None);
            };
            let entry = checked.entry(job.pair, chars, job.key);
            (checked, Some(text), Some((job.k, entry)))
        }
    };
    let is_stub = checked.findings.iter().any(|f| f.check == Check::Stub);
    // The page's source changes since its base, when it is a
    // hand-made translation (not built from catalogs).
    let since = match (plan.changes.get(&page.path), &manifest) {
        (Some(changes), Some(manifest)) => {
            let key = config.translation.render(plan.locale.as_str(), &page.path);
            let text = match text {
                Some(text) => text,
                None => read_text(&path)?,
            };
            (!crate::catalogs::is_generated(manifest, &key, &text)).then_some(changes)
        }
        _ => None,
    };
    let stale = match since {
        // A stub is one finding, not one per change of its source.
        Some(changes) if !is_stub => {
            stale::since_base(config, plan.locale, changes, &checked.places)
        }
        _ => Vec::new(),
    };
    // What the source changed is the stale findings' (when the
    // project reports them).
    let stale_on = config.check.level(Check::Stale, plan.locale).is_some();
    if let Some(changes) = since.filter(|c| stale_on && !c.new_lines.is_empty()) {
        let source = model::text::lines(&inputs.texts[job.k]);
        checked
            .findings
            .retain(|f| !stale::owed_to_the_source(changes, f, &source));
    }
    let (page_path, file, source_path): (Arc<str>, Arc<Path>, Arc<Path>) = (
        page.path.as_str().into(),
        path.as_path().into(),
        page.source.as_path().into(),
    );
    let findings = checked
        .findings
        .into_iter()
        .map(|finding| PageFinding {
            locale: plan.locale.clone(),
            page: page_path.clone(),
            path: file.clone(),
            source_path: source_path.clone(),
            finding,
        })
        .collect();
    Ok(Some(Outcome {
        path,
        findings,
        inline: checked.inline,
        stale,
        entry,
    }))
}

/// Page `k` of `plan`'s locale aligned and checked (`read` when it was
/// read as its locale's ratio sample): what it found, its text and the
/// characters of its segment texts; `None` when it has no translation.
fn check_again(
    run: &Run<'_>,
    plan: &Plan<'_>,
    k: usize,
    read: Option<TranslatedPage<'_>>,
) -> Result<Option<CheckedAgain>> {
    let config = run.config;
    let source = run.inputs.source(config, k)?;
    let Some(read) = TranslatedPage::unless_read(read, config, source, plan.locale)? else {
        return Ok(None);
    };
    let chars = read.chars();
    let page = read.align(plan.locale, plan.ratio);
    let options = align::Options {
        source_language: Language::of_locale(config.source_locale.as_str()),
        language: Language::of_locale(plan.locale.as_str()),
        names: Some(&page.names),
        ratio: plan.ratio,
    };
    let spelling = match &plan.spelling {
        Some(spelling) => Some(checks::Spelling {
            speller: spelling.dictionary.get()?,
            source_speller: match run.spelling_source {
                Some(lazy) => Some(lazy.get()?),
                None => None,
            },
            locale: plan.locale.as_str(),
            words: &spelling.words,
            source_words: run.source_words.get_or_init(|| source_words_of(run.inputs)),
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
    let checked = Cached {
        findings: check_one(&page, &options, &rules),
        inline: inline_waivers(&page.text),
        places: match run.with_history {
            true => stale::places(&page),
            false => Vec::new(),
        },
    };
    Ok(Some((checked, page.text, chars)))
}

/// The lower-case words of every source page, gathered by both threads
/// (the plans wait for them).
fn source_words_of(inputs: &Inputs) -> model::hash::FastSet<String> {
    inputs
        .texts
        .par_iter()
        .fold(model::hash::FastSet::default, |mut words, text| {
            checks::add_source_words(text, &mut words);
            words
        })
        .reduce(model::hash::FastSet::default, |a, b| {
            let (mut more, fewer) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            more.extend(fewer);
            more
        })
}

/// What checking one page found, as the cache keeps it.
struct Cached {
    findings: Vec<Finding>,
    inline: Vec<(usize, Vec<Check>)>,
    places: Vec<stale::Place>,
}

impl Cached {
    /// What `entry` holds, unless it names a check this build does not know.
    fn of(entry: &Entry) -> Option<Cached> {
        Some(Cached {
            findings: entry
                .findings
                .iter()
                .map(cache::StoredFinding::finding)
                .collect::<Option<_>>()?,
            inline: entry
                .waivers
                .iter()
                .map(|(line, names)| {
                    let checks = names
                        .iter()
                        .map(|n| Check::from_name(n))
                        .collect::<Option<_>>()?;
                    Some((*line, checks))
                })
                .collect::<Option<_>>()?,
            places: entry.places.clone(),
        })
    }

    /// The cache entry of these findings.
    fn entry(&self, pair: Key, chars: (usize, usize), check: Key) -> Entry {
        Entry {
            pair: cache::hex(pair),
            chars,
            check: cache::hex(check),
            findings: self.findings.iter().map(Into::into).collect(),
            waivers: self
                .inline
                .iter()
                .map(|(line, checks)| (*line, checks.iter().map(|c| c.name().to_owned()).collect()))
                .collect(),
            places: self.places.clone(),
        }
    }
}

/// One translated page to check: locale `l`, page `k`.
struct Job<'s> {
    l: usize,
    k: usize,
    /// The keys of what segmenting the pair and checking it depend on.
    pair: Key,
    key: Key,
    known: Known<'s>,
}

impl Job<'_> {
    /// About how long checking the page takes, to order the work by:
    /// nothing when its findings are cached, else its source's length.
    fn cost(&self, inputs: &Inputs) -> usize {
        match self.known {
            Known::Cached(_) => 0,
            Known::Read(_) => inputs.texts[self.k].len(),
        }
    }
}

/// The dictionaries the pages checked again will read: each spelled
/// locale's with a page not cached, and the source language's with them.
fn dictionaries_needed<'p>(
    jobs: &[Job<'_>],
    plans: &'p [Plan<'_>],
    source: Option<&'p crate::spelling::Lazy>,
) -> Vec<&'p crate::spelling::Lazy> {
    let mut needed: Vec<&crate::spelling::Lazy> = plans
        .iter()
        .enumerate()
        .filter(|(l, _)| {
            jobs.iter()
                .any(|job| job.l == *l && matches!(job.known, Known::Read(_)))
        })
        .filter_map(|(_, plan)| plan.spelling.as_ref().map(|s| &s.dictionary))
        .collect();
    if !needed.is_empty() {
        needed.extend(source);
    }
    needed
}

/// What is known of a page before it is checked.
enum Known<'s> {
    /// Its findings, from the cache.
    Cached(Cached),
    /// Nothing: it is checked now (read already when it was in its
    /// locale's ratio sample).
    Read(Option<TranslatedPage<'s>>),
}

/// Writes each locale's cache: the entries of its pages that still have a
/// translation. A cache that cannot be written is a note, not a failure.
fn save(
    config: &Config,
    inputs: &Inputs,
    pair_keys: &[Vec<Option<Key>>],
    (stored, heads): (Vec<LocaleCache>, Option<&crate::staleness::Heads>),
    names: &NamesCache,
    report: &mut CheckReport,
) {
    let not_written = |e: Error| {
        format!(
            "the check cache was not written (the findings are right): {e}; `--no-cache` or `[cache] enabled = false` in bitext.toml skips it"
        )
    };
    let started = names
        .write(&cache::names_path(config))
        .and_then(|()| cache::ignore_folder(config));
    if let Err(e) = started {
        report.notes.push(not_written(e));
        return;
    }
    for (l, mut cache) in stored.into_iter().enumerate() {
        let present: std::collections::HashSet<&str> = inputs
            .pages
            .iter()
            .zip(&pair_keys[l])
            .filter(|(_, key)| key.is_some())
            .map(|(page, _)| page.path.as_str())
            .collect();
        cache.forget_absent(&present);
        if let Some(heads) = heads {
            cache.settle_heads(&heads.repos);
        }
        if let Err(e) = cache.write(&cache.path(config)) {
            report.notes.push(not_written(e));
            return;
        }
    }
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
        source: Option<(usize, String)>,
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
                source_line: source.as_ref().map(|s| s.0),
                segment_id: source.map(|s| s.1),
                message,
                related: Vec::new(),
                confidence: 1.0,
            },
        }
    }
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

/// The findings of one aligned page.
fn check_one(
    page: &PageAlignment,
    options: &align::Options<'_>,
    rules: &PageRules<'_>,
) -> Vec<Finding> {
    let url = page_url(rules.markdown.dialect, &page.page.path);
    check_with(
        &page.aligned,
        (&page.source_text, &page.text),
        url.as_deref(),
        options,
        rules,
    )
}
