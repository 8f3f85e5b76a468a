//! Last changes and committed content on a repository built in a temp dir.

use std::path::Path;

use git2::{Repository, Signature, Time};

use super::*;

/// Writes `files` into the working tree and commits them at `time`.
fn commit(repo: &Repository, files: &[(&str, &str)], time: i64) -> String {
    let workdir = repo.workdir().expect("a working tree").to_path_buf();
    let mut index = repo.index().expect("index");
    for (path, text) in files {
        std::fs::write(workdir.join(path), text).expect("writable");
        index.add_path(Path::new(path)).expect("added");
    }
    index.write().expect("index written");
    let tree = repo
        .find_tree(index.write_tree().expect("tree"))
        .expect("tree");
    let sig = Signature::new("Test", "test@example.org", &Time::new(time, 0)).expect("signature");
    let parent = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
    let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
    repo.commit(Some("HEAD"), &sig, &sig, "change", &tree, &parents)
        .expect("committed")
        .to_string()
}

#[test]
fn finds_the_last_commit_of_each_path_in_one_walk() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let git = Repository::init(dir).expect("init");
    let first = commit(&git, &[("a.md", "A1\n"), ("b.md", "B1\n")], 1_000);
    let second = commit(&git, &[("a.md", "A2\n")], 2_000);
    // Rewriting a file with the same content is no change.
    commit(&git, &[("c.md", "C1\n"), ("b.md", "B1\n")], 3_000);
    std::fs::write(dir.join("new.md"), "untracked\n").expect("writable");

    let repo = Repo::discover(dir).expect("opens").expect("a repository");
    let paths: Vec<PathBuf> = ["a.md", "b.md", "new.md"]
        .iter()
        .map(|p| dir.join(p))
        .collect();
    let changes = repo.last_changes(&paths).expect("walks");
    assert_eq!(
        changes.get(&dir.join("a.md")),
        Some(&Change {
            commit: second,
            time: 2_000
        })
    );
    assert_eq!(
        changes.get(&dir.join("b.md")).map(|c| c.commit.as_str()),
        Some(first.as_str())
    );
    assert_eq!(changes.get(&dir.join("new.md")), None, "never committed");

    assert!(repo.is_committed(&dir.join("a.md")).expect("hashes"));
    std::fs::write(dir.join("a.md"), "A3\n").expect("writable");
    assert!(!repo.is_committed(&dir.join("a.md")).expect("hashes"));
    assert!(!repo.is_committed(&dir.join("new.md")).expect("hashes"));
}

#[test]
fn no_repository_and_no_commits_are_not_errors() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    // A temp dir is normally outside any repository; if it is inside one,
    // the repository found is that one, not an error.
    if let Some(repo) = Repo::discover(dir).expect("no error") {
        assert!(
            dir.canonicalize()
                .expect("exists")
                .starts_with(repo.workdir())
        );
    }
    Repository::init(dir).expect("init");
    std::fs::write(dir.join("a.md"), "A\n").expect("writable");
    let repo = Repo::discover(dir).expect("opens").expect("a repository");
    assert_eq!(
        repo.last_changes(&[dir.join("a.md")]).expect("empty"),
        HashMap::new()
    );
    assert!(!repo.is_committed(&dir.join("a.md")).expect("unborn HEAD"));
}

#[test]
fn reads_a_file_at_a_revision_and_counts_commits_since() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let git = Repository::init(dir).expect("init");
    let first = commit(&git, &[("a.md", "A1\n")], 1_000);
    commit(&git, &[("a.md", "A2\n")], 2_000);
    commit(&git, &[("b.md", "B1\n")], 3_000);
    let repo = Repo::discover(dir).expect("opens").expect("a repository");
    assert_eq!(repo.resolve("HEAD~2").expect("resolves"), first);
    assert_eq!(repo.resolve(&first[..8]).expect("short ids"), first);
    assert!(repo.resolve("no-such-branch").is_err());
    let a = dir.join("a.md");
    assert_eq!(
        repo.read_at(&first, &a).expect("reads").as_deref(),
        Some("A1\n")
    );
    assert_eq!(
        repo.read_at(&first, &dir.join("b.md")).expect("reads"),
        None
    );
    std::fs::remove_file(&a).expect("removable");
    assert_eq!(
        repo.read_at(&repo.resolve("HEAD").expect("head"), &a)
            .expect("reads")
            .as_deref(),
        Some("A2\n"),
        "a file deleted from the working tree is still read"
    );
    assert_eq!(repo.commits_since(&first).expect("walks"), 2);
}

#[test]
fn touched_since_names_the_paths_later_commits_changed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let git = Repository::init(dir).expect("init");
    let first = commit(&git, &[("a.md", "A1\n"), ("b.md", "B1\n")], 1_000);
    commit(&git, &[("a.md", "A2\n")], 2_000);
    commit(&git, &[("c.md", "C1\n")], 3_000);
    let repo = Repo::discover(dir).expect("opens").expect("a repository");
    let touched = repo
        .touched_since(&first)
        .expect("reads")
        .expect("first is an ancestor of HEAD");
    let mut touched: Vec<String> = touched.into_iter().collect();
    touched.sort();
    assert_eq!(touched, ["a.md", "c.md"]);
    let head = repo.head_commit().expect("reads").expect("a HEAD");
    assert_eq!(
        repo.touched_since(&head).expect("reads"),
        Some(Default::default())
    );
    // A commit that is not an ancestor of HEAD (a rewritten history) or
    // none at all: nothing can be told.
    assert_eq!(repo.touched_since(&"0".repeat(40)).expect("reads"), None);
    assert_eq!(repo.touched_since("not a commit").expect("reads"), None);
    git.set_head_detached(git2::Oid::from_str(&first).expect("an id"))
        .expect("detached");
    assert_eq!(repo.touched_since(&head).expect("reads"), None);
}
