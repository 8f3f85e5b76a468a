//! `bitext diff` in a git repository built in a temp dir: source changes
//! since a revision, each classified.

mod support;
use support::{bitext, git, ok, write};

const V1: &str = "# Ferry times\n\nThe first ferry leaves at 6:40 from pier 3.\n\nTickets cost 12 euros, children travel free.\n\nBikes ride along on every ferry, in the back.\n";

const V2: &str = "# Ferry times\n\nThe first ferry leaves at 6:40, from pier 3!\n\nTickets cost 15 euros, children travel free.\n\nDogs are welcome on a leash.\n\nBikes are welcome on the morning ferries only.\n";

/// A repository with `pages` committed, then the English page changed from
/// V1 to V2 in a second commit; `None` without git (outside CI).
fn two_commits(pages: &[(&str, &str)]) -> Option<tempfile::TempDir> {
    let tmp = support::project(pages);
    let dir = tmp.path();
    if !git(dir, &["init", "-q"]) {
        return None;
    }
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "first"]);
    write(&dir.join("content/en/ferry.md"), V2);
    git(dir, &["commit", "-q", "-am", "second"]);
    Some(tmp)
}

/// The stale findings of `bitext check --format json` in `dir`.
fn stale_findings(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let (_, out, err) = bitext(dir, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}{err}"));
    json["findings"]
        .as_array()
        .expect("a list")
        .iter()
        .filter(|f| f["check"] == "stale")
        .cloned()
        .collect()
}

#[test]
fn source_changes_since_a_revision_are_classified() {
    let Some(tmp) = two_commits(&[("content/en/ferry.md", V1)]) else {
        return;
    };
    let dir = tmp.path();

    let json: serde_json::Value =
        serde_json::from_str(&ok(dir, &["diff", "--since", "HEAD~1", "--format", "json"]))
            .expect("JSON");
    let page = &json["pages"][0];
    assert_eq!(page["commits_behind"], 1);
    assert_eq!(page["path"], "content/en/ferry.md");
    let changes: Vec<(String, String, u64)> = page["changes"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| {
            (
                c["change"].as_str().unwrap_or_default().to_owned(),
                c["class"].as_str().unwrap_or_default().to_owned(),
                c["source_line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("modified", "cosmetic", 3),
        ("modified", "factual", 5),
        ("added", "rewrite", 7),
        ("modified", "rewrite", 9),
    ];
    assert_eq!(
        changes,
        expected.map(|(a, b, l)| (a.to_owned(), b.to_owned(), l)),
        "{page}"
    );
    assert_eq!(
        page["changes"][1]["facts"],
        serde_json::json!(["-12", "+15"])
    );

    // Markdown, ready for a pull request.
    let md = ok(dir, &["diff", "--format", "markdown"]);
    assert!(md.starts_with("## Source changes since `"), "{md}");
    assert!(
        md.contains("- line 5, modified, factual (-12, +15): Tickets cost ~~12~~ **15** euros"),
        "{md}"
    );
    // Nothing changed since HEAD.
    let out = ok(dir, &["diff", "--since", "HEAD"]);
    assert!(out.contains("0 segment changes in 0 pages"), "{out}");
    let (code, _, err) = bitext(dir, &["diff", "--since", "no-such-tag"]);
    assert_eq!(code, 2);
    assert!(err.contains("fetch-depth: 0"), "{err}");
}

/// An Italian page of the first version.
const IT_V1: &str = "# Orari dei traghetti\n\nIl primo traghetto parte alle 6:40 dal molo 3.\n\nI biglietti costano 12 euro, i bambini viaggiano gratis.\n\nLe bici viaggiano su ogni traghetto, dietro.\n";

#[test]
fn each_translation_is_diffed_from_its_base_revision() {
    let Some(tmp) = two_commits(&[("content/en/ferry.md", V1)]) else {
        return;
    };
    let dir = tmp.path();
    // The translation arrives later, but was made from the first version.
    write(&dir.join("content/it/ferry.md"), IT_V1);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "italian"]);
    let first = String::from_utf8(
        std::process::Command::new("git")
            .args(["rev-parse", "HEAD~2"])
            .current_dir(dir)
            .output()
            .expect("git")
            .stdout,
    )
    .expect("UTF-8");
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir, &["diff", "--locale", "it", "--format", "json"]))
            .expect("JSON");
    let page = &json["pages"][0];
    assert_eq!(page["locale"], "it");
    assert_eq!(page["translation"], "content/it/ferry.md");
    assert_eq!(page["base"]["commit"], first.trim(), "{page}");
    assert_eq!(page["base"]["method"], "history-match");
    // The repository has two commits since, the page one.
    assert_eq!(page["commits_behind"], 1);
    assert_eq!(page["changes"].as_array().map(Vec::len), Some(4), "{page}");
    // A pin in the front matter wins.
    write(
        &dir.join("content/it/ferry.md"),
        &format!("---\nsource_commit: HEAD~1\n---\n{IT_V1}"),
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir, &["diff", "--locale", "it", "--format", "json"]))
            .expect("JSON");
    assert_eq!(json["pages"][0]["base"]["method"], "pin");
    assert_eq!(json["pages"][0]["changes"], serde_json::json!([]));
    let md = ok(dir, &["diff", "--locale", "it", "--format", "markdown"]);
    assert!(md.contains("### `content/it/ferry.md` since "), "{md}");
}

#[test]
fn check_reports_what_changed_since_the_base_as_stale() {
    let Some(tmp) = two_commits(&[("content/en/ferry.md", V1), ("content/it/ferry.md", IT_V1)])
    else {
        return;
    };
    let dir = tmp.path();
    let stale: Vec<(u64, u64, String)> = stale_findings(dir)
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap_or_default(),
                f["source_line"].as_u64().unwrap_or_default(),
                f["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    // The cosmetic change of line 3 is not stale; the price, the new
    // paragraph and the rewritten one are.
    assert_eq!(
        stale.iter().map(|(l, s, _)| (*l, *s)).collect::<Vec<_>>(),
        [(5, 5), (5, 7), (7, 9)],
        "{stale:?}"
    );
    assert!(stale[0].2.contains("factual (-12, +15)"), "{stale:?}");
}

#[test]
fn pins_are_bases_wherever_they_point_and_unknown_ones_are_reported() {
    let Some(tmp) = two_commits(&[("content/en/ferry.md", V1), ("content/en/other.md", V1)]) else {
        return;
    };
    let dir = tmp.path();
    // A commit that changes another page only.
    write(&dir.join("content/en/other.md"), V2);
    git(dir, &["commit", "-q", "-am", "third"]);
    write(
        &dir.join("content/it/ferry.md"),
        &format!("---\nsource_commit: HEAD\n---\n{IT_V1}"),
    );
    // A pin of the repository's head (as opentelemetry.io pins) is a base
    // like any other: the page is as it was then.
    let (code, out, err) = bitext(dir, &["diff", "--locale", "it", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("pin"), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["pages"][0]["base"]["method"], "pin");
    assert_eq!(json["pages"][0]["changes"], serde_json::json!([]));
    // An unknown commit: reported, and the history answers instead.
    write(
        &dir.join("content/it/ferry.md"),
        &format!("---\nsource_commit: 0123456789abcdef0123456789abcdef01234567\n---\n{IT_V1}"),
    );
    let (_, out, err) = bitext(dir, &["diff", "--locale", "it", "--format", "json"]);
    assert!(
        err.contains("names no commit of the source's history"),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["pages"][0]["base"]["method"], "history-match");
    let stale = stale_findings(dir);
    let pin = stale
        .iter()
        .find(|f| f["line"] == 2)
        .unwrap_or_else(|| panic!("a finding on the pin: {stale:?}"));
    assert_eq!(pin["severity"], "warning");
}

#[test]
fn status_gives_each_page_its_base_and_how_far_behind_it_is() {
    let Some(tmp) = two_commits(&[("content/en/ferry.md", V1), ("content/it/ferry.md", IT_V1)])
    else {
        return;
    };
    let dir = tmp.path();
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir, &["status", "--format", "json"])).expect("JSON");
    let page = &json["locales"]["it"]["pages"]["ferry"];
    assert_eq!(page["base"]["method"], "history-match", "{json}");
    assert_eq!(page["base"]["commit"].as_str().map(str::len), Some(40));
    assert_eq!(page["commits_behind"], 1, "{page}");
    assert_eq!(page["days_behind"], 0, "committed just now");
    let human = ok(dir, &["status"]);
    assert!(human.contains("behind"), "{human}");
}

#[test]
fn the_stale_policy_weighs_changes_by_class_and_age() {
    let Some(tmp) = two_commits(&[("content/en/ferry.md", V1), ("content/it/ferry.md", IT_V1)])
    else {
        return;
    };
    let dir = tmp.path();
    let stale = |config: &str| -> Vec<(u64, String)> {
        write(&dir.join("bitext.toml"), config);
        stale_findings(dir)
            .iter()
            .map(|f| {
                (
                    f["line"].as_u64().unwrap_or_default(),
                    f["severity"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    };
    // Factual changes block, rewrites and additions are ignored.
    let policy = "[check.stale]\nfactual = \"error\"\nrewrite = \"off\"\n";
    assert_eq!(stale(policy), [(5, "error".to_owned())]);
    // A change younger than `after_days` is only a warning.
    let young = format!("{policy}after_days = 30\n");
    assert_eq!(stale(&young), [(5, "warning".to_owned())]);
    let (code, _, _) = bitext(dir, &["check"]);
    assert_eq!(
        code, 0,
        "a young change does not fail the default --fail-on error"
    );
    let (code, _, err) = bitext(dir, &["check", "--fail-on", "warning"]);
    assert_eq!(code, 1, "it fails --fail-on warning: {err}");
    write(
        &dir.join("bitext.toml"),
        "[check.stale]\nfactual = \"urgent\"\n",
    );
    let (code, _, err) = bitext(dir, &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("check.stale.factual"), "{err}");
}

#[test]
fn a_shallow_clone_says_what_needs_the_history() {
    let Some(tmp) = two_commits(&[("content/en/ferry.md", V1), ("content/it/ferry.md", IT_V1)])
    else {
        return;
    };
    let clone = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", tmp.path().display());
    git(
        clone.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let dir = clone.path().join("shallow");
    let (code, _, err) = bitext(&dir, &["diff", "--locale", "it"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err.lines().filter(|l| l.contains("shallow clone")).count(),
        1,
        "{err}"
    );
    assert!(err.contains("fetch-depth: 0"), "{err}");
    // What needs no history still works: the source diff of the last commit
    // needs its parent, which the clone lacks, and says so.
    let (code, _, err) = bitext(&dir, &["diff"]);
    assert_eq!(code, 2);
    assert!(err.contains("fetch-depth: 0"), "{err}");
}
