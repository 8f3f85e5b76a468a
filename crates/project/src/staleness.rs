//! Which source revision each translation was made from, and how far the
//! source has moved since: from a pin in the translation's front matter
//! (`l10n.sourceCommit`, `default_lang_commit`, `source_commit`, or keys
//! of `[history] pin_keys`), from the revision its catalog records, or
//! from the history (the source version it matches best, or, when the
//! translations live in another repository than the source, the one
//! current when the translation last changed). A page whose base cannot
//! be known is unknown, with the reason, never silently current.
//!
//! The source's history may live in another repository than the project
//! (MDN's translations beside `mdn/content`): each repository is indexed
//! once per command, and every locale's pages ask the same index.

use std::path::Path;

use crate::{Config, Result};

/// A repository and its history, indexed in one walk.
pub struct Git {
    pub repo: history::Repo,
    pub index: history::Index,
}

impl std::fmt::Debug for Git {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Git")
            .field("repo", &self.repo)
            .field("commits", &self.index.len())
            .finish()
    }
}

/// The git histories a project's staleness is read from: the project's
/// own repository (where its translations are), and the source pages'
/// when that is another one.
#[derive(Debug)]
pub struct History {
    own: Option<Git>,
    source: Option<Git>,
}

/// What a shallow clone cannot answer, in one line.
pub const SHALLOW_NOTE: &str = "this is a shallow clone: base revisions found from the history may be missing or too recent; fetch the whole history (`fetch-depth: 0` in actions/checkout, or `git fetch --unshallow`)";

impl History {
    /// The repositories of the project and of its source pages, each
    /// indexed once; `None` when neither is in one. `progress` hears
    /// (commits done, commits in all) for each.
    pub fn open(
        config: &Config,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Option<History>> {
        let own_repo = history::Repo::discover(&config.root)?;
        let source_dir = config.root.join(config.source.base_dir());
        let source_repo = match source_dir.is_dir() {
            true => history::Repo::discover(&source_dir)?,
            false => None,
        };
        let same = match (&own_repo, &source_repo) {
            (Some(a), Some(b)) => same_dir(a.workdir(), b.workdir()),
            (_, None) => true,
            (None, Some(_)) => false,
        };
        let index = |repo: history::Repo, progress: &mut dyn FnMut(usize, usize)| {
            let index = repo.index(progress)?;
            Ok::<_, crate::Error>(Git { repo, index })
        };
        let own = own_repo.map(|r| index(r, progress)).transpose()?;
        let source = match (same, source_repo) {
            (false, Some(r)) => Some(index(r, progress)?),
            _ => None,
        };
        if own.is_none() && source.is_none() {
            return Ok(None);
        }
        Ok(Some(History { own, source }))
    }

    /// The repository and index that hold the source pages.
    pub fn source(&self) -> Option<&Git> {
        self.source.as_ref().or(self.own.as_ref())
    }

    /// The project's own repository, where its translations are.
    pub fn own(&self) -> Option<&Git> {
        self.own.as_ref()
    }

    /// Whether the source pages live in another repository than the project.
    pub fn separate(&self) -> bool {
        self.source.is_some()
    }

    /// Whether a repository read is a shallow clone.
    pub fn is_shallow(&self) -> bool {
        [&self.own, &self.source]
            .into_iter()
            .flatten()
            .any(|g| g.index.is_shallow())
    }

    /// Every version of the source file at `path`, newest first, with its
    /// text (renames followed).
    pub fn source_versions(&self, path: &Path) -> Result<Vec<history::Version>> {
        match self.source() {
            Some(git) => Ok(git.repo.versions_in(&git.index, path)?),
            None => Ok(Vec::new()),
        }
    }

    /// Every version of the project's file at `path` (a translation).
    pub fn own_versions(&self, path: &Path) -> Result<Vec<history::Version>> {
        match self.own() {
            Some(git) => Ok(git.repo.versions_in(&git.index, path)?),
            None => Ok(Vec::new()),
        }
    }
}

/// Whether two folders are the same folder.
fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// How a translation's base revision was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseMethod {
    /// Written in the translation's front matter.
    Pin,
    /// Recorded in the page's catalog (catalog mode: the source revision
    /// the catalog was last synced with).
    Catalog,
    /// The source version whose segments best match the translation's.
    HistoryMatch,
    /// The source version current when the translation last changed.
    Date,
}

impl BaseMethod {
    pub fn name(self) -> &'static str {
        match self {
            BaseMethod::Pin => "pin",
            BaseMethod::Catalog => "catalog",
            BaseMethod::HistoryMatch => "history-match",
            BaseMethod::Date => "date",
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

/// Something wrong with how a translation names its base, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseProblem {
    pub line: usize,
    pub message: String,
}

/// The front-matter keys that pin a translation to a source commit:
/// MDN's, opentelemetry.io's, bitext's own, then the configured ones.
pub fn pin_keys(config: &Config) -> Vec<String> {
    let mut keys: Vec<String> = ["l10n.sourceCommit", "default_lang_commit", "source_commit"]
        .map(str::to_owned)
        .to_vec();
    for key in &config.history.pin_keys {
        if !keys.contains(key) {
            keys.push(key.clone());
        }
    }
    keys
}

/// A translation's pin: the first of `keys` its front matter sets, with
/// the key and the line.
pub fn read_pin(text: &str, keys: &[String]) -> Option<(String, String, usize)> {
    keys.iter().find_map(|key| {
        let (value, line) = markdown::front_matter_value(text, key)?;
        Some((value, key.clone(), line))
    })
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
    /// The front-matter keys that pin a translation ([`pin_keys`]).
    pub pin_keys: &'a [String],
}

/// A page's base and the source's revisions around it.
#[derive(Debug, Clone, Default)]
pub struct Based {
    /// `None` when the base cannot be known (see `reason`).
    pub base: Option<Base>,
    /// Why the base is unknown.
    pub reason: Option<String>,
    /// A pin that was not used, and why.
    pub problems: Vec<BaseProblem>,
    /// The source page's revisions in its repository, newest first.
    pub revisions: Vec<history::Revision>,
    /// How many of `revisions` are newer than the base.
    pub newer: usize,
    /// The revision current at the base (the source's text then).
    pub at_base: Option<usize>,
}

/// How many source versions before a translation's last change are
/// aligned with it to find the one it was made from.
const MATCH_CANDIDATES: usize = 8;

/// The base revision of one page: its pin, its catalog's revision, or
/// the history (see the module's documentation).
pub fn page_base(
    history: &History,
    inputs: &PageInputs<'_>,
    options: &markdown::Options,
) -> Result<Based> {
    let Some(source) = history.source() else {
        return Ok(Based {
            reason: Some("the source pages are not in a git repository".to_owned()),
            ..Based::default()
        });
    };
    let Some(key) = source.repo.key(&inputs.page.source) else {
        return Ok(Based {
            reason: Some("the source page is not in its repository".to_owned()),
            ..Based::default()
        });
    };
    let revisions = source.index.revisions(&key);
    let mut based = Based {
        revisions,
        ..Based::default()
    };
    if based.revisions.is_empty() {
        based.reason = Some("the source page has never been committed".to_owned());
        return Ok(based);
    }
    if let Some(text) = inputs.text
        && let Some((pin, pin_key, line)) = read_pin(text, inputs.pin_keys)
    {
        match pinned(history, source, &based.revisions, &pin) {
            Ok((commit, at)) => {
                based.base = Some(Base {
                    commit,
                    method: BaseMethod::Pin,
                    by_time: None,
                });
                based.at_base = Some(at);
                based.newer = newer_than(&based.revisions, source, based.base.as_ref());
                return Ok(based);
            }
            Err(why) => based.problems.push(BaseProblem {
                line,
                message: format!(
                    "the pin `{pin_key}: {pin}` {why}; the base is taken from the history instead"
                ),
            }),
        }
    }
    if let Some(revision) = inputs.catalog_revision
        && let Ok(commit) = source.repo.resolve(revision)
        && let Some(position) = source.index.position(&commit)
        && let Some(at) = based.revisions.iter().position(|r| r.position >= position)
    {
        based.base = Some(Base {
            commit,
            method: BaseMethod::Catalog,
            by_time: None,
        });
        based.at_base = Some(at);
        based.newer = at;
        return Ok(based);
    }
    let Some(text) = inputs.text else {
        based.reason = Some("no translation".to_owned());
        return Ok(based);
    };
    // When the translation last changed: its newest commit, unless the
    // file was edited since (then it is newer than every commit).
    let Some(own) = history.own() else {
        based.reason =
            Some("the translations are not in a git repository and the page has no pin".to_owned());
        return Ok(based);
    };
    let changed = match own.repo.key(inputs.translation) {
        Some(k) => match own.index.last_change(&k) {
            Some(change) => {
                let committed = own.repo.is_committed(inputs.translation)?;
                Some(if committed { change.time } else { i64::MAX })
            }
            None => None,
        },
        None => None,
    };
    if history.separate() {
        let Some(changed) = changed else {
            based.reason =
                Some("the translation has never been committed and has no pin".to_owned());
            return Ok(based);
        };
        // Another repository: only the date relates the two histories.
        match based.revisions.iter().position(|r| r.time <= changed) {
            Some(at) => {
                based.base = Some(Base {
                    commit: based.revisions[at].commit.clone(),
                    method: BaseMethod::Date,
                    by_time: None,
                });
                based.at_base = Some(at);
                based.newer = at;
            }
            None => {
                based.reason =
                    Some("the translation is older than every version of its source".to_owned());
            }
        }
        return Ok(based);
    }
    // A translation not committed yet may have been made from any recent version.
    let found = base_revision(source, text, &based.revisions, changed, options)?;
    match found {
        Some((base, at)) => {
            based.at_base = Some(at);
            based.newer = at;
            based.base = Some(base);
        }
        None => {
            based.reason = Some("no version of the source is older than the translation".to_owned())
        }
    }
    Ok(based)
}

/// The commit a pin names and the revision of the source current then, or
/// why it cannot be used.
fn pinned(
    history: &History,
    source: &Git,
    revisions: &[history::Revision],
    pin: &str,
) -> std::result::Result<(String, usize), String> {
    let shallow = if history.is_shallow() {
        " (this is a shallow clone: fetch the whole history)"
    } else {
        ""
    };
    let commit = source
        .repo
        .resolve(pin)
        .map_err(|_| format!("names no commit of the source's history{shallow}"))?;
    let position = source
        .index
        .position(&commit)
        .ok_or_else(|| format!("names a commit that the source's HEAD does not reach{shallow}"))?;
    let at = revisions
        .iter()
        .position(|r| r.position >= position)
        .ok_or_else(|| "names a commit older than the source page".to_owned())?;
    Ok((commit, at))
}

/// How many revisions changed the page after `base` (commits reachable
/// from HEAD and not from the base that changed it).
fn newer_than(revisions: &[history::Revision], source: &Git, base: Option<&Base>) -> usize {
    let Some(position) = base.and_then(|b| source.index.position(&b.commit)) else {
        return 0;
    };
    revisions
        .iter()
        .take_while(|r| r.position < position)
        .count()
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

/// The base revision of a translation (`text`) inferred from the history:
/// of the source's revisions (newest first), the one the translation
/// matches best among the last few before its last change (`changed`,
/// seconds), with the one current at that change when they differ; and
/// its index in `revisions`.
fn base_revision(
    source: &Git,
    text: &str,
    revisions: &[history::Revision],
    changed: Option<i64>,
    options: &markdown::Options,
) -> Result<Option<(Base, usize)>> {
    let by_time = changed.and_then(|t| revisions.iter().position(|v| v.time <= t));
    let mut best: Option<(usize, f32)> = None;
    // Versions newer than the translation cannot be its base.
    let candidates = revisions
        .iter()
        .enumerate()
        .filter(|(_, v)| changed.is_none_or(|t| v.time <= t))
        .take(MATCH_CANDIDATES);
    for (k, v) in candidates {
        let version = source.repo.blob_text(v.blob, &v.path)?;
        let score = fit(&version, text, options);
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((k, score));
        }
    }
    Ok(match (best, by_time) {
        (Some((k, _)), by_time) => Some((
            Base {
                commit: revisions[k].commit.clone(),
                method: BaseMethod::HistoryMatch,
                by_time: by_time
                    .filter(|&t| t != k)
                    .map(|t| revisions[t].commit.clone()),
            },
            k,
        )),
        (None, Some(t)) => Some((
            Base {
                commit: revisions[t].commit.clone(),
                method: BaseMethod::Date,
                by_time: None,
            },
            t,
        )),
        (None, None) => None,
    })
}

/// How far one translated page is behind its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageStaleness {
    /// `None` when it cannot be known.
    pub base: Option<Base>,
    /// Why the base is unknown.
    pub reason: Option<String>,
    /// Whether the source's text differs between the base and now.
    pub changed: Option<bool>,
    /// Commits that changed the source page after the base.
    pub commits_behind: usize,
    /// Days since the first of those (0 when there is none).
    pub days_behind: Option<i64>,
    /// A pin that was not used, and why.
    pub pin_problem: Option<BaseProblem>,
    /// opentelemetry.io's `drifted_from_default`, as the page sets it.
    pub drifted: Option<String>,
}

/// The staleness of a page whose base `inputs` tell.
pub fn page_staleness(
    history: &History,
    inputs: &PageInputs<'_>,
    options: &markdown::Options,
) -> Result<PageStaleness> {
    let based = page_base(history, inputs, options)?;
    staleness_of(history, inputs, &based)
}

/// The staleness a base gives.
pub(crate) fn staleness_of(
    history: &History,
    inputs: &PageInputs<'_>,
    based: &Based,
) -> Result<PageStaleness> {
    let drifted = inputs
        .text
        .and_then(|t| markdown::front_matter_value(t, "drifted_from_default"))
        .map(|(v, _)| v);
    let mut out = PageStaleness {
        base: based.base.clone(),
        reason: based.reason.clone(),
        changed: None,
        commits_behind: 0,
        days_behind: None,
        pin_problem: based.problems.first().cloned(),
        drifted,
    };
    let (Some(at), Some(source)) = (based.at_base, history.source()) else {
        return Ok(out);
    };
    let then = &based.revisions[at];
    let now = std::fs::read(&inputs.page.source).map_err(|e| crate::Error::Read {
        path: inputs.page.source.clone(),
        source: e,
    })?;
    let then_text = source.repo.blob_text(then.blob, &then.path)?;
    out.changed = Some(then_text.as_bytes() != now.as_slice());
    out.commits_behind = based.newer;
    out.days_behind = Some(match based.newer {
        0 => 0,
        n => crate::changes::days_since(based.revisions[n - 1].time),
    });
    Ok(out)
}
