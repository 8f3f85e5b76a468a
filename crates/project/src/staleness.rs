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

use std::path::{Path, PathBuf};

use crate::align::{Prepared, fit};
use crate::{Config, Result};

/// A repository and its history, indexed in one walk (two where pinned
/// pages need only the history since their pins and the others need all
/// of it, for their files only).
pub struct Git {
    pub repo: history::Repo,
    /// Every page's changes; since the oldest pin when `full` is there.
    pub index: history::Index,
    /// The whole history of the pages that have no pin.
    pub full: Option<history::Index>,
}

impl Git {
    /// The index that answers for a page: with a pin, the one since the
    /// pins; without, the whole history.
    fn index_for(&self, pinned: bool) -> &history::Index {
        match (&self.full, pinned) {
            (Some(full), false) => full,
            _ => &self.index,
        }
    }
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
    ///
    /// What is indexed is what the pages ask: a pinned translation needs
    /// the source's history since its pin, so with pins that history is
    /// walked only since the oldest of them; the pages without a pin need
    /// the whole history of their files, walked for those files only; the
    /// translations' own repository is walked only for those. Renames by
    /// similarity are looked for among pages only.
    pub fn open(
        config: &Config,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Option<History>> {
        Self::open_for(config, None, progress)
    }

    /// [`History::open`] for the pages `only` names (by path) when it is
    /// given: the history is walked for what they ask only (since their
    /// oldest pin, their files), and answers only for them.
    pub(crate) fn open_for(
        config: &Config,
        only: Option<&std::collections::HashSet<&str>>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Option<History>> {
        let Some((own_repo, source_repo, same)) = repositories(config)? else {
            return Ok(None);
        };
        let mut needs = Needs::of(config, &source_repo, only)?;
        if same {
            let source_git = index_source(source_repo, &needs, progress)?;
            return Ok(Some(History {
                own: Some(source_git),
                source: None,
            }));
        }
        // Another repository: the translations without a pin are based by
        // date, so the source's history is needed only since the oldest of
        // their last changes (and the oldest pin).
        let own = match own_repo {
            Some(repo) => Some(index_own(repo, &needs, progress)?),
            None => None,
        };
        if let Some(own) = &own {
            let oldest = needs
                .unpinned_translations
                .iter()
                .filter_map(|t| own.index.last_change(&own.repo.key(t)?))
                .map(|c| c.time)
                .min();
            if let Some(time) = oldest
                && let Some(commit) = source_repo.commit_at(time)?
            {
                needs.pins.push(commit);
            }
        }
        needs.whole = false;
        let source_git = index_source(source_repo, &needs, progress)?;
        Ok(Some(History {
            own,
            source: Some(source_git),
        }))
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

/// What the pages ask of the histories: the pins their translations name
/// (resolved in the source's repository), and the source and translation
/// files of the pages that have no usable pin.
#[derive(Debug, Default)]
struct Needs {
    pins: Vec<String>,
    /// Every source page.
    sources: Vec<PathBuf>,
    unpinned_sources: Vec<PathBuf>,
    unpinned_translations: Vec<PathBuf>,
    /// The folders of the source pages and translations (a walk of every
    /// page looks there only).
    folders: Vec<PathBuf>,
    /// Whether the pages without a pin need the whole history of their
    /// source (in the same repository: the version that matches them best).
    whole: bool,
}

impl Needs {
    fn of(
        config: &Config,
        source: &history::Repo,
        only: Option<&std::collections::HashSet<&str>>,
    ) -> Result<Needs> {
        let keys = pin_keys(config);
        let locales = crate::locales(config)?;
        let mut needs = Needs::default();
        let mut pins = std::collections::BTreeSet::new();
        let pages = crate::pages(config)?;
        let asked = pages
            .into_iter()
            .filter(|page| only.is_none_or(|only| only.contains(page.path.as_str())));
        for page in asked {
            let mut pinned_everywhere = true;
            for locale in &locales {
                let translation = config
                    .root
                    .join(config.translation.render(locale.as_str(), &page.path));
                let pin = front(&translation).and_then(|text| read_pin(&text, &keys));
                match pin.and_then(|(pin, _, _)| source.resolve(&pin).ok()) {
                    Some(commit) => {
                        pins.insert(commit);
                    }
                    None => {
                        pinned_everywhere = false;
                        if translation.is_file() {
                            needs.unpinned_translations.push(translation);
                        }
                    }
                }
            }
            if !pinned_everywhere {
                needs.unpinned_sources.push(page.source.clone());
            }
            needs.sources.push(page.source);
        }
        needs.pins = pins.into_iter().collect();
        needs.whole = true;
        needs.folders = [&config.source, &config.translation]
            .iter()
            .map(|p| config.root.join(p.base_dir()))
            .collect();
        Ok(needs)
    }
}

/// The start of a translation, enough for its front matter.
fn front(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut head = Vec::with_capacity(8192);
    std::fs::File::open(path)
        .ok()?
        .take(8192)
        .read_to_end(&mut head)
        .ok()?;
    Some(String::from_utf8_lossy(&head).into_owned())
}

/// Whether a path is a page (renames by similarity are looked for among pages).
fn is_page(path: &str) -> bool {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    ["md", "mdx", "markdown"].contains(&ext)
}

/// A filter of repository paths: the files in `files` and the folders
/// leading to them.
fn files_filter(files: &[String]) -> impl Fn(&str) -> bool + use<> {
    let mut wanted: std::collections::HashSet<String> = std::collections::HashSet::new();
    for file in files {
        wanted.insert(file.clone());
        let mut at = file.as_str();
        while let Some((dir, _)) = at.rsplit_once('/') {
            if !wanted.insert(dir.to_owned()) {
                break;
            }
            at = dir;
        }
    }
    move |path: &str| wanted.contains(path)
}

/// A filter of repository paths: what lies in one of `folders`, and the
/// folders leading to them (`""` is the whole tree).
fn folders_filter(folders: &[String]) -> impl Fn(&str) -> bool + use<> {
    let folders = folders.to_vec();
    move |path: &str| {
        folders.iter().any(|f| {
            f.is_empty()
                || path == f
                || path.starts_with(&format!("{f}/"))
                || f.starts_with(&format!("{path}/"))
        })
    }
}

/// A folder of the working tree as the repository names it (`""` for
/// its root); `None` outside it.
fn folder_key(repo: &history::Repo, dir: &Path) -> Option<String> {
    let key = repo.key(&dir.join("x"))?;
    Some(key.trim_end_matches('x').trim_end_matches('/').to_owned())
}

/// The source's repository indexed for `needs`.
fn index_source(
    repo: history::Repo,
    needs: &Needs,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Git> {
    let pages = is_page;
    let folders: Vec<String> = needs
        .folders
        .iter()
        .filter_map(|d| folder_key(&repo, d))
        .collect();
    let folders = folders_filter(&folders);
    let keys = |files: &[PathBuf]| -> std::collections::HashSet<String> {
        files.iter().filter_map(|p| repo.key(p)).collect()
    };
    let scope = history::Scope {
        similar: Some(&pages),
        paths: Some(&folders),
        since: needs.pins.clone(),
        follow: Some(keys(&needs.sources)),
    };
    let index = repo.index_with(&scope, progress)?;
    let mut unpinned: Vec<String> = needs
        .unpinned_sources
        .iter()
        .chain(&needs.unpinned_translations)
        .filter_map(|p| repo.key(p))
        .collect();
    unpinned.sort();
    unpinned.dedup();
    let full = if needs.pins.is_empty() || unpinned.is_empty() || !needs.whole {
        None
    } else {
        let files = files_filter(&unpinned);
        let scope = history::Scope {
            similar: Some(&pages),
            paths: Some(&files),
            since: Vec::new(),
            follow: Some(keys(&needs.unpinned_sources)),
        };
        Some(repo.index_with(&scope, progress)?)
    };
    Ok(Git { repo, index, full })
}

/// The translations' own repository (another than the source's), indexed
/// for the translations that have no pin only.
fn index_own(
    repo: history::Repo,
    needs: &Needs,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Git> {
    let files: Vec<String> = needs
        .unpinned_translations
        .iter()
        .filter_map(|t| repo.key(t))
        .collect();
    let filter = files_filter(&files);
    let scope = history::Scope {
        similar: None,
        paths: Some(&filter),
        since: Vec::new(),
        follow: Some(std::collections::HashSet::new()),
    };
    let index = if files.is_empty() {
        history::Index::default()
    } else {
        repo.index_with(&scope, progress)?
    };
    Ok(Git {
        repo,
        index,
        full: None,
    })
}

/// The project's repository (when the source pages are in another) and
/// the one that holds the source pages, and whether they are the same;
/// `None` when the source pages are in none.
fn repositories(config: &Config) -> Result<Option<(Option<history::Repo>, history::Repo, bool)>> {
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
    let (own_repo, source_repo) = if same {
        (None, own_repo)
    } else {
        (own_repo, source_repo)
    };
    Ok(source_repo.map(|source| (own_repo, source, same)))
}

/// What the history [`History::open`] would index is, named without
/// indexing it: the repositories' HEAD commits and whether they are
/// shallow clones (for keying answers drawn from it).
pub(crate) struct Heads {
    /// Where the repositories are, a line each (for keys).
    pub places: String,
    pub shallow: bool,
    /// The repository of the source pages (older versions are read there).
    pub source: history::Repo,
    /// The project's own repository, when it is another than the source's.
    pub own: Option<history::Repo>,
    /// Each repository (the project's first when it is another): where
    /// it is, its HEAD commit (empty before the first) and whether it is
    /// shallow.
    pub repos: Vec<(String, String, bool)>,
}

impl Heads {
    /// The heads of the project's repositories; `None` when the source
    /// pages are in no repository.
    pub(crate) fn of(config: &Config) -> Result<Option<Heads>> {
        let Some((own, source, same)) = repositories(config)? else {
            return Ok(None);
        };
        let mut places = format!("same {same}\n");
        let mut shallow = false;
        let mut repos = Vec::new();
        for repo in own.iter().chain(std::iter::once(&source)) {
            let head = repo.head_commit()?.unwrap_or_default();
            let place = repo.workdir().display().to_string();
            shallow |= repo.is_shallow();
            places.push_str(&format!("{place}\n"));
            repos.push((place, head, repo.is_shallow()));
        }
        Ok(Some(Heads {
            places,
            shallow,
            source,
            own: own.filter(|_| !same),
            repos,
        }))
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
    /// The source versions already prepared for the page's other
    /// translations, and where to keep those prepared for this one.
    pub versions: Option<&'a Versions>,
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
    /// The source page's blob at the base (its text then), and its path there.
    pub base_blob: Option<(history::BlobId, String)>,
}

impl Based {
    /// The base is revision `at` of `revisions`.
    fn at(&mut self, at: usize) {
        let r = &self.revisions[at];
        self.base_blob = Some((r.blob, r.path.clone()));
        self.newer = at;
    }
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
    let pin = inputs.text.and_then(|text| read_pin(text, inputs.pin_keys));
    let mut based = Based::default();
    if let Some((pin, pin_key, line)) = pin {
        let revisions = source.index_for(true).revisions(&key);
        match pinned(history, source, &revisions, &pin, &inputs.page.source)? {
            Ok((commit, newer, at_pin)) => {
                based.base = Some(Base {
                    commit,
                    method: BaseMethod::Pin,
                    by_time: None,
                });
                based.newer = newer;
                based.base_blob = Some(at_pin);
                based.revisions = revisions;
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
    let source_index = source.index_for(false);
    based.revisions = source_index.revisions(&key);
    if based.revisions.is_empty() {
        based.reason = Some("the source page has never been committed".to_owned());
        return Ok(based);
    }
    if let Some(revision) = inputs.catalog_revision
        && let Ok(commit) = source.repo.resolve(revision)
        && let Some(position) = source_index.position(&commit)
        && let Some(at) = based.revisions.iter().position(|r| r.position >= position)
    {
        based.base = Some(Base {
            commit,
            method: BaseMethod::Catalog,
            by_time: None,
        });
        based.at(at);
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
    let own_index = own.index_for(false);
    let changed = match own.repo.key(inputs.translation) {
        Some(k) => match own_index.last_change(&k) {
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
        // Another repository: only the date relates the two histories. The
        // source as it was then, from the commit current at that time.
        let Some((position, commit)) = source_index.commit_at(changed) else {
            based.reason = Some("the translation is older than the source's history".to_owned());
            return Ok(based);
        };
        let Some(then) = source.repo.blob_at(&commit, &inputs.page.source)? else {
            based.reason =
                Some("the source page did not exist when the translation was made".to_owned());
            return Ok(based);
        };
        based.newer = based
            .revisions
            .iter()
            .take_while(|r| r.position < position)
            .count();
        based.base_blob = Some(then);
        based.base = Some(Base {
            commit,
            method: BaseMethod::Date,
            by_time: None,
        });
        return Ok(based);
    }
    // A translation not committed yet may have been made from any recent version.
    let versions = Versions::default();
    let versions = inputs.versions.unwrap_or(&versions);
    let found = base_revision(source, versions, text, &based.revisions, changed, options)?;
    match found {
        Some((base, at)) => {
            based.at(at);
            based.base = Some(base);
        }
        None => {
            based.reason = Some("no version of the source is older than the translation".to_owned())
        }
    }
    Ok(based)
}

/// What a usable pin gives: the commit, how many of the source's
/// revisions changed the page after it, and the page's blob there with
/// the path it had.
type Pinned = (String, usize, (history::BlobId, String));

/// What a pin gives ([`Pinned`]), or why it cannot be used; `revisions`
/// are the source page's, newest first, from the index since the pins.
fn pinned(
    history: &History,
    source: &Git,
    revisions: &[history::Revision],
    pin: &str,
    page: &Path,
) -> Result<std::result::Result<Pinned, String>> {
    let shallow = if history.is_shallow() {
        " (this is a shallow clone: fetch the whole history)"
    } else {
        ""
    };
    let Ok(commit) = source.repo.resolve(pin) else {
        return Ok(Err(format!(
            "names no commit of the source's history{shallow}"
        )));
    };
    let Some(position) = source.index.position(&commit) else {
        return Ok(Err(format!(
            "names a commit that the source's HEAD does not reach{shallow}"
        )));
    };
    let Some(at_pin) = source.repo.blob_at(&commit, page)? else {
        return Ok(Err("names a commit older than the source page".to_owned()));
    };
    let newer = revisions
        .iter()
        .take_while(|r| r.position < position)
        .count();
    Ok(Ok((commit, newer, at_pin)))
}

/// The source versions of one page, segmented and read once for the
/// matching of its translations in every locale.
#[derive(Default)]
pub struct Versions(
    std::sync::Mutex<std::collections::HashMap<history::BlobId, std::sync::Arc<Prepared>>>,
);

impl std::fmt::Debug for Versions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Versions").finish_non_exhaustive()
    }
}

impl Versions {
    /// The version of `revision`, prepared when first asked.
    fn get(
        &self,
        source: &Git,
        revision: &history::Revision,
        options: &markdown::Options,
    ) -> Result<std::sync::Arc<Prepared>> {
        let kept = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&revision.blob)
            .cloned();
        if let Some(kept) = kept {
            return Ok(kept);
        }
        let text = source.repo.blob_text(revision.blob, &revision.path)?;
        let prepared = std::sync::Arc::new(Prepared::new(text, options));
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(revision.blob, prepared.clone());
        Ok(prepared)
    }
}

/// The base revision of a translation (`text`) inferred from the history:
/// of the source's revisions (newest first), the one the translation
/// matches best among the last few before its last change (`changed`,
/// seconds), with the one current at that change when they differ; and
/// its index in `revisions`.
fn base_revision(
    source: &Git,
    versions: &Versions,
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
    let mut translation = None;
    for (k, v) in candidates {
        let version = versions.get(source, v, options)?;
        let translation =
            translation.get_or_insert_with(|| Prepared::new(text.to_owned(), options));
        let score = fit(&version, translation);
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
    /// When the first of those was made (seconds since the epoch).
    pub behind_since: Option<i64>,
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
    staleness_of(inputs, &based)
}

/// The staleness a base gives.
pub(crate) fn staleness_of(inputs: &PageInputs<'_>, based: &Based) -> Result<PageStaleness> {
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
        behind_since: None,
        pin_problem: based.problems.first().cloned(),
        drifted,
    };
    let Some((blob, _)) = &based.base_blob else {
        return Ok(out);
    };
    // The same bytes are the same blob: no need to read either side.
    let now = history::Repo::hash_file(&inputs.page.source)?;
    out.changed = Some(now != *blob);
    out.commits_behind = based.newer;
    out.behind_since = based.newer.checked_sub(1).map(|n| based.revisions[n].time);
    out.days_behind = Some(out.behind_since.map_or(0, crate::changes::days_since));
    Ok(out)
}
