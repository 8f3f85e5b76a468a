//! `bitext diff` without a locale: what changed in the source pages since a
//! revision, segment by segment, read from git and classified.

use std::path::PathBuf;

use crate::staleness::{Base, BaseProblem, Based, History, PageInputs, page_base};
use crate::{Config, Error, Result, pages, read_text};

/// What happened to a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Modified,
    /// Now elsewhere in the page (its text may have changed too).
    Moved,
}

impl ChangeKind {
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Modified => "modified",
            ChangeKind::Moved => "moved",
        }
    }
}

/// How much a change matters to a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeClass {
    /// Whitespace, punctuation or markup only: the words are the same.
    Cosmetic,
    /// A fact changed (a number, link, code, name): these, as `-old`/`+new`.
    Factual(Vec<String>),
    /// The words changed, the facts did not.
    Rewrite,
}

impl ChangeClass {
    pub fn name(&self) -> &'static str {
        match self {
            ChangeClass::Cosmetic => "cosmetic",
            ChangeClass::Factual(_) => "factual",
            ChangeClass::Rewrite => "rewrite",
        }
    }
}

/// One segment's change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentChange {
    pub kind: ChangeKind,
    pub class: ChangeClass,
    /// The segment's line now (in the old version for a removed one).
    pub source_line: usize,
    pub old: Option<String>,
    pub new: Option<String>,
    /// Word by word, for a modified or moved segment.
    pub words: Vec<diff::Change>,
}

/// The changes of one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageChanges {
    /// The page (`{path}`).
    pub page: String,
    pub source: PathBuf,
    pub changes: Vec<SegmentChange>,
}

/// What changed in the source since a revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDiff {
    /// The full id of the revision compared with.
    pub base: String,
    /// Commits from it to HEAD.
    pub commits_behind: usize,
    /// Pages with changes, by path.
    pub pages: Vec<PageChanges>,
}

/// The letters and digits of a text: what stays when whitespace,
/// punctuation and markup are taken away.
fn words_only(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// How `old` became `new`: cosmetic, factual (naming the facts) or a rewrite.
pub fn classify(old: &str, new: &str) -> ChangeClass {
    if words_only(old) == words_only(new) {
        return ChangeClass::Cosmetic;
    }
    let (a, b) = (align::facts(old).tokens(), align::facts(new).tokens());
    if a == b {
        return ChangeClass::Rewrite;
    }
    let strip = |t: &String| t[1..].to_owned();
    let mut facts: Vec<String> = a
        .iter()
        .filter(|t| !b.contains(t))
        .map(|t| format!("-{}", strip(t)))
        .collect();
    facts.extend(
        b.iter()
            .filter(|t| !a.contains(t))
            .map(|t| format!("+{}", strip(t))),
    );
    facts.dedup();
    ChangeClass::Factual(facts)
}

/// The segment changes between two versions of a page.
pub fn page_changes(
    old_text: &str,
    new_text: &str,
    options: &markdown::Options,
) -> Vec<SegmentChange> {
    let (old, _) = markdown::segment_with(old_text, options);
    let (new, _) = markdown::segment_with(new_text, options);
    fn items(d: &model::Document) -> Vec<diff::Item<'_>> {
        d.segments
            .iter()
            .map(|s| diff::Item {
                kind: s.kind,
                text: &s.text,
            })
            .collect()
    }
    let (old_items, new_items) = (items(&old), items(&new));
    let matching = diff::match_segments(&old_items, &new_items);
    let mut out = Vec::new();
    let mut matched = vec![false; old.segments.len()];
    let mut last_old: Option<usize> = None;
    for (k, m) in matching.iter().enumerate() {
        let s = &new.segments[k];
        match m {
            None => out.push(SegmentChange {
                kind: ChangeKind::Added,
                class: classify("", &s.text),
                source_line: s.line,
                old: None,
                new: Some(s.text.clone()),
                words: Vec::new(),
            }),
            Some(o) => {
                matched[*o] = true;
                let moved = last_old.is_some_and(|l| *o < l);
                last_old = Some(last_old.map_or(*o, |l| l.max(*o)));
                let before = &old.segments[*o].text;
                if before == &s.text && !moved {
                    continue;
                }
                out.push(SegmentChange {
                    kind: if moved {
                        ChangeKind::Moved
                    } else {
                        ChangeKind::Modified
                    },
                    class: if before == &s.text {
                        ChangeClass::Cosmetic
                    } else {
                        classify(before, &s.text)
                    },
                    source_line: s.line,
                    old: Some(before.clone()),
                    new: Some(s.text.clone()),
                    words: diff::word_diff(before, &s.text),
                });
            }
        }
    }
    for (o, s) in old.segments.iter().enumerate() {
        if !matched[o] {
            out.push(SegmentChange {
                kind: ChangeKind::Removed,
                class: classify(&s.text, ""),
                source_line: s.line,
                old: Some(s.text.clone()),
                new: None,
                words: Vec::new(),
            });
        }
    }
    out
}

/// The source pages' changes from `since` (default: the commit before
/// HEAD) to the working tree, for pages matching `glob`.
pub fn source_diff(config: &Config, since: Option<&str>, glob: Option<&str>) -> Result<SourceDiff> {
    let Some(repo) = history::Repo::discover(&config.root)? else {
        return Err(Error::NoRepository {
            root: config.root.clone(),
        });
    };
    let rev = since.unwrap_or("HEAD~1");
    let base = repo.resolve(rev).map_err(|e| Error::Revision {
        rev: rev.to_owned(),
        message: e.to_string(),
    })?;
    let commits_behind = repo.commits_since(&base)?;
    let mut out = SourceDiff {
        base,
        commits_behind,
        pages: Vec::new(),
    };
    let all = pages(config)?;
    let glob = crate::PageGlob::of_pages(glob, &all)?;
    for page in all {
        if !crate::glob::takes(glob.as_ref(), &page.path) {
            continue;
        }
        let now = read_text(&page.source)?;
        let then = repo.read_at(&out.base, &page.source)?.unwrap_or_default();
        if then == now {
            continue;
        }
        let changes = page_changes(&then, &now, &config.markdown);
        if !changes.is_empty() {
            out.pages.push(PageChanges {
                page: page.path.clone(),
                source: page.source.clone(),
                changes,
            });
        }
    }
    Ok(out)
}

/// One translated page's source changes since its base revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleChanges {
    pub page: String,
    pub source: PathBuf,
    pub translation: PathBuf,
    /// `None` when neither a pin, a catalog nor the history tells.
    pub base: Option<Base>,
    /// Why the base is unknown.
    pub reason: Option<String>,
    pub commits_behind: usize,
    /// Days since the first source change the translation has not
    /// followed (0 when it follows them all).
    pub days_behind: Option<i64>,
    pub changes: Vec<SegmentChange>,
    /// When each change landed (seconds), per change; `None` when unknown.
    pub landed: Vec<Option<i64>>,
    pub problems: Vec<BaseProblem>,
    /// The runs of the source page's lines (first, last; 1-based) that
    /// the source at the base did not have: what the translation lacks
    /// there it owes to the source's change (the stale findings say so),
    /// not to its translator.
    pub new_lines: Vec<(usize, usize)>,
}

impl LocaleChanges {
    /// Whether the source's `line` is one the source at the base did not
    /// have.
    pub fn is_new_line(&self, line: usize) -> bool {
        self.new_lines
            .iter()
            .any(|&(first, last)| (first..=last).contains(&line))
    }
}

/// For every translated page of `locale` (matching `glob`), the source
/// changes since the translation's base revision. The history is indexed
/// once (`history`) for all pages.
pub fn locale_diff(
    config: &Config,
    history: &History,
    locale: &model::Locale,
    glob: Option<&str>,
) -> Result<Vec<LocaleChanges>> {
    let manifest = crate::catalogs::read_manifest(&crate::catalogs::manifest_path(config))?;
    let pin_keys = crate::staleness::pin_keys(config);
    let mut out = Vec::new();
    let all = pages(config)?;
    let glob = crate::PageGlob::of_pages(glob, &all)?;
    for page in all {
        if !crate::glob::takes(glob.as_ref(), &page.path) {
            continue;
        }
        let on = PageOf {
            locale,
            manifest: &manifest,
            pin_keys: &pin_keys,
        };
        if let Some(entry) = page_locale_changes(config, history, &on, page)? {
            out.push(entry);
        }
    }
    Ok(out)
}

/// What [`page_locale_changes`] reads a page with: its locale, the
/// manifest of built pages, and the pin keys.
pub(crate) struct PageOf<'a> {
    pub locale: &'a model::Locale,
    pub manifest: &'a std::collections::BTreeMap<String, String>,
    pub pin_keys: &'a [String],
}

/// The source changes since the base of `page`'s translation in
/// `on.locale`; `None` when it has no translation.
pub(crate) fn page_locale_changes(
    config: &Config,
    history: &History,
    on: &PageOf<'_>,
    page: crate::Page,
) -> Result<Option<LocaleChanges>> {
    let Some((based, _)) = page_based(config, history, on, &page)? else {
        return Ok(None);
    };
    let source = history.source().map(|g| &g.repo);
    changes_since(config, source, page, on.locale, &based).map(Some)
}

/// The base of `page`'s translation in `on.locale` as the history gives
/// it, with the translation's text; `None` when it has no translation.
pub(crate) fn page_based(
    config: &Config,
    history: &History,
    on: &PageOf<'_>,
    page: &crate::Page,
) -> Result<Option<(Based, String)>> {
    let key = config.translation.render(on.locale.as_str(), &page.path);
    let translation = config.root.join(&key);
    if !translation.is_file() {
        return Ok(None);
    }
    let text = read_text(&translation)?;
    // A page bitext built is in catalog mode: its catalog says its base.
    let generated = crate::catalogs::is_generated(on.manifest, &key, &text);
    let catalog_revision = if generated {
        crate::catalogs::read_catalog(&crate::catalogs::catalog_path(config, on.locale, page))?
            .and_then(|(_, c)| c.revision)
    } else {
        None
    };
    let inputs = PageInputs {
        page,
        text: Some(&text),
        translation: &translation,
        catalog_revision: catalog_revision.as_deref(),
        pin_keys: on.pin_keys,
        versions: None,
    };
    let based = page_base(history, &inputs, &config.markdown)?;
    Ok(Some((based, text)))
}

/// The changes of `page`'s source (as it is now) since `based`, its
/// translation's base in `locale`, reading the older versions from
/// `source` (the source pages' repository).
pub(crate) fn changes_since(
    config: &Config,
    source: Option<&history::Repo>,
    page: crate::Page,
    locale: &model::Locale,
    based: &Based,
) -> Result<LocaleChanges> {
    let translation = crate::catalogs::translation_path(config, locale, &page.path);
    let now_text = read_text(&page.source)?;
    let mut entry = LocaleChanges {
        page: page.path,
        source: page.source,
        translation,
        base: None,
        reason: based.reason.clone(),
        commits_behind: 0,
        days_behind: None,
        changes: Vec::new(),
        landed: Vec::new(),
        problems: based.problems.clone(),
        new_lines: Vec::new(),
    };
    if let (Some((blob, path)), Some(source)) = (&based.base_blob, source) {
        let then = source.blob_text(*blob, path)?;
        entry.changes = page_changes(&then, &now_text, &config.markdown);
        entry.new_lines = diff::new_lines(&then, &now_text);
        entry.commits_behind = based.newer;
        let newer: Vec<history::Version> = based.revisions[..based.newer]
            .iter()
            .map(|r| {
                Ok(history::Version {
                    text: source.blob_text(r.blob, &r.path)?,
                    commit: r.commit.clone(),
                    time: r.time,
                })
            })
            .collect::<Result<_>>()?;
        entry.days_behind = Some(days_behind(&newer));
        entry.landed = landed(&entry.changes, &newer, &config.markdown);
    }
    entry.base = based.base.clone();
    Ok(entry)
}

/// When each change landed: the time of the oldest source version (of
/// `newer`, newest first) whose segments hold the change's new text; for
/// a removal, the first version without the old text.
fn landed(
    changes: &[SegmentChange],
    newer: &[history::Version],
    options: &markdown::Options,
) -> Vec<Option<i64>> {
    if changes.is_empty() {
        return Vec::new();
    }
    let texts: Vec<(i64, std::collections::HashSet<String>)> = newer
        .iter()
        .rev()
        .map(|v| {
            let (doc, _) = markdown::segment_with(&v.text, options);
            (v.time, doc.segments.into_iter().map(|s| s.text).collect())
        })
        .collect();
    changes
        .iter()
        .map(|c| match (&c.new, &c.old) {
            (Some(new), _) => texts
                .iter()
                .find(|(_, t)| t.contains(new))
                .map(|(time, _)| *time),
            (None, Some(old)) => texts
                .iter()
                .find(|(_, t)| !t.contains(old))
                .map(|(time, _)| *time),
            (None, None) => None,
        })
        .collect()
}

/// Days since the oldest of the source versions a translation has not
/// followed (`newer`, newest first); 0 when there are none.
fn days_behind(newer: &[history::Version]) -> i64 {
    newer.last().map_or(0, |v| days_since(v.time))
}

/// Whole days from `time` (seconds since the epoch) to now.
pub(crate) fn days_since(time: i64) -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    (now - time).max(0) / 86_400
}
