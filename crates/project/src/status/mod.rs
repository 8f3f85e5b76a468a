//! `bitext status`: coverage per locale and page (a segment is translated,
//! stale or missing), and how far each translation is behind its source.

use std::collections::{BTreeMap, HashSet};

use model::Locale;
use rayon::prelude::*;

mod cache;

use cache::StatusCache;

use crate::catalogs::{
    PageState, chosen_locales, is_generated, manifest_path, read_manifest, read_target,
};
use crate::check::cache::{Key, KeyBuilder, of_bytes};
use crate::{Config, Page, Result, pages, read_text};

/// Counts of one page or locale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    pub translated: usize,
    pub stale: usize,
    pub missing: usize,
    pub obsolete: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.total += other.total;
        self.translated += other.translated;
        self.stale += other.stale;
        self.missing += other.missing;
        self.obsolete += other.obsolete;
    }

    /// Translated (not stale) segments as a percentage of all; 100 for none.
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            self.translated as f64 * 100.0 / self.total as f64
        }
    }
}

/// The coverage of one locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleStatus {
    pub locale: Locale,
    pub counts: Counts,
    /// Per page path (`guide/install`), in page order.
    pub pages: Vec<(String, Counts)>,
    /// Per page path, how far its translation is behind the source (in a
    /// git repository, for pages with a translation or a catalog; the base
    /// may be unknown, with the reason).
    pub staleness: BTreeMap<String, crate::PageStaleness>,
    /// The pages whose counts come from a hand-made translated page (no
    /// catalog messages): its segments translated, except those the source
    /// changed since the page's base, stale.
    pub hand_made: std::collections::BTreeSet<String>,
}

/// What `bitext status` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusReport {
    pub locales: Vec<LocaleStatus>,
    /// What the run could not do fully (a shallow clone), one line each.
    pub notes: Vec<String>,
    /// Translated pages (in every locale) whose base was asked for, and
    /// those of them whose answer came from the status cache.
    pub dated: usize,
    pub cached: usize,
}

/// Coverage per locale and page: a segment is translated when its message
/// is current, stale when its source changed since, missing otherwise.
/// Reads only (no cache either); the ids are those `sync` would give.
pub fn status(config: &Config, only: Option<&[Locale]>) -> Result<Vec<LocaleStatus>> {
    Ok(status_progress(config, only, false, &mut |_, _| {})?.locales)
}

/// [`status`], with each page's base revision, commits and days behind
/// (in a git repository); `progress` hears (commits done, commits in
/// all) while the history is indexed. With `use_cache` (and the cache
/// enabled in the configuration), the answers the history gave are kept
/// in the status cache and taken from it while what they were drawn from
/// holds (see `cache`): the history is indexed only when a page misses.
pub fn status_progress(
    config: &Config,
    only: Option<&[Locale]>,
    use_cache: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<StatusReport> {
    let manifest = read_manifest(&manifest_path(config))?;
    let locales = chosen_locales(config, only)?;
    let pin_keys = crate::pin_keys(config);
    let heads = match use_cache && config.cache.enabled {
        true => crate::staleness::Heads::of(config)?,
        false => None,
    };
    let mut caches: Vec<StatusCache> = locales
        .iter()
        .map(|locale| match heads {
            Some(_) => StatusCache::read(&cache::locale_path(config, locale), locale),
            None => StatusCache::empty(locale),
        })
        .collect();
    let run_key = heads.as_ref().map(|heads| {
        pin_keys
            .iter()
            .fold(
                KeyBuilder::new("status")
                    .str(&heads.places)
                    .str(&format!("{:?}", config.markdown)),
                |key, pin_key| key.str(pin_key),
            )
            .finish()
    });
    // Counts need each page segmented and its catalogs read: on every core.
    let pages = pages(config)?;
    let seen: Vec<Vec<Seen>> = pages
        .par_iter()
        .map(|page| seen_in_locales(config, &manifest, &locales, run_key, page))
        .collect::<Result<_>>()?;
    let kept = match &heads {
        Some(heads) => kept_answers(config, heads, &caches, &locales, &pages, &seen)?,
        None => vec![vec![None; locales.len()]; pages.len()],
    };
    // The history is indexed only when a page's answer is not kept, and
    // for those pages only.
    let missed: HashSet<&str> = pages
        .iter()
        .zip(seen.iter().zip(&kept))
        .filter(|(_, (seen, kept))| seen.iter().zip(*kept).any(|(s, k)| s.dated && k.is_none()))
        .map(|(page, _)| page.path.as_str())
        .collect();
    let history = match (missed.is_empty(), missed.len() == pages.len()) {
        (true, _) => None,
        (false, true) => crate::History::open(config, progress)?,
        (false, false) => crate::History::open_for(config, Some(&missed), progress)?,
    };
    let mut notes = Vec::new();
    let shallow = match &history {
        Some(history) => history.is_shallow(),
        None => heads.as_ref().is_some_and(|h| h.shallow),
    };
    if shallow {
        notes.push(crate::SHALLOW_NOTE.to_owned());
    }
    // Staleness reads the histories: pages on every core, each page's
    // locales one after another.
    let read: Vec<Vec<PageRead>> = pages
        .par_iter()
        .zip(seen)
        .zip(kept)
        .map(|((page, seen), kept)| {
            let versions = crate::staleness::Versions::default();
            let on = PageOn {
                history: history.as_ref(),
                pin_keys: &pin_keys,
                versions: &versions,
            };
            locales
                .iter()
                .zip(seen)
                .zip(kept)
                .map(|((locale, seen), kept)| match kept {
                    Some(answer) => Ok(PageRead::kept(seen, answer)),
                    None => page_read(config, &on, locale, page, seen),
                })
                .collect::<Result<Vec<PageRead>>>()
        })
        .collect::<Result<_>>()?;
    let mut report = tally(config, &locales, &pages, read, &mut caches);
    notes.append(&mut report.notes);
    report.notes = notes;
    if let Some(heads) = &heads
        && let Err(e) = save(config, &pages, heads, caches)
    {
        report.notes.push(format!(
            "the status cache was not written (the answers are right): {e}; `--no-cache` or `[cache] enabled = false` in bitext.toml skips it"
        ));
    }
    Ok(report)
}

/// By page and locale, the answer each cache keeps that still holds at
/// `heads` (see `crate::moves`).
fn kept_answers(
    config: &Config,
    heads: &crate::staleness::Heads,
    caches: &[StatusCache],
    locales: &[Locale],
    pages: &[Page],
    seen: &[Vec<Seen>],
) -> Result<Vec<Vec<Option<cache::Answer>>>> {
    // What became of the histories since each cache was written.
    let mut memo = std::collections::HashMap::new();
    let moves: Vec<crate::moves::Moves> = caches
        .iter()
        .map(|cache| crate::moves::Moves::of(cache.heads(), heads, &mut memo))
        .collect::<Result<_>>()?;
    Ok(pages
        .iter()
        .zip(seen)
        .map(|(page, seen)| {
            seen.iter()
                .zip(caches)
                .zip(locales)
                .zip(&moves)
                .map(|(((seen, cache), locale), moves)| {
                    let translation = crate::catalogs::translation_path(config, locale, &page.path);
                    cache.get(&page.path, seen.key?).filter(|answer| {
                        cache::holds(moves, heads, answer, &page.source, &translation)
                    })
                })
                .collect()
        })
        .collect())
}

/// The report from what was read of each page in each locale, keeping
/// the answers drawn now in `caches`.
fn tally(
    config: &Config,
    locales: &[Locale],
    pages: &[Page],
    read: Vec<Vec<PageRead>>,
    caches: &mut [StatusCache],
) -> StatusReport {
    let mut out: Vec<LocaleStatus> = locales
        .iter()
        .map(|locale| LocaleStatus {
            locale: locale.clone(),
            counts: Counts::default(),
            pages: Vec::new(),
            staleness: BTreeMap::new(),
            hand_made: Default::default(),
        })
        .collect();
    let mut report = StatusReport::default();
    for (page, read) in pages.iter().zip(read) {
        for ((status, cache), read) in out.iter_mut().zip(caches.iter_mut()).zip(read) {
            report.dated += usize::from(read.dated);
            report.cached += usize::from(read.dated && read.from_cache);
            if let (Some(key), false) = (read.key, read.from_cache) {
                cache.keep(
                    &page.path,
                    key,
                    &(read.staleness.clone(), read.stale_segments),
                );
            }
            if read.hand_made {
                status.hand_made.insert(page.path.clone());
            }
            status.counts.add(read.counts);
            status.pages.push((page.path.clone(), read.counts));
            let Some(staleness) = read.staleness else {
                continue;
            };
            if let Some(p) = &staleness.pin_problem {
                let key = config
                    .translation
                    .render(status.locale.as_str(), &page.path);
                report
                    .notes
                    .push(format!("{}:{}: {}", key, p.line, p.message));
            }
            status.staleness.insert(page.path.clone(), staleness);
        }
    }
    report.locales = out;
    report
}

/// Writes each locale's status cache, without the pages gone, for the
/// HEADs of this run.
fn save(
    config: &Config,
    pages: &[Page],
    heads: &crate::staleness::Heads,
    caches: Vec<StatusCache>,
) -> Result<()> {
    crate::check::cache::ignore_folder(config)?;
    let present: HashSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    for mut cache in caches {
        cache.forget_absent(&present);
        // Every answer kept holds at these HEADs now (see `cache::Moves`).
        cache.set_heads(&heads.repos);
        cache.write(config)?;
    }
    Ok(())
}

/// What `page`'s catalogs and translations show in each of `locales`,
/// and the key of what its staleness there is drawn from (`run_key`:
/// that of the run, when the cache is used).
fn seen_in_locales(
    config: &Config,
    manifest: &BTreeMap<String, String>,
    locales: &[Locale],
    run_key: Option<Key>,
    page: &Page,
) -> Result<Vec<Seen>> {
    let state = PageState::load(config, page)?;
    let ids: HashSet<&str> = state.ids().collect();
    let source_key = match run_key {
        Some(_) => std::fs::read(&page.source).map_or(0, |bytes| of_bytes(&bytes)),
        None => 0,
    };
    locales
        .iter()
        .map(|locale| {
            let target = read_target(config, locale, page)?
                .map(|(_, catalog)| catalog)
                .unwrap_or_default();
            let rendered = config.translation.render(locale.as_str(), &page.path);
            let translation = config.root.join(&rendered);
            let text = match translation.is_file() {
                true => Some(read_text(&translation)?),
                false => None,
            };
            let generated = text
                .as_deref()
                .is_none_or(|text| is_generated(manifest, &rendered, text));
            let mut counts = Counts {
                total: state.doc.segments.len(),
                obsolete: target
                    .obsolete
                    .iter()
                    .filter(|m| !ids.contains(m.id.as_str()))
                    .count(),
                ..Counts::default()
            };
            for entry in state.entries(&target) {
                match (entry.translation, entry.current) {
                    (None, _) => counts.missing += 1,
                    (Some(_), true) => counts.translated += 1,
                    (Some(_), false) => counts.stale += 1,
                }
            }
            // Messages whose id has no segment any more (before a sync) count as obsolete.
            counts.obsolete += target
                .messages
                .iter()
                .filter(|m| !ids.contains(m.id.as_str()))
                .count();
            let dated = text.is_some() || target.revision.is_some() || !target.messages.is_empty();
            let hand_made = !generated && target.messages.is_empty();
            let key = run_key.map(|run| {
                KeyBuilder::new("status page")
                    .key(run)
                    .str(locale.as_str())
                    .str(&page.path)
                    .str(&page.source.to_string_lossy())
                    .str(&rendered)
                    .key(source_key)
                    .key(text.as_deref().map_or(0, |t| of_bytes(t.as_bytes())))
                    .str(&format!("{}{}{}", text.is_some(), generated, hand_made))
                    .str(target.revision.as_deref().unwrap_or(""))
                    .finish()
            });
            Ok(Seen {
                counts,
                dated,
                hand_made,
                generated,
                revision: target.revision,
                key,
            })
        })
        .collect()
}

/// One page in one locale: its counts, and what its base is found from.
struct Seen {
    counts: Counts,
    /// A translation exists, or a catalog.
    dated: bool,
    generated: bool,
    /// A translated page a person made, and no catalog messages.
    hand_made: bool,
    revision: Option<String>,
    /// The key of what its staleness is drawn from, when the cache is used.
    key: Option<Key>,
}

/// What status reads of one page in one locale.
struct PageRead {
    counts: Counts,
    hand_made: bool,
    staleness: Option<crate::PageStaleness>,
    /// Of a hand-made translation whose source changed: the source's
    /// segments changed since its base.
    stale_segments: Option<usize>,
    /// The key of what it was drawn from, and whether it came from the cache.
    key: Option<Key>,
    from_cache: bool,
    /// It has a translation or a catalog (its base was asked for).
    dated: bool,
}

impl PageRead {
    /// What the cache kept for a page in a locale, with its counts now.
    fn kept(seen: Seen, (staleness, stale_segments): cache::Answer) -> PageRead {
        PageRead {
            counts: match seen.hand_made {
                true => hand_made_counts(seen.counts.total, stale_segments),
                false => seen.counts,
            },
            hand_made: seen.hand_made,
            staleness,
            stale_segments,
            key: seen.key,
            from_cache: true,
            dated: seen.dated,
        }
    }
}

/// What every locale's translation of a page is read with.
struct PageOn<'a> {
    history: Option<&'a crate::History>,
    pin_keys: &'a [String],
    /// The page's source versions, prepared once for every locale.
    versions: &'a crate::staleness::Versions,
}

/// The counts and staleness of `page` in `locale`, from what its
/// catalogs and translation showed (`seen`) and the history.
fn page_read(
    config: &Config,
    on: &PageOn<'_>,
    locale: &Locale,
    page: &Page,
    seen: Seen,
) -> Result<PageRead> {
    let history = on.history;
    let staleness = match history {
        // A page with neither a translation nor a catalog has no base to know.
        Some(history) if seen.dated => Some(locale_page_staleness(
            config,
            history,
            locale,
            page,
            &seen,
            on.pin_keys,
            on.versions,
        )?),
        _ => None,
    };
    let stale_segments = match (history, &staleness) {
        (Some(history), Some(s)) if seen.hand_made && s.changed == Some(true) => {
            Some(changed_segments(config, history, page, s)?)
        }
        _ => None,
    };
    let counts = match seen.hand_made {
        true => hand_made_counts(seen.counts.total, stale_segments),
        false => seen.counts,
    };
    Ok(PageRead {
        counts,
        hand_made: seen.hand_made,
        staleness,
        stale_segments,
        key: seen.key,
        from_cache: false,
        dated: seen.dated,
    })
}

/// The counts of a hand-made translated page of `total` segments: those
/// whose source changed since the page's base (`stale`, when known) are
/// stale, the others translated.
fn hand_made_counts(total: usize, stale: Option<usize>) -> Counts {
    let stale = stale.unwrap_or(0).min(total);
    Counts {
        total,
        translated: total - stale,
        stale,
        ..Counts::default()
    }
}

/// How many of `page`'s segments its source added or changed (beyond
/// whitespace, punctuation and markup) since the translation's base; all
/// of them when the source at the base cannot be read.
fn changed_segments(
    config: &Config,
    history: &crate::History,
    page: &Page,
    staleness: &crate::PageStaleness,
) -> Result<usize> {
    let then = match (&staleness.base, history.source()) {
        (Some(base), Some(source)) => source.repo.read_at(&base.commit, &page.source)?,
        _ => None,
    };
    let now = read_text(&page.source)?;
    let Some(then) = then else {
        return Ok(markdown::segment_with(&now, &config.markdown)
            .0
            .segments
            .len());
    };
    Ok(crate::changes::page_changes(&then, &now, &config.markdown)
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                crate::changes::ChangeKind::Added | crate::changes::ChangeKind::Modified
            ) && c.class != crate::changes::ChangeClass::Cosmetic
        })
        .count())
}

/// How far `locale`'s translation of `page` is behind its source.
fn locale_page_staleness(
    config: &Config,
    history: &crate::History,
    locale: &Locale,
    page: &Page,
    seen: &Seen,
    pin_keys: &[String],
    versions: &crate::staleness::Versions,
) -> Result<crate::PageStaleness> {
    let key = config.translation.render(locale.as_str(), &page.path);
    let translation = config.root.join(&key);
    let text = if translation.is_file() {
        Some(crate::read_text(&translation)?)
    } else {
        None
    };
    let inputs = crate::PageInputs {
        page,
        text: text.as_deref(),
        translation: &translation,
        // Catalog mode (a page bitext built, or none yet): the catalog's revision.
        catalog_revision: if seen.generated {
            seen.revision.as_deref()
        } else {
            None
        },
        pin_keys,
        versions: Some(versions),
    };
    crate::page_staleness(history, &inputs, &config.markdown)
}
