//! `bitext diff` without a locale: what changed in the source pages since a
//! revision, segment by segment, read from git and classified.

use std::path::{Path, PathBuf};

use crate::catalogs::glob_matches;
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
    for page in pages(config)? {
        if glob.is_some_and(|g| !glob_matches(g, &page.path)) {
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

/// The project's git history, indexed in one walk and shared by every
/// page's question.
pub struct History {
    pub repo: history::Repo,
    pub index: history::Index,
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("History")
            .field("repo", &self.repo)
            .field("commits", &self.index.len())
            .finish()
    }
}

/// What a shallow clone cannot answer, in one line.
pub const SHALLOW_NOTE: &str = "this is a shallow clone: base revisions found from the history may be missing or too recent; fetch the whole history (`fetch-depth: 0` in actions/checkout, or `git fetch --unshallow`)";

impl History {
    /// The repository holding the project, indexed; `None` outside one.
    /// `progress` hears (commits done, commits in all).
    pub fn open(
        config: &Config,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Option<History>> {
        let Some(repo) = history::Repo::discover(&config.root)? else {
            return Ok(None);
        };
        let index = repo.index(progress)?;
        Ok(Some(History { repo, index }))
    }

    /// Every version of the file at `path`, newest first (renames followed).
    pub fn versions(&self, path: &Path) -> Result<Vec<history::Version>> {
        Ok(self.repo.versions_in(&self.index, path)?)
    }

    /// Commits from `base` to HEAD, and the source versions newer than
    /// it (of `versions`, the source's, newest first).
    fn behind<'v>(
        &self,
        base: &str,
        versions: &'v [history::Version],
    ) -> Result<(usize, &'v [history::Version])> {
        let (commits, base_time) = match self.index.position(base) {
            Some(p) => (self.index.commits_since_position(p), self.index.time(base)),
            // A commit HEAD does not reach (a pin from another branch).
            None => (self.repo.commits_since(base)?, None),
        };
        let newer = versions
            .iter()
            .take_while(|v| v.commit != base && base_time.is_none_or(|t| v.time >= t))
            .count();
        Ok((commits, &versions[..newer]))
    }
}

/// How a translation's base revision was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseMethod {
    /// Written in the translation's front matter (`l10n: sourceCommit:` as
    /// MDN writes it, or bitext's `source_commit:`).
    Pin,
    /// Recorded in the page's catalog (catalog mode: the source revision
    /// the catalog was last synced with).
    Catalog,
    /// The source version whose segments best match the translation's.
    HistoryMatch,
    /// The source version current when the translation last changed.
    HistoryTime,
}

impl BaseMethod {
    pub fn name(self) -> &'static str {
        match self {
            BaseMethod::Pin => "pin",
            BaseMethod::Catalog => "catalog",
            BaseMethod::HistoryMatch => "history-match",
            BaseMethod::HistoryTime => "history-time",
        }
    }
}

/// The source revision a translation was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base {
    pub commit: String,
    pub method: BaseMethod,
    /// The source version current when the translation last changed, when
    /// it is not `commit` (a translation made from an older source).
    pub by_time: Option<String>,
}

/// A pinned source commit in the front matter, with its 1-based line:
/// `source_commit: <id>` or `sourceCommit: <id>` (MDN nests it under `l10n:`).
fn pinned_commit(text: &str) -> Option<(String, usize)> {
    let mut lines = text.split('\n');
    if lines.next().map(|l| l.trim_end_matches('\r')) != Some("---") {
        return None;
    }
    for (k, line) in lines.enumerate() {
        if line.trim_end_matches('\r') == "---" {
            break;
        }
        let t = line.trim();
        for key in ["sourceCommit:", "source_commit:"] {
            if let Some(v) = t.strip_prefix(key) {
                let v = v.trim().trim_matches(['"', '\'']);
                if !v.is_empty() {
                    return Some((v.to_owned(), k + 2));
                }
            }
        }
    }
    None
}

/// How well `translation` renders the source `version`: the pairs'
/// confidence, less half a point per segment left unpaired on either side.
fn fit(version: &str, translation: &str, options: &markdown::Options) -> f32 {
    let (source, _) = markdown::segment_with(version, options);
    let (doc, _) = markdown::segment_with(translation, options);
    let aligned = crate::align_texts(
        version,
        source,
        translation,
        doc,
        options,
        &align::Options::default(),
    );
    let a = &aligned.alignment;
    a.pairs.iter().map(|p| p.confidence).sum::<f32>()
        - 0.5 * (a.unpaired_source.len() + a.unpaired_translation.len()) as f32
}

/// How many source versions before a translation's last change are
/// aligned with it to find the one it was made from.
const MATCH_CANDIDATES: usize = 8;

/// The base revision of a translation (`text`) inferred from the history:
/// the source version (`source`, newest first) that the translation
/// matches best among the last few before its last change (`changed`,
/// seconds), with the one current at that change when they differ.
pub fn base_revision(
    text: &str,
    source: &[history::Version],
    changed: Option<i64>,
    options: &markdown::Options,
) -> Option<Base> {
    let by_time = changed.and_then(|t| source.iter().find(|v| v.time <= t));
    let mut best: Option<(&history::Version, f32)> = None;
    // Versions newer than the translation cannot be its base.
    let candidates = source
        .iter()
        .filter(|v| changed.is_none_or(|t| v.time <= t))
        .take(MATCH_CANDIDATES);
    for v in candidates {
        let score = fit(&v.text, text, options);
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((v, score));
        }
    }
    match (best, by_time) {
        (Some((v, _)), by_time) => Some(Base {
            commit: v.commit.clone(),
            method: BaseMethod::HistoryMatch,
            by_time: by_time
                .filter(|t| t.commit != v.commit)
                .map(|t| t.commit.clone()),
        }),
        (None, Some(t)) => Some(Base {
            commit: t.commit.clone(),
            method: BaseMethod::HistoryTime,
            by_time: None,
        }),
        (None, None) => None,
    }
}

/// Something wrong with how a translation names its base, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseProblem {
    pub line: usize,
    pub message: String,
}

/// One translated page's source changes since its base revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleChanges {
    pub page: String,
    pub source: PathBuf,
    pub translation: PathBuf,
    /// `None` when neither a pin, a catalog nor the history tells.
    pub base: Option<Base>,
    pub commits_behind: usize,
    /// Days since the first source change the translation has not
    /// followed (0 when it follows them all).
    pub days_behind: Option<i64>,
    pub changes: Vec<SegmentChange>,
    /// When each change landed (seconds), per change; `None` when unknown.
    pub landed: Vec<Option<i64>>,
    pub problems: Vec<BaseProblem>,
}

/// What the base of one page is worked out from.
#[derive(Debug)]
pub struct PageInputs<'a> {
    pub page: &'a crate::Page,
    /// The translated page's text, when there is one.
    pub text: Option<&'a str>,
    pub translation: &'a Path,
    /// The revision the page's target catalog records, for a page in
    /// catalog mode (built by bitext, or not yet written).
    pub catalog_revision: Option<&'a str>,
}

/// The base revision of one page, what is wrong with its pin if anything,
/// and the source versions read on the way (newest first).
pub fn page_base(
    history: &History,
    inputs: &PageInputs<'_>,
    options: &markdown::Options,
) -> Result<(Option<Base>, Vec<BaseProblem>, Vec<history::Version>)> {
    let source_versions = history.versions(&inputs.page.source)?;
    let mut problems = Vec::new();
    if let Some((pin, line)) = inputs.text.and_then(pinned_commit) {
        match history.repo.resolve(&pin) {
            Ok(commit) => {
                if !source_versions.iter().any(|v| v.commit == commit) {
                    let exists = history.repo.read_at(&commit, &inputs.page.source)?.is_some();
                    problems.push(BaseProblem {
                        line,
                        message: if exists {
                            format!(
                                "the pinned source commit {pin} does not change {}; pin the commit that last changed the source page you translated",
                                inputs.page.source.display()
                            )
                        } else {
                            format!(
                                "the pinned source commit {pin} has no {}",
                                inputs.page.source.display()
                            )
                        },
                    });
                    if !exists {
                        return Ok((None, problems, source_versions));
                    }
                }
                return Ok((
                    Some(Base {
                        commit,
                        method: BaseMethod::Pin,
                        by_time: None,
                    }),
                    problems,
                    source_versions,
                ));
            }
            Err(_) => problems.push(BaseProblem {
                line,
                message: format!(
                    "the pinned source commit {pin} is not in this repository{}; the base is taken from the history instead",
                    if history.index.is_shallow() {
                        " (a shallow clone: fetch the whole history)"
                    } else {
                        ""
                    }
                ),
            }),
        }
    }
    if let Some(revision) = inputs.catalog_revision
        && let Ok(commit) = history.repo.resolve(revision)
    {
        return Ok((
            Some(Base {
                commit,
                method: BaseMethod::Catalog,
                by_time: None,
            }),
            problems,
            source_versions,
        ));
    }
    let Some(text) = inputs.text else {
        return Ok((None, problems, source_versions));
    };
    // The translation's last change: its newest commit, unless the file
    // was edited since (then it is newer than every commit).
    let translation_versions = history.versions(inputs.translation)?;
    let changed = match translation_versions.first() {
        Some(v) if v.text == text => Some(v.time),
        _ => None,
    };
    let base = base_revision(text, &source_versions, changed, options);
    Ok((base, problems, source_versions))
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
    let mut out = Vec::new();
    for page in pages(config)? {
        if glob.is_some_and(|g| !glob_matches(g, &page.path)) {
            continue;
        }
        let key = config.translation.render(locale.as_str(), &page.path);
        let translation = config.root.join(&key);
        if !translation.is_file() {
            continue;
        }
        let text = read_text(&translation)?;
        // A page bitext built is in catalog mode: its catalog says its base.
        let generated = crate::catalogs::is_generated(&manifest, &key, &text);
        let catalog_revision = if generated {
            crate::catalogs::read_catalog(&crate::catalogs::catalog_path(config, locale, &page))?
                .and_then(|(_, c)| c.revision)
        } else {
            None
        };
        let inputs = PageInputs {
            page: &page,
            text: Some(&text),
            translation: &translation,
            catalog_revision: catalog_revision.as_deref(),
        };
        let (base, problems, source_versions) = page_base(history, &inputs, &config.markdown)?;
        let now_text = read_text(&page.source)?;
        let mut entry = LocaleChanges {
            page: page.path.clone(),
            source: page.source.clone(),
            translation,
            base: None,
            commits_behind: 0,
            days_behind: None,
            changes: Vec::new(),
            landed: Vec::new(),
            problems,
        };
        if let Some(b) = &base {
            let then = match source_versions.iter().find(|v| v.commit == b.commit) {
                Some(v) => v.text.clone(),
                None => history
                    .repo
                    .read_at(&b.commit, &page.source)?
                    .unwrap_or_default(),
            };
            entry.changes = page_changes(&then, &now_text, &config.markdown);
            let (behind, newer) = history.behind(&b.commit, &source_versions)?;
            entry.commits_behind = behind;
            entry.days_behind = Some(days_behind(newer));
            entry.landed = landed(&entry.changes, newer, &config.markdown);
        }
        entry.base = base;
        out.push(entry);
    }
    Ok(out)
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

/// How far one translated page is behind its source, without the diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageStaleness {
    pub base: Base,
    pub commits_behind: usize,
    /// Days since the oldest source version newer than the base (0 when
    /// the source has not changed since).
    pub days_behind: i64,
}

/// The staleness of a page whose base `inputs` tell, from the history.
pub fn page_staleness(
    history: &History,
    inputs: &PageInputs<'_>,
    options: &markdown::Options,
) -> Result<(Option<PageStaleness>, Vec<BaseProblem>)> {
    let (base, problems, versions) = page_base(history, inputs, options)?;
    let Some(base) = base else {
        return Ok((None, problems));
    };
    let (commits_behind, newer) = history.behind(&base.commit, &versions)?;
    let days_behind = days_behind(newer);
    Ok((
        Some(PageStaleness {
            base,
            commits_behind,
            days_behind,
        }),
        problems,
    ))
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
