//! Base revisions and `diff` on a real history: the English versions of the
//! seed page committed one by one into a repository built with git2, and
//! the Italian seed (`it/001`) at its real position, right after English
//! version 043. (Corpus files are copied unchanged into a temp dir.)

use std::path::Path;

use project::{BaseMethod, ChangeClass, Config, SegmentChangeKind};

const PAGE: &str = "content/en/real-time-communication.md";
const IT: &str = "content/it/real-time-communication.md";

fn version(history: &Path, file: &str) -> String {
    corpus::read(&history.join(file))
}

#[test]
fn the_seed_is_based_on_english_041_and_its_diff_lists_what_changed_since() {
    let Some(root) = corpus::root("history base revision test") else {
        return;
    };
    let history = root.join("privacyguides-history");
    let index: serde_json::Value =
        serde_json::from_str(&corpus::read(&history.join("history.json"))).expect("JSON");
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let repo = history::Builder::init(dir).expect("a repository");
    let seed = &index["it"][0];
    let after = seed["english_at_same_commit"]["file"]
        .as_str()
        .expect("the English beside the seed");
    let mut commits = std::collections::HashMap::new();
    let mut time = 1_650_000_000;
    for v in index["en"].as_array().expect("versions") {
        let file = v["file"].as_str().expect("a file");
        time += 3_600;
        let id = repo
            .commit(&[(PAGE, &version(&history, file))], time, file)
            .expect("committed");
        commits.insert(file.to_owned(), id);
        if file == after {
            time += 60;
            let it = seed["file"].as_str().expect("the seed");
            repo.commit(&[(IT, &version(&history, it))], time, it)
                .expect("committed");
            break;
        }
    }
    let config =
        Config::from_toml("locales = [\"it\"]\n", dir.to_path_buf(), None).expect("a valid config");
    let indexed = project::History::open(&config, &mut |_, _| {})
        .expect("indexes")
        .expect("a repository");
    let diffs =
        project::locale_diff(&config, &indexed, &model::Locale::new("it"), None).expect("diffs");
    assert_eq!(diffs.len(), 1);
    let d = &diffs[0];
    let base = d.base.as_ref().expect("a base revision");
    let best = seed["english_best_match"]["file"].as_str().expect("041");
    assert_eq!(base.commit, commits[best], "the seed was made from {best}");
    assert_eq!(base.method, BaseMethod::HistoryMatch);
    assert_eq!(
        base.by_time.as_deref(),
        Some(commits[after].as_str()),
        "the English current when the seed was committed is reported too"
    );
    assert_eq!(d.commits_behind, 2, "042 and 043 changed the page since");
    // The changes are those between 041 and the head's English.
    let expected = project::page_changes(
        &version(&history, best),
        &version(&history, after),
        &markdown::Options::default(),
    );
    assert!(!expected.is_empty());
    assert_eq!(d.changes, expected);

    // A cosmetic edit of the head's English is classified cosmetic.
    let head = version(&history, after);
    let line = head
        .lines()
        .find(|l| l.starts_with("Signal supports") || l.contains("Signal supports"))
        .expect("a Signal paragraph");
    let edited = head.replacen(line, &line.replacen(". ", ".  ", 1), 1);
    assert_ne!(edited, head);
    repo.commit(&[(PAGE, &edited)], time + 60, "spacing")
        .expect("committed");
    let diff = project::source_diff(&config, None, None).expect("diffs");
    let changes = &diff.pages[0].changes;
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].kind, SegmentChangeKind::Modified);
    assert_eq!(changes[0].class, ChangeClass::Cosmetic);
}
