//! What a change (a pull request, or the commits since a revision) does to
//! the translations: per source page it changes, whether the change is
//! cosmetic, factual or a rewrite and which translations it makes stale;
//! per translated page it changes, whether that page is current after it.
//! `bitext status --changed-since REV`.

use std::path::Path;

use model::Locale;

use crate::changes::{ChangeClass, ChangeKind, page_changes};
use crate::{Config, Error, Page, Result, pages, read_text};

/// Which files changed between a revision and the working tree: their
/// blob there against the file's hash now (a file absent on one side
/// changed). Files outside the project's repository (a source in another
/// one) count as unchanged: the revision is the project's.
pub(crate) struct ChangedSince {
    repo: history::Repo,
    commit: String,
}

impl ChangedSince {
    pub(crate) fn open(config: &Config, rev: &str) -> Result<ChangedSince> {
        let Some(repo) = history::Repo::discover(&config.root)? else {
            return Err(Error::NoRepository {
                root: config.root.clone(),
            });
        };
        let commit = repo.resolve(rev).map_err(|e| Error::Revision {
            rev: rev.to_owned(),
            message: e.to_string(),
        })?;
        Ok(ChangedSince { repo, commit })
    }

    pub(crate) fn changed(&self, path: &Path) -> Result<bool> {
        if self.repo.key(path).is_none() {
            return Ok(false);
        }
        let exists = path.is_file();
        Ok(match self.repo.blob_at(&self.commit, path)? {
            None => exists,
            Some((blob, _)) => !exists || history::Repo::hash_file(path)? != blob,
        })
    }

    /// The text of `path` at the revision, when it had the file.
    fn then(&self, path: &Path) -> Result<Option<String>> {
        Ok(self.repo.read_at(&self.commit, path)?)
    }
}

/// What a change did to one source page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceImpact {
    pub page: String,
    /// `added` (a new page) or the weightiest class of its segments'
    /// changes: `factual`, `rewrite`, `cosmetic`.
    pub change: &'static str,
    /// The facts a factual change touched (`40`, `45`).
    pub facts: Vec<String>,
    /// The locales whose translation of the page the change makes stale
    /// (none for a cosmetic change).
    pub stale: Vec<Locale>,
}

/// A translated page the change touched, and where it stands after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationImpact {
    pub locale: Locale,
    pub page: String,
    /// `current`, `stale` (its source moved on since the page's base) or
    /// `unknown` (no base found), after the change.
    pub state: &'static str,
}

/// What the changes since a revision do to the translations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Impact {
    /// The revision's full commit id.
    pub base: String,
    pub sources: Vec<SourceImpact>,
    pub translations: Vec<TranslationImpact>,
}

/// The weightiest class of `changes` (factual, then rewrite, then
/// cosmetic), with the facts touched.
fn weigh(changes: &[crate::changes::SegmentChange]) -> (&'static str, Vec<String>) {
    let mut facts: Vec<String> = Vec::new();
    let mut rewrite = false;
    for change in changes {
        match &change.class {
            ChangeClass::Factual(touched) => {
                for fact in touched {
                    if !facts.contains(fact) {
                        facts.push(fact.clone());
                    }
                }
            }
            ChangeClass::Rewrite => rewrite = true,
            ChangeClass::Cosmetic => {
                // Added and removed segments are more than cosmetic.
                rewrite |= matches!(change.kind, ChangeKind::Added | ChangeKind::Removed);
            }
        }
    }
    if !facts.is_empty() {
        ("factual", facts)
    } else if rewrite {
        ("rewrite", facts)
    } else {
        ("cosmetic", facts)
    }
}

/// What the changes from `rev` to the working tree do to the translations
/// of the locales (`only` those, checked against the project's, or all).
pub fn impact(config: &Config, rev: &str, only: Option<&[Locale]>) -> Result<Impact> {
    let locales = crate::catalogs::chosen_locales(config, only)?;
    let since = ChangedSince::open(config, rev)?;
    let history = crate::History::open(config, &mut |_, _| {})?;
    let pin_keys = crate::pin_keys(config);
    let mut out = Impact {
        base: since.commit.clone(),
        sources: Vec::new(),
        translations: Vec::new(),
    };
    let translation_of = |locale: &Locale, page: &Page| {
        config
            .root
            .join(config.translation.render(locale.as_str(), &page.path))
    };
    for page in pages(config)? {
        if since.changed(&page.source)? {
            let now = read_text(&page.source)?;
            let (change, facts) = match since.then(&page.source)? {
                None => ("added", Vec::new()),
                Some(then) => weigh(&page_changes(&then, &now, &config.markdown)),
            };
            let stale = locales
                .iter()
                .filter(|l| {
                    change != "cosmetic" && change != "added" && translation_of(l, &page).is_file()
                })
                .cloned()
                .collect();
            out.sources.push(SourceImpact {
                page: page.path.clone(),
                change,
                facts,
                stale,
            });
        }
        let versions = crate::staleness::Versions::default();
        for locale in &locales {
            let translation = translation_of(locale, &page);
            if !since.changed(&translation)? || !translation.is_file() {
                continue;
            }
            let text = read_text(&translation)?;
            let state = match &history {
                Some(history) => {
                    let inputs = crate::PageInputs {
                        page: &page,
                        text: Some(&text),
                        translation: &translation,
                        catalog_revision: None,
                        pin_keys: &pin_keys,
                        versions: Some(&versions),
                    };
                    let staleness = crate::page_staleness(history, &inputs, &config.markdown)?;
                    match staleness.changed {
                        Some(false) => "current",
                        Some(true) => "stale",
                        None => "unknown",
                    }
                }
                None => "unknown",
            };
            out.translations.push(TranslationImpact {
                locale: locale.clone(),
                page: page.path.clone(),
                state,
            });
        }
    }
    Ok(out)
}
