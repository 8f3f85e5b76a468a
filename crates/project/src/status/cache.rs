//! The status cache: how far each translated page is behind its source,
//! as the history last said, under the project's cache folder
//! (`.bitext/cache/status/<locale>.json`), with the key of everything the
//! answer was drawn from: the repositories' HEAD commits (and whether they
//! are shallow), the Markdown options and pin keys, the page's paths, the
//! bytes of its source and translation, and what its catalog says (its
//! mode and revision). A run whose pages all hold never indexes the
//! history; one page that does not makes the run index it. A file written
//! by another build, one that does not parse, or an entry whose key does
//! not match is drawn again, never trusted.
//!
//! The HEADs are kept beside the answers, not in their keys: after new
//! commits on top of those HEADs (CI on every push), an answer still holds
//! when none of the new commits touched the page's source or translation
//! (`crate::moves`), since then neither its base nor the commits that changed
//! its source since can differ. Answers whose base is unknown, has a pin
//! problem or was found by date are drawn again whenever the source's
//! history moved, and every answer when a history was rewritten or is
//! shallow.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use model::Locale;
use serde::{Deserialize, Serialize};

use crate::check::cache::{Key, build_identity, hex, read_own, write_json};
use crate::check::history::{
    KeptBase, restore_base, restore_problems, stored_base, stored_problems,
};
use crate::moves::Moves;
use crate::staleness::{BaseMethod, Heads};
use crate::{Config, PageStaleness, Result};

/// The format of the files, for `format`.
const NAME: &str = "bitext-status-cache";

/// Where `locale`'s status cache is.
pub(crate) fn locale_path(config: &Config, locale: &Locale) -> PathBuf {
    config
        .root
        .join(&config.cache.dir)
        .join("status")
        .join(format!("{}.json", locale.as_str()))
}

/// One locale's status cache.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct StatusCache {
    format: String,
    build: String,
    locale: String,
    /// The repositories' HEADs the answers hold for (see `Heads::repos`).
    heads: Vec<(String, String, bool)>,
    pages: BTreeMap<String, Stored>,
    /// Whether it holds what its file does not (then it is written).
    #[serde(skip)]
    dirty: bool,
}

/// A page's answer, with its key.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    key: String,
    staleness: Option<KeptStaleness>,
    /// For a hand-made translation whose source changed: how many of the
    /// source's segments changed since its base.
    stale_segments: Option<usize>,
}

/// A [`PageStaleness`] as kept (days behind are counted again from the
/// time of the first newer commit, since they grow with the calendar).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct KeptStaleness {
    base: Option<KeptBase>,
    reason: Option<String>,
    changed: Option<bool>,
    commits_behind: usize,
    behind_since: Option<i64>,
    pin_problem: Option<(usize, String)>,
    drifted: Option<String>,
}

impl KeptStaleness {
    fn of(s: &PageStaleness) -> KeptStaleness {
        KeptStaleness {
            base: stored_base(s.base.as_ref()),
            reason: s.reason.clone(),
            changed: s.changed,
            commits_behind: s.commits_behind,
            behind_since: s.behind_since,
            pin_problem: s
                .pin_problem
                .as_ref()
                .and_then(|p| stored_problems(std::slice::from_ref(p)).pop()),
            drifted: s.drifted.clone(),
        }
    }

    /// The staleness again; `None` when its base's method is not one this
    /// build knows.
    fn restore(&self) -> Option<PageStaleness> {
        Some(PageStaleness {
            base: restore_base(self.base.as_ref())?,
            reason: self.reason.clone(),
            changed: self.changed,
            commits_behind: self.commits_behind,
            // Known exactly when the base's source was: when `changed` is.
            days_behind: self
                .changed
                .map(|_| self.behind_since.map_or(0, crate::changes::days_since)),
            behind_since: self.behind_since,
            pin_problem: self
                .pin_problem
                .as_ref()
                .and_then(|p| restore_problems(std::slice::from_ref(p)).pop()),
            drifted: self.drifted.clone(),
        })
    }
}

/// A page's answer as the cache gives it back.
pub(crate) type Answer = (Option<PageStaleness>, Option<usize>);

impl StatusCache {
    /// An empty cache of `locale` for this build.
    pub(crate) fn empty(locale: &Locale) -> StatusCache {
        StatusCache {
            format: NAME.to_owned(),
            build: build_identity().to_owned(),
            locale: locale.as_str().to_owned(),
            heads: Vec::new(),
            pages: BTreeMap::new(),
            dirty: true,
        }
    }

    /// `locale`'s cache as the file at `path` holds it; empty when there is
    /// none, it does not parse, or another build or locale wrote it.
    pub(crate) fn read(path: &Path, locale: &Locale) -> StatusCache {
        read_own(path, [NAME, locale.as_str()], |c: &StatusCache| {
            [&c.format, &c.build, &c.locale]
        })
        .unwrap_or_else(|| StatusCache::empty(locale))
    }

    /// The answer kept for `page` if it was drawn from what `key` names.
    pub(crate) fn get(&self, page: &str, key: Key) -> Option<Answer> {
        let stored = self.pages.get(page).filter(|s| s.key == hex(key))?;
        let staleness = match &stored.staleness {
            Some(kept) => Some(kept.restore()?),
            None => None,
        };
        Some((staleness, stored.stale_segments))
    }

    /// The HEADs its answers were drawn at.
    pub(crate) fn heads(&self) -> &[(String, String, bool)] {
        &self.heads
    }

    /// Records that its answers hold at `heads`.
    pub(crate) fn set_heads(&mut self, heads: &[(String, String, bool)]) {
        if self.heads != heads {
            self.heads = heads.to_vec();
            self.dirty = true;
        }
    }

    /// Keeps the answer for `page`, drawn from what `key` names.
    pub(crate) fn keep(&mut self, page: &str, key: Key, answer: &Answer) {
        let stored = Stored {
            key: hex(key),
            staleness: answer.0.as_ref().map(KeptStaleness::of),
            stale_segments: answer.1,
        };
        self.pages.insert(page.to_owned(), stored);
        self.dirty = true;
    }

    /// Forgets the pages not in `present`.
    pub(crate) fn forget_absent(&mut self, present: &HashSet<&str>) {
        let before = self.pages.len();
        self.pages.retain(|page, _| present.contains(page.as_str()));
        self.dirty |= self.pages.len() != before;
    }

    /// Writes the cache (atomically) when it changed.
    pub(crate) fn write(&self, config: &Config) -> Result<()> {
        match self.dirty {
            true => write_json(
                &locale_path(config, &Locale::new(self.locale.as_str())),
                self,
            ),
            false => Ok(()),
        }
    }
}

/// Whether `answer`, drawn at a cache's HEADs, holds after `moves` for
/// the page whose source and translation are at `source` and
/// `translation`. An answer that asked no history always holds.
pub(crate) fn holds(
    moves: &Moves,
    heads: &Heads,
    answer: &Answer,
    source: &Path,
    translation: &Path,
) -> bool {
    let Some(staleness) = &answer.0 else {
        return true;
    };
    let fragile = match &staleness.base {
        None => true,
        Some(base) => staleness.pin_problem.is_some() || base.method == BaseMethod::Date,
    };
    moves.hold(heads, fragile, source, translation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staleness::{Base, BaseMethod, BaseProblem};

    fn staleness() -> PageStaleness {
        PageStaleness {
            base: Some(Base {
                commit: "a".repeat(40),
                method: BaseMethod::Pin,
                by_time: None,
            }),
            reason: None,
            changed: Some(true),
            commits_behind: 3,
            days_behind: Some(0),
            behind_since: Some(0),
            pin_problem: Some(BaseProblem {
                line: 4,
                message: "names no commit".to_owned(),
            }),
            drifted: Some("yes".to_owned()),
        }
    }

    #[test]
    fn an_answer_comes_back_for_its_key_only() {
        let locale = Locale::new("it");
        let mut cache = StatusCache::empty(&locale);
        let answer = (Some(staleness()), Some(7));
        cache.keep("guide", 1, &answer);
        let (back, stale) = cache.get("guide", 1).expect("kept under key 1");
        let back = back.expect("a staleness");
        assert_eq!(stale, Some(7));
        assert_eq!(back.base, answer.0.as_ref().and_then(|s| s.base.clone()));
        assert_eq!(back.commits_behind, 3);
        assert_eq!(back.pin_problem.map(|p| p.line), Some(4));
        assert_eq!(back.drifted.as_deref(), Some("yes"));
        // Days are counted again: the epoch is decades ago.
        assert!(back.days_behind.is_some_and(|d| d > 10_000));
        assert!(cache.get("guide", 2).is_none());
        assert!(cache.get("other", 1).is_none());
    }

    #[test]
    fn a_page_gone_is_forgotten_and_the_cache_marked_changed() {
        let locale = Locale::new("it");
        let mut cache = StatusCache::empty(&locale);
        cache.keep("a", 1, &(None, None));
        cache.keep("b", 1, &(None, None));
        cache.dirty = false;
        cache.forget_absent(&["a"].into_iter().collect());
        assert!(cache.dirty);
        assert!(cache.get("b", 1).is_none());
        assert!(cache.get("a", 1).is_some());
    }
}
