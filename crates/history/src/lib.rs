//! The project's git history; the only user of git2 (no shelling out to
//! `git`). Inputs: a directory inside a repository and paths in its working
//! tree. Outputs: the commit that last changed each path, found in one walk
//! over the commits, and whether a file still has its committed content.
//! It ignores on purpose Markdown, catalogs and what a change means.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use git2::{ErrorCode, ObjectType, Oid, Repository};

mod index;

pub use git2::Oid as BlobId;
pub use index::{Index, Revision, Scope, Staleness, Touch};

/// A git failure, with what bitext was doing.
#[derive(Debug, thiserror::Error)]
#[error("git: {doing}: {source}")]
pub struct Error {
    doing: String,
    #[source]
    source: git2::Error,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

fn context(doing: impl Into<String>) -> impl FnOnce(git2::Error) -> Error {
    let doing = doing.into();
    move |source| Error { doing, source }
}

/// `path` made absolute, with `.` and `..` resolved without the file
/// system (for a path that does not exist).
fn normal(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A commit that changed a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The full commit id (40 hex digits).
    pub commit: String,
    /// Commit time, seconds since the Unix epoch.
    pub time: i64,
}

/// One version of a file: the commit that wrote it, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub commit: String,
    /// Commit time, seconds since the Unix epoch.
    pub time: i64,
    pub text: String,
}

/// A repository with a working tree. It may be read from several
/// threads at once: each read takes a libgit2 handle of its own (a handle
/// must not be used by two threads at a time), opened when none is free.
pub struct Repo {
    handles: std::sync::Mutex<Vec<Repository>>,
    workdir: PathBuf,
    /// Revisions resolved so far, or why not.
    resolved: std::sync::Mutex<HashMap<String, Result<String, String>>>,
}

/// A handle on loan from a [`Repo`], given back when dropped.
struct Handle<'r> {
    repo: Option<Repository>,
    from: &'r Repo,
}

impl std::ops::Deref for Handle<'_> {
    type Target = Repository;

    fn deref(&self) -> &Repository {
        self.repo
            .as_ref()
            .expect("a handle holds its repository until dropped")
    }
}

impl Drop for Handle<'_> {
    fn drop(&mut self) {
        if let Some(repo) = self.repo.take() {
            self.from.free().push(repo);
        }
    }
}

impl std::fmt::Debug for Repo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Repo")
            .field("workdir", &self.workdir)
            .finish()
    }
}

impl Repo {
    /// The repository containing `dir`, or `None` when `dir` is in none (or
    /// in a bare one, which has no working tree to compare with).
    pub fn discover(dir: &Path) -> Result<Option<Repo>> {
        let repo = match Repository::discover(dir) {
            Ok(repo) => repo,
            Err(e) if e.code() == ErrorCode::NotFound => return Ok(None),
            Err(e) => {
                return Err(context(format!(
                    "opening the repository of {}",
                    dir.display()
                ))(e));
            }
        };
        let Some(workdir) = repo.workdir() else {
            return Ok(None);
        };
        // Paths are compared with canonical ones: resolve symlinks (/tmp on macOS).
        let workdir = workdir
            .canonicalize()
            .unwrap_or_else(|_| workdir.to_path_buf());
        // Objects are read, never written: re-hashing each one read (a
        // check git itself leaves to `git fsck`) costs a fifth of a walk.
        git2::opts::strict_hash_verification(false);
        Ok(Some(Repo {
            handles: std::sync::Mutex::new(vec![repo]),
            workdir,
            resolved: Default::default(),
        }))
    }

    /// The free handles (a thread that panicked holding the lock left
    /// only whole handles in it).
    fn free(&self) -> std::sync::MutexGuard<'_, Vec<Repository>> {
        self.handles
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A handle for this thread's reads: a free one, else a new one.
    fn handle(&self) -> Result<Handle<'_>> {
        let free = self.free().pop();
        let repo = match free {
            Some(repo) => repo,
            None => Repository::open(&self.workdir).map_err(context(format!(
                "opening the repository of {}",
                self.workdir.display()
            )))?,
        };
        Ok(Handle {
            repo: Some(repo),
            from: self,
        })
    }

    /// The root of the working tree.
    pub fn workdir(&self) -> &Path {
        &self.workdir
    }

    /// `path` relative to the working tree, `/`-separated as git stores it.
    fn relative(&self, path: &Path) -> Option<PathBuf> {
        let path = path.canonicalize().unwrap_or_else(|_| normal(path));
        path.strip_prefix(&self.workdir).ok().map(Path::to_path_buf)
    }

    /// The blob id of `path` in `tree`, if it is there.
    fn blob_in(tree: &git2::Tree<'_>, rel: &Path) -> Option<Oid> {
        tree.get_path(rel).ok().map(|entry| entry.id())
    }

    /// Indexes the history reachable from HEAD in one walk (see [`Index`]);
    /// `progress` hears (commits done, commits in all) now and then. An
    /// unborn HEAD gives an empty index.
    pub fn index(&self, progress: &mut dyn FnMut(usize, usize)) -> Result<Index> {
        self.index_with(&Scope::default(), progress)
    }

    /// [`Repo::index`] of what `scope` asks about: some paths, renames by
    /// similarity among some, the history since some commits.
    pub fn index_with(
        &self,
        scope: &Scope<'_>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Index> {
        let repo = self.handle()?;
        if head_of(&repo)?.is_none() {
            return Ok(Index::default());
        }
        Index::build(&repo, scope, progress)
    }

    /// The blob of `path` (a file of the working tree, present or not) at
    /// `commit`, and the path it had there, if the commit has it.
    pub fn blob_at(&self, commit: &str, path: &Path) -> Result<Option<(Oid, String)>> {
        let Some(rel) = self.relative_even_if_gone(path) else {
            return Ok(None);
        };
        let oid = Oid::from_str(commit).map_err(context(format!("reading commit {commit}")))?;
        let repo = self.handle()?;
        let tree = repo
            .find_commit(oid)
            .and_then(|c| c.tree())
            .map_err(context(format!("reading commit {commit}")))?;
        Ok(Self::blob_in(&tree, &rel).map(|blob| (blob, index::slashed(&rel))))
    }

    /// The id git would give the file at `path` as a blob (its content
    /// hashed, no filters), to compare with a blob without reading it.
    pub fn hash_file(path: &Path) -> Result<Oid> {
        Oid::hash_file(ObjectType::Blob, path)
            .map_err(context(format!("reading {}", path.display())))
    }

    /// The newest commit reachable from HEAD made at or before `time`
    /// (seconds), by commit time: the source as it was then. Reads commit
    /// headers only.
    pub fn commit_at(&self, time: i64) -> Result<Option<String>> {
        let repo = self.handle()?;
        if head_of(&repo)?.is_none() {
            return Ok(None);
        }
        let mut walk = repo.revwalk().map_err(context("walking the history"))?;
        walk.push_head().map_err(context("reading HEAD"))?;
        walk.set_sorting(git2::Sort::TIME)
            .map_err(context("walking the history"))?;
        for id in walk {
            let id = id.map_err(context("walking the history"))?;
            let commit = repo
                .find_commit(id)
                .map_err(context(format!("reading commit {id}")))?;
            if commit.time().seconds() <= time {
                return Ok(Some(id.to_string()));
            }
        }
        Ok(None)
    }

    /// The time of `commit`, seconds since the epoch.
    pub fn commit_time(&self, commit: &str) -> Result<i64> {
        let oid = Oid::from_str(commit).map_err(context(format!("reading commit {commit}")))?;
        let repo = self.handle()?;
        let c = repo
            .find_commit(oid)
            .map_err(context(format!("reading commit {commit}")))?;
        Ok(c.time().seconds())
    }

    /// `path` (in the working tree, present or not) as the index knows it.
    pub fn key(&self, path: &Path) -> Option<String> {
        self.relative_even_if_gone(path)
            .map(|rel| index::slashed(&rel))
    }

    /// For each of `paths` (files in the working tree), the newest commit
    /// reachable from HEAD that changed it, as `git log -1 -- path` would say.
    /// Paths outside the repository or never committed are absent.
    pub fn last_changes(&self, paths: &[PathBuf]) -> Result<HashMap<PathBuf, Change>> {
        let index = self.index(&mut |_, _| {})?;
        Ok(paths
            .iter()
            .filter_map(|p| Some((p.clone(), index.last_change(&self.key(p)?)?)))
            .collect())
    }

    /// Every version of the file at `path` that `index` knows, newest
    /// first, with its text; renames are followed.
    pub fn versions_in(&self, index: &Index, path: &Path) -> Result<Vec<Version>> {
        let Some(key) = self.key(path) else {
            return Ok(Vec::new());
        };
        index
            .revisions(&key)
            .into_iter()
            .map(|r| {
                Ok(Version {
                    text: self.blob_text(r.blob, &r.path)?,
                    commit: r.commit,
                    time: r.time,
                })
            })
            .collect()
    }

    /// The text of a blob (lossy UTF-8); `path` names it in errors.
    pub fn blob_text(&self, blob: Oid, path: &str) -> Result<String> {
        let repo = self.handle()?;
        let content = repo
            .find_blob(blob)
            .map_err(context(format!("reading {path} ({blob})")))?;
        Ok(String::from_utf8_lossy(content.content()).into_owned())
    }

    /// Whether the repository is a shallow clone.
    pub fn is_shallow(&self) -> bool {
        self.handle().is_ok_and(|repo| repo.is_shallow())
    }

    /// The full id of the commit `rev` names (`HEAD~1`, a tag, a short id).
    /// Each name is looked up once per `Repo` (a name of no object makes
    /// libgit2 scan the object folders again: MDN's pages name thousands).
    pub fn resolve(&self, rev: &str) -> Result<String> {
        let kept = self.resolved().get(rev).cloned();
        let found = match kept {
            Some(found) => found,
            None => {
                let found = self.look_up(rev).map_err(|e| e.message().to_owned());
                self.resolved().insert(rev.to_owned(), found.clone());
                found
            }
        };
        found.map_err(|message| {
            context(format!("finding revision `{rev}`"))(git2::Error::from_str(&message))
        })
    }

    fn resolved(&self) -> std::sync::MutexGuard<'_, HashMap<String, Result<String, String>>> {
        self.resolved
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// [`Repo::resolve`] without the memory.
    fn look_up(&self, rev: &str) -> std::result::Result<String, git2::Error> {
        let repo = self
            .handle()
            .map_err(|e| git2::Error::from_str(&e.to_string()))?;
        let object = repo.revparse_single(rev)?;
        let commit = object
            .peel_to_commit()
            .map_err(|_| git2::Error::from_str(&format!("`{rev}` is not a commit")))?;
        Ok(commit.id().to_string())
    }

    /// The text of `path` (a file of the working tree) at `commit`, or
    /// `None` when that commit does not have it.
    pub fn read_at(&self, commit: &str, path: &Path) -> Result<Option<String>> {
        let Some((blob, rel)) = self.blob_at(commit, path)? else {
            return Ok(None);
        };
        let repo = self.handle()?;
        let blob = repo
            .find_blob(blob)
            .map_err(context(format!("reading {rel} at {commit}")))?;
        Ok(Some(String::from_utf8_lossy(blob.content()).into_owned()))
    }

    /// The paths (`/`-separated, from the root of the working tree) that
    /// the commits reachable from HEAD but not from `since` changed, each
    /// commit compared with its first parent (for a merge, a superset of
    /// what it changed); empty when HEAD is `since`. `None` when that cannot
    /// be told: `since` is not a commit here or not an ancestor of HEAD (a
    /// rewritten history), or the repository is a shallow clone.
    pub fn touched_since(&self, since: &str) -> Result<Option<std::collections::HashSet<String>>> {
        let repo = self.handle()?;
        let Ok(since) = Oid::from_str(since) else {
            return Ok(None);
        };
        let Some(head) = head_of(&repo)?.and_then(|h| h.target()) else {
            return Ok(None);
        };
        let mut touched = std::collections::HashSet::new();
        if head == since {
            return Ok(Some(touched));
        }
        if repo.is_shallow()
            || repo.find_commit(since).is_err()
            || !repo.graph_descendant_of(head, since).unwrap_or(false)
        {
            return Ok(None);
        }
        let mut walk = repo.revwalk().map_err(context("walking the history"))?;
        walk.push(head).map_err(context("walking the history"))?;
        walk.hide(since).map_err(context("walking the history"))?;
        for id in walk {
            let id = id.map_err(context("walking the history"))?;
            let commit = repo
                .find_commit(id)
                .map_err(context(format!("reading commit {id}")))?;
            let tree = commit
                .tree()
                .map_err(context(format!("reading commit {id}")))?;
            let parent = match commit.parent(0) {
                Ok(parent) => Some(
                    parent
                        .tree()
                        .map_err(context(format!("reading commit {}", parent.id())))?,
                ),
                Err(_) => None,
            };
            let diff = repo
                .diff_tree_to_tree(parent.as_ref(), Some(&tree), None)
                .map_err(context("comparing trees"))?;
            for delta in diff.deltas() {
                for file in [delta.old_file(), delta.new_file()] {
                    if let Some(path) = file.path() {
                        touched.insert(index::slashed(path));
                    }
                }
            }
        }
        Ok(Some(touched))
    }

    /// How many commits reachable from HEAD are not reachable from `commit`
    /// (how far HEAD is ahead of it).
    pub fn commits_since(&self, commit: &str) -> Result<usize> {
        let oid = Oid::from_str(commit).map_err(context(format!("reading commit {commit}")))?;
        let repo = self.handle()?;
        let mut walk = repo.revwalk().map_err(context("walking the history"))?;
        walk.push_head().map_err(context("reading HEAD"))?;
        walk.hide(oid)
            .map_err(context(format!("reading commit {commit}")))?;
        Ok(walk.count())
    }

    /// `path` relative to the working tree, whether or not it exists now.
    fn relative_even_if_gone(&self, path: &Path) -> Option<PathBuf> {
        if let Some(rel) = self.relative(path) {
            return Some(rel);
        }
        let parent = path.parent()?;
        let parent = parent.canonicalize().unwrap_or_else(|_| normal(parent));
        let rel = parent.strip_prefix(&self.workdir).ok()?;
        Some(rel.join(path.file_name()?))
    }

    /// The commit HEAD names, or `None` on an unborn branch.
    pub fn head_commit(&self) -> Result<Option<String>> {
        let repo = self.handle()?;
        Ok(head_of(&repo)?
            .and_then(|head| head.target())
            .map(|id| id.to_string()))
    }

    /// Whether git ignores the file at `path` (`.gitignore` files,
    /// `.git/info/exclude`, `core.excludesFile`); false outside the tree.
    pub fn is_ignored(&self, path: &Path) -> Result<bool> {
        let Some(rel) = self.relative(path) else {
            return Ok(false);
        };
        self.handle()?
            .is_path_ignored(&rel)
            .map_err(context(format!(
                "asking git whether {} is ignored",
                path.display()
            )))
    }

    /// Whether the file at `path` has exactly the content HEAD has for it
    /// (false when HEAD lacks it or it is outside the repository).
    pub fn is_committed(&self, path: &Path) -> Result<bool> {
        let Some(rel) = self.relative(path) else {
            return Ok(false);
        };
        let repo = self.handle()?;
        let Some(head) = head_of(&repo)? else {
            return Ok(false);
        };
        let tree = head.peel_to_tree().map_err(context("reading HEAD"))?;
        let Some(committed) = Self::blob_in(&tree, &rel) else {
            return Ok(false);
        };
        let on_disk = Oid::hash_file(ObjectType::Blob, path)
            .map_err(context(format!("hashing {}", path.display())))?;
        Ok(on_disk == committed)
    }
}

/// HEAD, or `None` before the first commit.
fn head_of(repo: &Repository) -> Result<Option<git2::Reference<'_>>> {
    match repo.head() {
        Ok(head) => Ok(Some(head)),
        Err(e) if matches!(e.code(), ErrorCode::UnbornBranch | ErrorCode::NotFound) => Ok(None),
        Err(e) => Err(context("reading HEAD")(e)),
    }
}

#[cfg(test)]
mod tests;

/// Builds a repository commit by commit, for tests and benchmarks that need
/// a real history (files written into the working tree and committed).
pub struct Builder {
    repo: Repository,
}

impl std::fmt::Debug for Builder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Builder").finish_non_exhaustive()
    }
}

impl Builder {
    /// A new repository in `dir`.
    pub fn init(dir: &Path) -> Result<Builder> {
        let repo = Repository::init(dir).map_err(context(format!(
            "creating a repository in {}",
            dir.display()
        )))?;
        Ok(Builder { repo })
    }

    /// Writes `files` (paths relative to the working tree) and commits them
    /// on HEAD at `time` (seconds since the epoch); the new commit's id.
    pub fn commit(&self, files: &[(&str, &str)], time: i64, message: &str) -> Result<String> {
        let workdir = self
            .repo
            .workdir()
            .expect("a repository made by init has a working tree")
            .to_path_buf();
        let mut index = self.repo.index().map_err(context("reading the index"))?;
        for (path, text) in files {
            let full = workdir.join(path);
            if let Some(parent) = full.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error {
                    doing: format!("creating {}", parent.display()),
                    source: git2::Error::from_str(&e.to_string()),
                })?;
            }
            std::fs::write(&full, text).map_err(|e| Error {
                doing: format!("writing {}", full.display()),
                source: git2::Error::from_str(&e.to_string()),
            })?;
            index
                .add_path(Path::new(path))
                .map_err(context(format!("adding {path}")))?;
        }
        index.write().map_err(context("writing the index"))?;
        let tree_id = index.write_tree().map_err(context("writing a tree"))?;
        let tree = self
            .repo
            .find_tree(tree_id)
            .map_err(context("reading a tree"))?;
        let sig = git2::Signature::new("bitext", "bitext@example.org", &git2::Time::new(time, 0))
            .map_err(context("making a signature"))?;
        let parent = self.repo.head().ok().and_then(|h| h.peel_to_commit().ok());
        let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
        let oid = self
            .repo
            .commit(Some("HEAD"), &sig, &sig, message, &tree, &parents)
            .map_err(context("committing"))?;
        Ok(oid.to_string())
    }
}
