//! What became of the repositories since a cache's answers were drawn
//! from their histories: the same HEADs, new commits on top (and which
//! paths they touched), or a history that cannot be followed (rewritten,
//! shallow). An answer about a page holds after new commits that touched
//! neither its source nor its translation: its base, and the commits that
//! changed its source since, are what they were.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use crate::Result;
use crate::staleness::Heads;

/// What became of a repository since a cache's answers were drawn.
#[derive(Debug, Clone)]
pub(crate) enum Since {
    Same,
    /// New commits on top, which touched these paths.
    Touched(Arc<HashSet<String>>),
    /// Rewritten, shallow, or not there before.
    Unknown,
}

/// What became of the source's repository, and of the project's when it
/// is another, since a cache's answers were drawn.
#[derive(Debug, Clone)]
pub(crate) struct Moves {
    source: Since,
    own: Since,
}

impl Moves {
    /// The moves from the HEADs `recorded` to `heads`; `memo` keeps what
    /// was found for each repository and old HEAD, for the other locales.
    pub(crate) fn of(
        recorded: &[(String, String, bool)],
        heads: &Heads,
        memo: &mut HashMap<(String, String), Since>,
    ) -> Result<Moves> {
        let mut since = |repo: &history::Repo| -> Result<Since> {
            let place = repo.workdir().display().to_string();
            let now = heads.repos.iter().find(|(p, _, _)| *p == place);
            let then = recorded.iter().find(|(p, _, _)| *p == place);
            let (Some(now), Some(then)) = (now, then) else {
                return Ok(Since::Unknown);
            };
            if now == then {
                return Ok(Since::Same);
            }
            if now.2 || then.2 {
                return Ok(Since::Unknown);
            }
            let key = (place, then.1.clone());
            if let Some(found) = memo.get(&key) {
                return Ok(found.clone());
            }
            let found = match repo.touched_since(&then.1)? {
                Some(paths) => Since::Touched(Arc::new(paths)),
                None => Since::Unknown,
            };
            memo.insert(key, found.clone());
            Ok(found)
        };
        let source = since(&heads.source)?;
        let own = match &heads.own {
            Some(own) => since(own)?,
            None => source.clone(),
        };
        Ok(Moves { source, own })
    }

    /// Whether an answer drawn from the history at the cache's HEADs holds
    /// at the new ones for the page whose source and translation are at
    /// `source` and `translation`. A `fragile` answer (its base unknown,
    /// found by date, or with a pin problem: what any new commit of the
    /// source may change) holds only while the source's history has not
    /// moved.
    pub(crate) fn hold(
        &self,
        heads: &Heads,
        fragile: bool,
        source: &Path,
        translation: &Path,
    ) -> bool {
        let moved = !matches!(self.source, Since::Same);
        if moved && fragile {
            return false;
        }
        let own = heads.own.as_ref().unwrap_or(&heads.source);
        untouched(&self.source, &heads.source, source) && untouched(&self.own, own, translation)
    }
}

/// Whether `path` (a file of `repo`) is untouched by what `since` says.
fn untouched(since: &Since, repo: &history::Repo, path: &Path) -> bool {
    match since {
        Since::Same => true,
        Since::Unknown => false,
        Since::Touched(paths) => repo.key(path).is_some_and(|key| !paths.contains(&key)),
    }
}
