//! The one-pass index against `git log -1 -- PATH` on a generated
//! repository of 2,000 commits and 1,500 files: same answers for 100 paths,
//! renamed ones included.

#[path = "support/generate.rs"]
mod generate;

use generate::{Shape, generate, git_commits_since, git_log_last};

#[test]
fn the_index_answers_as_git_log_does_for_a_hundred_paths() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let shape = Shape {
        pages: 100,
        locales: 14,
        commits: 2_000,
    };
    let site = generate(tmp.path(), shape);
    let repo = history::Repo::discover(tmp.path())
        .expect("opens")
        .expect("a repository");
    let index = repo.index(&mut |_, _| {}).expect("indexes");
    assert_eq!(index.len(), shape.commits, "one entry per commit");
    assert!(index.paths() >= shape.files(), "{} paths", index.paths());
    assert!(!index.is_linear(), "the generator merges side branches");

    let mut all: Vec<&String> = site
        .pages
        .iter()
        .flat_map(|(s, ts)| std::iter::once(s).chain(ts))
        .collect();
    all.sort();
    assert_eq!(all.len(), 1_500);
    let mut chosen: Vec<&String> = site.renamed.iter().take(20).collect();
    assert!(!chosen.is_empty(), "the generator renames some files");
    let step = all.len() / (100 - chosen.len());
    chosen.extend(all.iter().step_by(step).take(100 - chosen.len()));
    assert_eq!(chosen.len(), 100);
    for path in chosen {
        let ours = index
            .last_change(path)
            .unwrap_or_else(|| panic!("{path} is in the index"));
        assert_eq!(ours.commit, git_log_last(tmp.path(), path), "{path}");
        // Commits behind, merges counted as git counts them.
        let position = index.position(&ours.commit).expect("a walked commit");
        assert_eq!(
            index.commits_since_position(position),
            git_commits_since(tmp.path(), &ours.commit),
            "commits since {}",
            ours.commit
        );
    }
}

#[test]
fn versions_follow_a_rename_back_to_the_old_path() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let site = generate(
        tmp.path(),
        Shape {
            pages: 20,
            locales: 3,
            commits: 600,
        },
    );
    let repo = history::Repo::discover(tmp.path())
        .expect("opens")
        .expect("a repository");
    let index = repo.index(&mut |_, _| {}).expect("indexes");
    let renamed = site.renamed.first().expect("a renamed file");
    let revisions = index.revisions(renamed);
    let paths: Vec<&str> = revisions.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths.first(), Some(&renamed.as_str()));
    let (old, _) = renamed.split_once("-moved-").expect("a moved name");
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with(old) && !p.contains("-moved-")),
        "the history goes back to the first path: {paths:?}"
    );
    // The oldest version is the one the second commit added.
    assert_eq!(revisions.last().map(|r| r.position), Some(index.len() - 2));
}
