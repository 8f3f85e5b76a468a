//! `bitext diff` without a locale: what changed in the source pages since a
//! revision, segment by segment, read from git and classified.

use std::path::PathBuf;

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

/// How a translation's base revision was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseMethod {
    /// Written in the translation's front matter (`l10n: sourceCommit:` as
    /// MDN writes it, or bitext's `source_commit:`).
    Pin,
    /// The source version whose segments best match the translation's.
    HistoryMatch,
    /// The source version current when the translation last changed.
    HistoryTime,
}

impl BaseMethod {
    pub fn name(self) -> &'static str {
        match self {
            BaseMethod::Pin => "pin",
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

/// A pinned source commit in the front matter: `source_commit: <id>` or
/// `sourceCommit: <id>` (MDN nests it under `l10n:`).
fn pinned_commit(text: &str) -> Option<String> {
    let mut lines = text.split('\n');
    if lines.next() != Some("---") {
        return None;
    }
    for line in lines {
        if line == "---" {
            break;
        }
        let t = line.trim();
        for key in ["sourceCommit:", "source_commit:"] {
            if let Some(v) = t.strip_prefix(key) {
                let v = v.trim().trim_matches(['"', '\'']);
                if !v.is_empty() {
                    return Some(v.to_owned());
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

/// The base revision of a translation (`text`): a front-matter pin if it
/// resolves, else the source version (`source`, newest first) that the
/// translation matches best, with the one current when the translation
/// last changed (`changed`, seconds) when they differ.
pub fn base_revision(
    repo: &history::Repo,
    text: &str,
    source: &[history::Version],
    changed: Option<i64>,
    options: &markdown::Options,
) -> Option<Base> {
    if let Some(pin) = pinned_commit(text)
        && let Ok(commit) = repo.resolve(&pin)
    {
        return Some(Base {
            commit,
            method: BaseMethod::Pin,
            by_time: None,
        });
    }
    let by_time = changed.and_then(|t| source.iter().find(|v| v.time <= t));
    let mut best: Option<(&history::Version, f32)> = None;
    for v in source {
        // Versions newer than the translation cannot be its base.
        if changed.is_some_and(|t| v.time > t) {
            continue;
        }
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

/// One translated page's source changes since its base revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleChanges {
    pub page: String,
    pub source: PathBuf,
    pub translation: PathBuf,
    /// `None` when neither a pin nor the history tells.
    pub base: Option<Base>,
    pub commits_behind: usize,
    pub changes: Vec<SegmentChange>,
}

/// For every translated page of `locale` (matching `glob`), the source
/// changes since the translation's base revision. The history is read in
/// one walk for all pages.
pub fn locale_diff(
    config: &Config,
    locale: &model::Locale,
    glob: Option<&str>,
) -> Result<Vec<LocaleChanges>> {
    let Some(repo) = history::Repo::discover(&config.root)? else {
        return Err(Error::NoRepository {
            root: config.root.clone(),
        });
    };
    let mut wanted = Vec::new();
    for page in pages(config)? {
        if glob.is_some_and(|g| !glob_matches(g, &page.path)) {
            continue;
        }
        let translation = config
            .root
            .join(config.translation.render(locale.as_str(), &page.path));
        if translation.is_file() {
            wanted.push((page, translation));
        }
    }
    let paths: Vec<PathBuf> = wanted
        .iter()
        .flat_map(|(p, t)| [p.source.clone(), t.clone()])
        .collect();
    let versions = repo.versions(&paths)?;
    let none = Vec::new();
    let mut out = Vec::new();
    for (page, translation) in wanted {
        let text = read_text(&translation)?;
        let source_versions = versions.get(&page.source).unwrap_or(&none);
        let translation_versions = versions.get(&translation).unwrap_or(&none);
        // The translation's last change: its newest commit, unless the file
        // was edited since (then it is newer than every commit).
        let changed = match translation_versions.first() {
            Some(v) if v.text == text => Some(v.time),
            _ => None,
        };
        let base = base_revision(&repo, &text, source_versions, changed, &config.markdown);
        let now = read_text(&page.source)?;
        let (changes, commits_behind) = match &base {
            Some(b) => {
                let then = match source_versions.iter().find(|v| v.commit == b.commit) {
                    Some(v) => v.text.clone(),
                    None => repo.read_at(&b.commit, &page.source)?.unwrap_or_default(),
                };
                (
                    page_changes(&then, &now, &config.markdown),
                    repo.commits_since(&b.commit)?,
                )
            }
            None => (Vec::new(), 0),
        };
        out.push(LocaleChanges {
            page: page.path.clone(),
            source: page.source.clone(),
            translation,
            base,
            commits_behind,
            changes,
        });
    }
    Ok(out)
}
