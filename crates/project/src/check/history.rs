//! The history's side of the check cache: each translated page's source
//! changes since its base, kept with the key of what they were drawn from
//! (the repositories' HEAD commits, the page's source and translation
//! bytes, its entry in the manifest of built pages and its catalog, the
//! pin keys and the Markdown options). A check whose pages all hold never
//! indexes the history; one page that does not makes the run index it.

use std::collections::HashMap;
use std::path::Path;

use model::Locale;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::cache::{Key, KeyBuilder, LocaleCache, hex, of_bytes};
use super::inputs::Inputs;
use crate::changes::{ChangeClass, ChangeKind, PageOf, changes_since, page_based};
use crate::moves::Moves;
use crate::staleness::{Base, BaseMethod, BaseProblem, Based, Heads, read_pin};
use crate::{Config, History, LocaleChanges, Result, SegmentChange};

/// A page's changes as the check reads them (the texts and word diffs,
/// which only `diff` and `status` show, are not kept).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct StoredChanges {
    key: String,
    base: Option<KeptBase>,
    reason: Option<String>,
    commits_behind: usize,
    /// Kind, class, facts, source line.
    changes: Vec<(String, String, Vec<String>, usize)>,
    landed: Vec<Option<i64>>,
    problems: Vec<(usize, String)>,
    new_lines: Vec<(usize, usize)>,
}

impl StoredChanges {
    fn of(key: Key, c: &LocaleChanges) -> StoredChanges {
        StoredChanges {
            key: hex(key),
            base: stored_base(c.base.as_ref()),
            reason: c.reason.clone(),
            commits_behind: c.commits_behind,
            changes: c
                .changes
                .iter()
                .map(|s| {
                    let facts = match &s.class {
                        ChangeClass::Factual(facts) => facts.clone(),
                        _ => Vec::new(),
                    };
                    (
                        s.kind.name().to_owned(),
                        s.class.name().to_owned(),
                        facts,
                        s.source_line,
                    )
                })
                .collect(),
            landed: c.landed.clone(),
            problems: stored_problems(&c.problems),
            new_lines: c.new_lines.clone(),
        }
    }

    /// The changes again, for the page at `page` (its source at `source`,
    /// its translation at `translation`); `None` when a name is not one
    /// this build knows (then they are drawn again).
    fn restore(&self, page: &str, source: &Path, translation: &Path) -> Option<LocaleChanges> {
        let base = restore_base(self.base.as_ref())?;
        let changes = self
            .changes
            .iter()
            .map(|(kind, class, facts, line)| {
                Some(SegmentChange {
                    kind: kind_named(kind)?,
                    class: match class.as_str() {
                        "cosmetic" => ChangeClass::Cosmetic,
                        "factual" => ChangeClass::Factual(facts.clone()),
                        "rewrite" => ChangeClass::Rewrite,
                        _ => return None,
                    },
                    source_line: *line,
                    old: None,
                    new: None,
                    words: Vec::new(),
                })
            })
            .collect::<Option<_>>()?;
        Some(LocaleChanges {
            page: page.to_owned(),
            source: source.to_path_buf(),
            translation: translation.to_path_buf(),
            base,
            reason: self.reason.clone(),
            commits_behind: self.commits_behind,
            days_behind: None,
            changes,
            landed: self.landed.clone(),
            problems: restore_problems(&self.problems),
            new_lines: self.new_lines.clone(),
        })
    }
}

/// A translation's base as the history gave it, kept with what it holds
/// for: a pinned translation's base holds for any translation with the
/// same pin, another's for the same translation bytes only.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct StoredBase {
    key: String,
    pin: Option<String>,
    translation: Option<String>,
    base: Option<KeptBase>,
    reason: Option<String>,
    problems: Vec<(usize, String)>,
    /// The source versions newer than the base: commit, time, path, blob.
    newer: Vec<(String, i64, String, String)>,
    /// The source page's blob at the base, and its path then.
    base_blob: Option<(String, String)>,
}

impl StoredBase {
    fn of(key: Key, based: &Based, pin: Option<String>, translation: Key) -> StoredBase {
        let pinned = based
            .base
            .as_ref()
            .is_some_and(|b| b.method == BaseMethod::Pin);
        StoredBase {
            key: hex(key),
            pin: pin.filter(|_| pinned),
            translation: (!pinned).then(|| hex(translation)),
            base: stored_base(based.base.as_ref()),
            reason: based.reason.clone(),
            problems: stored_problems(&based.problems),
            newer: based.revisions[..based.newer]
                .iter()
                .map(|r| (r.commit.clone(), r.time, r.path.clone(), r.blob.to_string()))
                .collect(),
            base_blob: based
                .base_blob
                .as_ref()
                .map(|(blob, path)| (blob.to_string(), path.clone())),
        }
    }

    /// Whether this base is that of a translation with these bytes and pin.
    fn holds(&self, key: Key, pin: Option<&str>, translation: Key) -> bool {
        self.key == hex(key)
            && match &self.pin {
                Some(kept) => pin == Some(kept.as_str()),
                None => self.translation.as_deref() == Some(hex(translation).as_str()),
            }
    }

    fn restore(&self) -> Option<Based> {
        let blob = |id: &str| history::BlobId::from_str(id).ok();
        Some(Based {
            base: restore_base(self.base.as_ref())?,
            reason: self.reason.clone(),
            problems: restore_problems(&self.problems),
            revisions: self
                .newer
                .iter()
                .map(|(commit, time, path, id)| {
                    Some(history::Revision {
                        commit: commit.clone(),
                        time: *time,
                        path: path.clone(),
                        blob: blob(id)?,
                        position: 0,
                    })
                })
                .collect::<Option<_>>()?,
            newer: self.newer.len(),
            base_blob: match &self.base_blob {
                Some((id, path)) => Some((blob(id)?, path.clone())),
                None => None,
            },
        })
    }
}

/// A base as kept: commit, method, the version current when the
/// translation changed.
pub(crate) type KeptBase = (String, String, Option<String>);

pub(crate) fn stored_base(base: Option<&Base>) -> Option<KeptBase> {
    base.map(|b| {
        (
            b.commit.clone(),
            b.method.name().to_owned(),
            b.by_time.clone(),
        )
    })
}

/// The base kept, or `None` when its method is not one this build knows.
pub(crate) fn restore_base(kept: Option<&KeptBase>) -> Option<Option<Base>> {
    match kept {
        Some((commit, method, by_time)) => Some(Some(Base {
            commit: commit.clone(),
            method: method_named(method)?,
            by_time: by_time.clone(),
        })),
        None => Some(None),
    }
}

pub(crate) fn stored_problems(problems: &[BaseProblem]) -> Vec<(usize, String)> {
    problems
        .iter()
        .map(|p| (p.line, p.message.clone()))
        .collect()
}

pub(crate) fn restore_problems(kept: &[(usize, String)]) -> Vec<BaseProblem> {
    kept.iter()
        .map(|(line, message)| BaseProblem {
            line: *line,
            message: message.clone(),
        })
        .collect()
}

fn method_named(name: &str) -> Option<BaseMethod> {
    [
        BaseMethod::Pin,
        BaseMethod::Catalog,
        BaseMethod::HistoryMatch,
        BaseMethod::Date,
    ]
    .into_iter()
    .find(|m| m.name() == name)
}

fn kind_named(name: &str) -> Option<ChangeKind> {
    [
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::Modified,
        ChangeKind::Moved,
    ]
    .into_iter()
    .find(|k| k.name() == name)
}

/// The history, indexed when a page first needs it.
pub(crate) struct LazyHistory<'p> {
    pub history: Option<History>,
    progress: &'p mut dyn FnMut(usize, usize),
}

impl<'p> LazyHistory<'p> {
    pub(crate) fn new(progress: &'p mut dyn FnMut(usize, usize)) -> LazyHistory<'p> {
        LazyHistory {
            history: None,
            progress,
        }
    }

    fn get(&mut self, config: &Config) -> Result<Option<&History>> {
        if self.history.is_none() {
            self.history = History::open(config, self.progress)?;
        }
        Ok(self.history.as_ref())
    }
}

/// What keys every page's changes in a run.
pub(crate) struct KeyInputs<'a> {
    pub heads: &'a Heads,
    pub inputs: &'a Inputs,
    pub manifest: &'a std::collections::BTreeMap<String, String>,
    pub pin_keys: &'a [String],
    pub markdown_key: Key,
}

/// The changes of each translated page of `locale` that `wanted` takes,
/// by page: from `cache` where their key matches, else drawn from the
/// history (indexed then), the pages that miss on every core, and kept
/// in `cache`.
pub(crate) fn locale_changes(
    config: &Config,
    run: &KeyInputs<'_>,
    history: &mut LazyHistory<'_>,
    cache: &mut LocaleCache,
    locale: &Locale,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<HashMap<String, LocaleChanges>> {
    // What became of the histories since the cache's entries were drawn.
    let moves = Moves::of(cache.heads(), run.heads, &mut HashMap::new())?;
    let mut out = HashMap::new();
    let mut missed = Vec::new();
    for (k, page) in run.inputs.pages.iter().enumerate() {
        let Some(translation_key) = run.inputs.translation(k, locale) else {
            continue;
        };
        if !wanted(&page.path) {
            continue;
        }
        let translation = crate::catalogs::translation_path(config, locale, &page.path);
        let keys = PageKeys {
            base: base_key(config, run, locale, k),
            translation: translation_key,
        };
        let key = KeyBuilder::new("changes")
            .key(keys.base)
            .key(run.inputs.source_keys[k])
            .key(keys.translation)
            .finish();
        let kept = cache
            .stale
            .get(&page.path)
            .filter(|s| s.key == hex(key))
            .and_then(|s| s.restore(&page.path, &page.source, &translation))
            .filter(|c| {
                let fragile = fragile(c.base.as_ref(), &c.problems);
                moves.hold(run.heads, fragile, &page.source, &translation)
            });
        match kept {
            Some(changes) => {
                cache.held(&page.path);
                out.insert(page.path.clone(), changes);
            }
            None => {
                let at = (&moves, translation.as_path());
                let Some((pin, base)) = kept_base(run, cache, at, k, &keys)? else {
                    continue;
                };
                missed.push(Missed {
                    k,
                    key,
                    keys,
                    pin,
                    base,
                });
            }
        }
    }
    if missed.is_empty() {
        return Ok(out);
    }
    let history = match missed.iter().any(|m| m.base.is_none()) {
        true => history.get(config)?,
        false => None,
    };
    let on = PageOf {
        locale,
        manifest: run.manifest,
        pin_keys: run.pin_keys,
    };
    // Bases matched and changes drawn on every core.
    let drawn: Vec<Option<(Option<Based>, LocaleChanges)>> = missed
        .par_iter()
        .map(|m| -> Result<_> {
            let page = &run.inputs.pages[m.k];
            let (based, new) = match (&m.base, history) {
                (Some(based), _) => (based.clone(), None),
                (None, Some(history)) => match page_based(config, history, &on, page)? {
                    Some((based, _)) => (based.clone(), Some(based)),
                    None => return Ok(None),
                },
                (None, None) => return Ok(None),
            };
            let changes = changes_since(
                config,
                Some(&run.heads.source),
                page.clone(),
                locale,
                &based,
            )?;
            Ok(Some((new, changes)))
        })
        .collect::<Result<_>>()?;
    for (m, drawn) in missed.into_iter().zip(drawn) {
        let Some((new, changes)) = drawn else {
            continue;
        };
        let page = &run.inputs.pages[m.k];
        if let Some(based) = new {
            cache.keep_base(
                &page.path,
                StoredBase::of(m.keys.base, &based, m.pin, m.keys.translation),
            );
        }
        cache.keep_changes(&page.path, StoredChanges::of(m.key, &changes));
        out.insert(page.path.clone(), changes);
    }
    Ok(out)
}

/// A page whose changes are drawn again: its index, keys, its
/// translation's pin, and its base when the cache kept it (`None` when
/// the history must match it).
struct Missed {
    k: usize,
    key: Key,
    keys: PageKeys,
    pin: Option<String>,
    base: Option<Based>,
}

/// The keys of a page's base: what it depends on besides its translation
/// ([`base_key`]), and its translation's bytes.
struct PageKeys {
    base: Key,
    translation: Key,
}

/// The key of what a page's base depends on besides its translation:
/// where the repositories are (their HEADs are kept beside), the pin keys, the Markdown options, the page and
/// its paths, its entry in the manifest of built pages and its catalog.
fn base_key(config: &Config, run: &KeyInputs<'_>, locale: &Locale, k: usize) -> Key {
    let page = &run.inputs.pages[k];
    let rendered = config.translation.render(locale.as_str(), &page.path);
    let built = run.manifest.get(&rendered);
    // A built page's base is its catalog's revision.
    let catalog = match built {
        Some(_) => {
            let path = crate::catalogs::catalog_path(config, locale, page);
            std::fs::read(path).map_or(0, |bytes| of_bytes(&bytes))
        }
        None => 0,
    };
    let mut key = KeyBuilder::new("base")
        .str(&run.heads.places)
        .key(run.markdown_key)
        .str(locale.as_str())
        .str(&page.path)
        .str(&page.source.to_string_lossy())
        .str(&rendered)
        .str(built.map_or("", String::as_str))
        .key(catalog);
    for pin_key in run.pin_keys {
        key = key.str(pin_key);
    }
    key.finish()
}

/// The pin of page `k`'s translation (at `path`; its keys `keys`) and its
/// base as `cache` keeps it: `Some(_)` when it holds for the translation
/// as it is, `None` when the history must give it; `None` in all when the
/// page has no translation.
fn kept_base(
    run: &KeyInputs<'_>,
    cache: &LocaleCache,
    (moves, path): (&Moves, &std::path::Path),
    k: usize,
    keys: &PageKeys,
) -> Result<Option<(Option<String>, Option<Based>)>> {
    let page = &run.inputs.pages[k];
    let text = match crate::read_text(path) {
        Ok(text) => text,
        Err(_) if !path.is_file() => return Ok(None),
        Err(e) => return Err(e),
    };
    let pin = read_pin(&text, run.pin_keys).map(|(pin, _, _)| pin);
    let base = cache
        .bases
        .get(&page.path)
        .filter(|b| b.holds(keys.base, pin.as_deref(), keys.translation))
        .and_then(StoredBase::restore)
        .filter(|b| {
            let fragile = fragile(b.base.as_ref(), &b.problems);
            moves.hold(run.heads, fragile, &page.source, path)
        });
    Ok(Some((pin, base)))
}

/// Whether an answer with this base and these pin problems may change with
/// any new commit of the source (see [`Moves::hold`]).
fn fragile(base: Option<&Base>, problems: &[BaseProblem]) -> bool {
    base.is_none_or(|b| b.method == BaseMethod::Date) || !problems.is_empty()
}
