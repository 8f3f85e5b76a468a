//! The history index: one walk over every commit reachable from HEAD, which
//! records for each path the commits that changed it (newest first) and the
//! renames, so that any number of "when did this path last change" and
//! "which versions did it have" questions cost no further walk.

use std::collections::HashMap;

use git2::{Oid, Repository, Sort, Tree};

use crate::{Change, Result, context};

/// One commit of the walk.
#[derive(Debug, Clone)]
struct Commit {
    id: Oid,
    time: i64,
    /// Positions of the parents in the walk (absent in a shallow clone).
    parents: Vec<u32>,
}

/// A commit that changed a path: the blob it left there, or `None` when it
/// removed the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Touch {
    /// Position of the commit in the walk (0 is HEAD).
    pub position: u32,
    pub blob: Option<Oid>,
}

/// A version of a file found through the index: the commit, its time, the
/// path the file had then (renames are followed) and its blob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub commit: String,
    pub time: i64,
    pub path: String,
    pub blob: Oid,
    /// Position of the commit in the walk (0 is HEAD).
    pub position: usize,
}

/// How far a translation lags behind its source, from the history alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staleness {
    /// The source version current when the translation last changed.
    pub base: Option<Revision>,
    /// The translation's last change.
    pub translated: Option<Change>,
    /// Commits from the base to HEAD.
    pub commits_behind: usize,
    /// Source versions newer than the base.
    pub source_changes: usize,
}

/// Every path's changes over the history reachable from HEAD, newest first.
#[derive(Debug, Default)]
pub struct Index {
    commits: Vec<Commit>,
    positions: HashMap<Oid, u32>,
    paths: HashMap<String, Vec<Touch>>,
    /// For a path created by a rename: the position of that commit and the old path.
    renamed_from: HashMap<String, Vec<(u32, String)>>,
    /// Some commits' parents are missing (a shallow clone).
    shallow: bool,
    /// No commit has two parents.
    linear: bool,
    /// For each commit, how many commits it reaches (itself included).
    ancestors: Vec<u32>,
}

/// Which paths a walk looks at.
type PathFilter<'a> = &'a dyn Fn(&str) -> bool;

/// Where a commit's renames by similarity are looked for: among `paths`,
/// and only for added paths in `follow` (which learns the old names).
struct Similar<'a, 'f> {
    paths: Option<&'a dyn Fn(&str) -> bool>,
    follow: Option<&'f mut std::collections::HashSet<String>>,
}

/// What a walk of the history looks at.
#[derive(Default)]
pub struct Scope<'a> {
    /// The paths among which renames are found by similarity (identical
    /// content is always a rename); all without it.
    pub similar: Option<&'a dyn Fn(&str) -> bool>,
    /// The paths compared from commit to commit: a folder (`docs/guide`)
    /// is entered, and a file recorded, only when this accepts it; all
    /// without it.
    pub paths: Option<&'a dyn Fn(&str) -> bool>,
    /// Commits below the oldest of which the history is not walked (it
    /// is): the index then knows only what changed since.
    pub since: Vec<String>,
    /// The paths whose renames matter (the pages asked about): renames by
    /// similarity are looked for only where one of them, or a name one of
    /// them had before, is added. All paths without it.
    pub follow: Option<std::collections::HashSet<String>>,
}

impl std::fmt::Debug for Scope<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scope")
            .field("similar", &self.similar.is_some())
            .field("paths", &self.paths.is_some())
            .field("since", &self.since)
            .field("follow", &self.follow.as_ref().map(|f| f.len()))
            .finish()
    }
}

/// A path's change in one commit: old and new blob.
struct Delta {
    path: String,
    old: Option<Oid>,
    new: Option<Oid>,
}

impl Index {
    /// Walks every commit reachable from HEAD of `repo` once, comparing
    /// each with its first parent tree by tree (unchanged subtrees are
    /// skipped by id). A path changes in a commit when its blob differs
    /// from that of every parent, as `git log -- path` counts it. Renames
    /// are found by identical content, then by git's similarity rules in
    /// commits that both add and remove files. `progress` hears (done,
    /// total) now and then.
    pub(crate) fn build(
        repo: &Repository,
        scope: &Scope<'_>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Index> {
        // Every object is read once or twice: libgit2's object cache would
        // only grow (objects are not re-hashed either: see `Repo::discover`).
        git2::opts::enable_caching(false);
        let built = Self::walk(repo, scope, progress);
        git2::opts::enable_caching(true);
        built
    }

    fn walk(
        repo: &Repository,
        scope: &Scope<'_>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Index> {
        let mut walk = repo.revwalk().map_err(context("walking the history"))?;
        walk.push_head().map_err(context("reading HEAD"))?;
        // The history below the oldest of the `since` commits is not walked
        // (it is); hiding another's parents would hide the older ones too.
        let oldest = scope
            .since
            .iter()
            .filter_map(|since| {
                Oid::from_str(since)
                    .and_then(|id| repo.find_commit(id))
                    .ok()
            })
            .min_by_key(|c| c.time().seconds());
        if let Some(commit) = oldest {
            for parent in commit.parent_ids() {
                walk.hide(parent).map_err(context("walking the history"))?;
            }
        }
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)
            .map_err(context("walking the history"))?;
        let ids: Vec<Oid> = walk
            .collect::<Result<_, _>>()
            .map_err(context("walking the history"))?;
        let positions: HashMap<Oid, u32> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i as u32))
            .collect();
        let mut index = Index {
            commits: Vec::with_capacity(ids.len()),
            positions,
            shallow: repo.is_shallow(),
            linear: true,
            ..Index::default()
        };
        let total = ids.len();
        // The names the followed pages have had, found as the walk goes back.
        let mut follow = scope.follow.clone();
        let mut trees = Trees::default();
        let step = (total / 100).max(1);
        let mut deltas = Vec::new();
        for (position, &id) in ids.iter().enumerate() {
            if position % step == 0 {
                progress(position, total);
            }
            let commit = repo
                .find_commit(id)
                .map_err(context(format!("reading commit {id}")))?;
            let tree = commit
                .tree()
                .map_err(context(format!("reading commit {id}")))?;
            let mut parents = Vec::new();
            let mut parent_trees = Vec::new();
            for parent_id in commit.parent_ids() {
                // A shallow clone lacks the commits below its boundary.
                match repo.find_commit(parent_id).and_then(|p| p.tree()) {
                    Ok(parent_tree) => parent_trees.push(parent_tree),
                    Err(_) => {
                        index.shallow = true;
                        continue;
                    }
                }
                if let Some(&p) = index.positions.get(&parent_id) {
                    parents.push(p);
                }
            }
            if commit.parent_count() > 1 {
                index.linear = false;
            }
            deltas.clear();
            compare(
                (repo, scope.paths),
                &mut trees,
                parent_trees.first().map(|t| t.id()),
                Some(tree.id()),
                "",
                &mut deltas,
            )?;
            trees.turn();
            // A merge changes a path only where it differs from every parent.
            for other in parent_trees.iter().skip(1) {
                deltas.retain(|d| blob_at(other, &d.path) != d.new);
            }
            let position = position as u32;
            let similar = Similar {
                paths: scope.similar,
                follow: follow.as_mut(),
            };
            index.renames(
                repo,
                (parent_trees.first(), &tree),
                position,
                &deltas,
                similar,
            )?;
            for d in &deltas {
                index.paths.entry(d.path.clone()).or_default().push(Touch {
                    position,
                    blob: d.new,
                });
            }
            index.commits.push(Commit {
                id,
                time: commit.time().seconds(),
                parents,
            });
        }
        index.count_ancestors();
        progress(total, total);
        Ok(index)
    }

    /// Records the renames of one commit: an added path whose blob a removed
    /// path had, then, for what is left on both sides among the paths that
    /// `similar` accepts, git's similarity (the costly part of a walk on
    /// real repositories, where commits move images and generated files).
    fn renames(
        &mut self,
        repo: &Repository,
        (parent, tree): (Option<&Tree<'_>>, &Tree<'_>),
        position: u32,
        deltas: &[Delta],
        similar: Similar<'_, '_>,
    ) -> Result<()> {
        let mut removed: Vec<&Delta> = deltas
            .iter()
            .filter(|d| d.new.is_none() && d.old.is_some())
            .collect();
        let mut added: Vec<&Delta> = deltas
            .iter()
            .filter(|d| d.old.is_none() && d.new.is_some())
            .collect();
        if removed.is_empty() || added.is_empty() {
            return Ok(());
        }
        let mut follow = similar.follow;
        added.retain(|a| match removed.iter().position(|r| r.old == a.new) {
            Some(k) => {
                let r = removed.remove(k);
                if let Some(follow) = follow.as_deref_mut()
                    && follow.contains(&a.path)
                {
                    follow.insert(r.path.clone());
                }
                self.renamed_from
                    .entry(a.path.clone())
                    .or_default()
                    .push((position, r.path.clone()));
                false
            }
            None => true,
        });
        if let Some(paths) = similar.paths {
            removed.retain(|d| paths(&d.path));
            added.retain(|d| paths(&d.path));
        }
        if let Some(follow) = &follow {
            added.retain(|d| follow.contains(&d.path));
        }
        if removed.is_empty() || added.is_empty() {
            return Ok(());
        }
        let mut options = git2::DiffOptions::new();
        for d in removed.iter().chain(added.iter()) {
            options.pathspec(&d.path);
        }
        options.disable_pathspec_match(true);
        let mut diff = repo
            .diff_tree_to_tree(parent, Some(tree), Some(&mut options))
            .map_err(context("comparing trees"))?;
        diff.find_similar(Some(git2::DiffFindOptions::new().renames(true)))
            .map_err(context("finding renames"))?;
        for delta in diff.deltas() {
            if delta.status() != git2::Delta::Renamed {
                continue;
            }
            let (Some(old), Some(new)) = (delta.old_file().path(), delta.new_file().path()) else {
                continue;
            };
            if let Some(follow) = follow.as_deref_mut() {
                follow.insert(slashed(old));
            }
            self.renamed_from
                .entry(slashed(new))
                .or_default()
                .push((position, slashed(old)));
        }
        Ok(())
    }

    /// How many commits the walk saw.
    pub fn len(&self) -> usize {
        self.commits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.commits.is_empty()
    }

    /// Whether commits are missing below a shallow clone's boundary, so
    /// that the oldest changes the index knows may not be the real ones.
    pub fn is_shallow(&self) -> bool {
        self.shallow
    }

    /// Whether no commit is a merge.
    pub fn is_linear(&self) -> bool {
        self.linear
    }

    /// How many paths some commit changed.
    pub fn paths(&self) -> usize {
        self.paths.len()
    }

    /// The newest commit that changed `path` (repository-relative, `/`),
    /// as `git log -1 -- path` gives it.
    pub fn last_change(&self, path: &str) -> Option<Change> {
        let touch = self.paths.get(path)?.first()?;
        Some(self.change(touch.position as usize))
    }

    fn change(&self, position: usize) -> Change {
        let c = &self.commits[position];
        Change {
            commit: c.id.to_string(),
            time: c.time,
        }
    }

    /// The versions of the file at `path`, newest first, following renames
    /// back to older paths; a removal ends the history (an older file of
    /// the same name is another file).
    pub fn revisions(&self, path: &str) -> Vec<Revision> {
        let mut out = Vec::new();
        let mut path = path.to_owned();
        let mut below = 0u32;
        // A rename chain cannot be longer than the history; this also stops a cycle.
        for _ in 0..=self.commits.len() {
            let Some(touches) = self.paths.get(&path) else {
                break;
            };
            let mut next: Option<(u32, String)> = None;
            for touch in touches.iter().filter(|t| t.position >= below) {
                let Some(blob) = touch.blob else {
                    if out.is_empty() {
                        continue;
                    }
                    break;
                };
                let c = &self.commits[touch.position as usize];
                out.push(Revision {
                    commit: c.id.to_string(),
                    time: c.time,
                    path: path.clone(),
                    blob,
                    position: touch.position as usize,
                });
                if let Some((at, old)) = self
                    .renamed_from
                    .get(&path)
                    .and_then(|r| r.iter().find(|(at, _)| *at == touch.position))
                {
                    next = Some((*at + 1, old.clone()));
                    break;
                }
            }
            match next {
                Some((from, old)) => {
                    below = from;
                    path = old;
                }
                None => break,
            }
        }
        out
    }

    /// The position of `commit` (full id) in the walk, 0 being HEAD.
    pub fn position(&self, commit: &str) -> Option<usize> {
        let id = Oid::from_str(commit).ok()?;
        self.positions.get(&id).map(|&p| p as usize)
    }

    /// The first commit of the walk (newest first) made at or before
    /// `time`, with its position.
    pub fn commit_at(&self, time: i64) -> Option<(usize, String)> {
        self.commits
            .iter()
            .position(|c| c.time <= time)
            .map(|p| (p, self.commits[p].id.to_string()))
    }

    /// The commit time of `commit`, if the walk saw it.
    pub fn time(&self, commit: &str) -> Option<i64> {
        Some(self.commits[self.position(commit)?].time)
    }

    /// How many commits reachable from HEAD are not reachable from the
    /// commit at `position` (`git rev-list --count C..HEAD`).
    pub fn commits_since_position(&self, position: usize) -> usize {
        self.commits.len() - self.ancestors[position] as usize
    }

    /// For each commit, how many commits it can reach (itself included),
    /// oldest first: one more than its first parent, plus what only its
    /// other parents reach (a merged branch). That part is found as git
    /// finds merge bases: commits are painted from both sides in walk
    /// order, where every child comes before its parents, and the walk
    /// stops when no commit reached only from the branch is left.
    fn count_ancestors(&mut self) {
        let mut ancestors = vec![0u32; self.commits.len()];
        let mut paint: HashMap<u32, u8> = HashMap::new();
        let mut queue = std::collections::BinaryHeap::new();
        for position in (0..self.commits.len()).rev() {
            let parents = &self.commits[position].parents;
            let Some((&first, others)) = parents.split_first() else {
                ancestors[position] = 1;
                continue;
            };
            let mut count = 1 + ancestors[first as usize];
            if !others.is_empty() {
                const MAIN: u8 = 1;
                const BRANCH: u8 = 2;
                paint.clear();
                queue.clear();
                paint.insert(first, MAIN);
                queue.push(std::cmp::Reverse(first));
                let mut branch_only = 0usize;
                for &other in others {
                    if paint.insert(other, BRANCH).is_none() {
                        queue.push(std::cmp::Reverse(other));
                        branch_only += 1;
                    }
                }
                while branch_only > 0 {
                    let Some(std::cmp::Reverse(at)) = queue.pop() else {
                        break;
                    };
                    let colour = paint[&at];
                    if colour == BRANCH {
                        branch_only -= 1;
                        count += 1;
                    }
                    for &parent in &self.commits[at as usize].parents {
                        let before = paint.get(&parent).copied().unwrap_or(0);
                        let after = before | colour;
                        if after == before {
                            continue;
                        }
                        paint.insert(parent, after);
                        if before == 0 {
                            queue.push(std::cmp::Reverse(parent));
                        } else if before == BRANCH {
                            // Queued as branch-only, now reached from the main line too.
                            branch_only -= 1;
                        }
                        if after == BRANCH {
                            branch_only += 1;
                        }
                    }
                }
            }
            ancestors[position] = count;
        }
        self.ancestors = ancestors;
    }

    /// The staleness of a translation from the history alone: the source
    /// version current when the translation last changed (its base), the
    /// commits since that base, and the source versions newer than it.
    pub fn staleness(&self, source: &str, translation: &str) -> Staleness {
        let revisions = self.revisions(source);
        let translated = self.paths.get(translation).and_then(|t| t.first());
        let base = translated.and_then(|t| {
            revisions
                .iter()
                .position(|r| r.position >= t.position as usize)
        });
        Staleness {
            commits_behind: base.map_or(0, |k| self.commits_since_position(revisions[k].position)),
            source_changes: base.unwrap_or(revisions.len()),
            base: base.map(|k| revisions[k].clone()),
            translated: translated.map(|t| self.change(t.position as usize)),
        }
    }
}

/// A path as git writes it (`/`-separated).
pub(crate) fn slashed(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        text.into_owned()
    } else {
        text.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// The blob at `path` in `tree`.
fn blob_at(tree: &Tree<'_>, path: &str) -> Option<Oid> {
    let entry = tree.get_path(std::path::Path::new(path)).ok()?;
    (entry.kind() == Some(git2::ObjectType::Blob)).then(|| entry.id())
}

/// One entry of a tree, as the comparison needs it.
#[derive(Clone)]
struct Entry {
    name: Vec<u8>,
    id: Oid,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blob,
    Tree,
    /// A submodule or anything else that is not a file of this repository.
    Other,
}

/// Trees read during the walk, by id: those of the commit being compared
/// and of the one before, which are most of what the next commit needs.
/// (libgit2's own object cache is off meanwhile: on a long history it
/// grows to hundreds of megabytes.)
#[derive(Default)]
pub(crate) struct Trees {
    current: HashMap<Oid, std::rc::Rc<[Entry]>>,
    previous: HashMap<Oid, std::rc::Rc<[Entry]>>,
}

impl Trees {
    fn get(&mut self, repo: &Repository, id: Oid) -> Result<std::rc::Rc<[Entry]>> {
        if let Some(t) = self.current.get(&id) {
            return Ok(t.clone());
        }
        let entries = match self.previous.get(&id) {
            Some(t) => t.clone(),
            None => {
                let tree = repo
                    .find_tree(id)
                    .map_err(context(format!("reading tree {id}")))?;
                tree.iter()
                    .map(|e| Entry {
                        name: e.name_bytes().to_vec(),
                        id: e.id(),
                        kind: match e.kind() {
                            Some(git2::ObjectType::Blob) => Kind::Blob,
                            Some(git2::ObjectType::Tree) => Kind::Tree,
                            _ => Kind::Other,
                        },
                    })
                    .collect()
            }
        };
        self.current.insert(id, entries.clone());
        Ok(entries)
    }

    /// Moves on to the next commit.
    fn turn(&mut self) {
        std::mem::swap(&mut self.current, &mut self.previous);
        self.current.clear();
    }
}

/// Git's order of tree entries: by name, a tree's name read as if it ended in `/`.
fn entry_order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    let key = |e: &Entry| (e.kind == Kind::Tree).then_some(b'/');
    let common = a.name.len().min(b.name.len());
    match a.name[..common].cmp(&b.name[..common]) {
        std::cmp::Ordering::Equal => {}
        other => return other,
    }
    let next = |e: &Entry| e.name.get(common).copied().or(key(e));
    next(a).cmp(&next(b))
}

/// The blobs that differ between the trees `old` and `new` (ids, at
/// `prefix`), descending only into subtrees whose ids differ. Entries are
/// compared side by side in git's order.
fn compare(
    (repo, wanted): (&Repository, Option<PathFilter<'_>>),
    trees: &mut Trees,
    old: Option<Oid>,
    new: Option<Oid>,
    prefix: &str,
    out: &mut Vec<Delta>,
) -> Result<()> {
    let old_tree = old.map(|id| trees.get(repo, id)).transpose()?;
    let new_tree = new.map(|id| trees.get(repo, id)).transpose()?;
    let old_entries: &[Entry] = old_tree.as_deref().unwrap_or_default();
    let new_entries: &[Entry] = new_tree.as_deref().unwrap_or_default();
    let path_of = |name: &[u8]| {
        let name = String::from_utf8_lossy(name);
        if prefix.is_empty() {
            name.into_owned()
        } else {
            format!("{prefix}/{name}")
        }
    };
    let (mut i, mut j) = (0, 0);
    while i < old_entries.len() || j < new_entries.len() {
        let order = match (old_entries.get(i), new_entries.get(j)) {
            (Some(a), Some(b)) => entry_order(a, b),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        // Entries of the same name but different kinds (a file that became
        // a folder) sort apart and come out as a removal and an addition.
        let (before, after) = match order {
            std::cmp::Ordering::Less => {
                i += 1;
                (Some(&old_entries[i - 1]), None)
            }
            std::cmp::Ordering::Greater => {
                j += 1;
                (None, Some(&new_entries[j - 1]))
            }
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
                (Some(&old_entries[i - 1]), Some(&new_entries[j - 1]))
            }
        };
        if let (Some(b), Some(a)) = (before, after)
            && b.id == a.id
        {
            continue;
        }
        let name = &after.or(before).expect("one side has the entry").name;
        let path = path_of(name);
        // Outside the paths asked about: never read.
        if wanted.is_some_and(|w| !w(&path)) {
            continue;
        }
        let kind_of = |e: Option<&Entry>, kind: Kind| e.filter(|e| e.kind == kind).map(|e| e.id);
        let (old_tree, new_tree) = (kind_of(before, Kind::Tree), kind_of(after, Kind::Tree));
        if old_tree.is_some() || new_tree.is_some() {
            compare((repo, wanted), trees, old_tree, new_tree, &path, out)?;
        }
        let (old_blob, new_blob) = (kind_of(before, Kind::Blob), kind_of(after, Kind::Blob));
        if old_blob.is_some() || new_blob.is_some() {
            out.push(Delta {
                path,
                old: old_blob,
                new: new_blob,
            });
        }
    }
    Ok(())
}
