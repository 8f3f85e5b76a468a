//! Staleness from source-commit pins, against ground truth computed with
//! git: the Hugo site (opentelemetry.io excerpt, `default_lang_commit`) in
//! one repository and MDN (`l10n.sourceCommit`) with its translations in a
//! repository of their own beside the source's, both replayed from the
//! corpus's history bundles into temp dirs; then two repositories made
//! here without pins (bases by date), and pages whose staleness cannot be
//! known (never silently current).

use std::path::Path;

mod support;
use support::{bitext, write};

/// Runs git in `dir`, with an identity of its own; false when git is missing.
fn git(dir: &Path, args: &[&str]) -> bool {
    std::process::Command::new("git")
        .args([
            "-c",
            "user.name=bitext",
            "-c",
            "user.email=bitext@example.org",
        ])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("a folder") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::create_dir_all(to).expect("create folder");
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// Compares `status --format json` with `pins.json`: for every pinned page
/// whose source still exists, the pinned commit as base, and `changed` and
/// `commits_behind` as git says. `page_of` gives the status key of an entry.
fn agrees(
    status: &serde_json::Value,
    pins: &serde_json::Value,
    page_of: &dyn Fn(&str) -> String,
) -> usize {
    let mut compared = 0;
    let mut wrong = Vec::new();
    for p in pins["pages"].as_array().expect("pages") {
        if p["replay_changed_since_pin"].is_null() {
            continue;
        }
        let locale = p["locale"].as_str().expect("a locale");
        let page = page_of(p["path"].as_str().expect("a path"));
        let entry = &status["locales"][locale]["pages"][&page];
        let expected = (
            "pin",
            p["replay_pin"].as_str(),
            p["replay_changed_since_pin"].as_bool(),
            p["replay_commits_since_pin"].as_u64(),
        );
        let found = (
            entry["base"]["method"].as_str().unwrap_or_default(),
            entry["base"]["commit"].as_str(),
            entry["changed"].as_bool(),
            entry["commits_behind"].as_u64(),
        );
        if found != expected {
            wrong.push(format!("{locale}/{page}: {found:?}, git says {expected:?}"));
        }
        compared += 1;
    }
    assert!(
        wrong.is_empty(),
        "{} of {compared} disagree:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    compared
}

/// The Hugo site replayed in `tmp/site`: the history bundle cloned, and
/// five locales' translations committed on top.
fn hugo_site(tmp: &Path, hugo: &Path) -> std::path::PathBuf {
    let site = tmp.join("site");
    assert!(
        git(
            tmp,
            &[
                "clone",
                "-q",
                &hugo.join("history.bundle").to_string_lossy(),
                "site"
            ]
        ),
        "git clone of the history bundle"
    );
    for locale in ["ja", "zh", "es", "fr", "pt"] {
        copy_dir(
            &hugo.join("site/content").join(locale),
            &site.join("content").join(locale),
        );
    }
    copy_dir(&hugo.join("site/config"), &site.join("config"));
    assert!(git(&site, &["add", "-A"]) && git(&site, &["commit", "-q", "-m", "translations"]));
    site
}

#[test]
fn hugo_pins_agree_with_git_on_every_page() {
    let Some(corpus) = corpus::root("hugo pins") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let hugo = corpus.join("hugo-otel");
    let site = hugo_site(tmp.path(), &hugo);
    let (code, out, err) = bitext(&site, &["status", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let status = json(&out);
    let pins = json(&corpus::read(&hugo.join("pins.json")));
    let compared = agrees(&status, &pins, &|path| {
        format!("docs/{}", path.trim_end_matches(".md"))
    });
    assert!(compared >= 260, "{compared} pages compared");
    // Pages marked as drifted say so.
    let drifted = status["locales"]
        .as_object()
        .expect("locales")
        .values()
        .flat_map(|l| l["pages"].as_object().expect("pages").values())
        .filter(|p| p["drifted_from_default"] == "true")
        .count();
    assert!(drifted > 0, "drifted_from_default is read");
    eprintln!("hugo-otel: {compared} pinned pages agree with git");
}

/// `bitext status --format json` in `site`, with `more` arguments; stdout
/// and stderr.
fn status(site: &Path, more: &[&str]) -> (String, String) {
    let args: Vec<&str> = ["status", "--format", "json"]
        .into_iter()
        .chain(more.iter().copied())
        .collect();
    let (code, out, err) = bitext(site, &args);
    assert_eq!(code, 0, "{err}");
    (out, err)
}

/// The counts of `-v`'s cache line: pages from the cache, pages in all.
fn from_cache(err: &str) -> (usize, usize) {
    let counts = err
        .lines()
        .find_map(|l| l.strip_prefix("cache: "))
        .and_then(|l| l.split_once(" translated"))
        .map(|(counts, _)| counts.to_owned())
        .unwrap_or_else(|| panic!("no cache line: {err}"));
    let (taken, of) = counts.split_once(" of ").expect("N of M");
    (
        taken.parse().expect("a number"),
        of.parse().expect("a number"),
    )
}

#[test]
fn a_warm_status_answers_as_a_cold_one_after_edits_and_commits() {
    let Some(corpus) = corpus::root("status cache") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let hugo = corpus.join("hugo-otel");
    let site = hugo_site(tmp.path(), &hugo);
    let cold = status(&site, &["--no-cache"]).0;
    assert!(!site.join(".bitext").exists(), "--no-cache writes nothing");
    let (first, err) = status(&site, &["-v"]);
    assert_eq!(first, cold);
    assert!(err.contains("cache: 0 of "), "{err}");
    assert!(site.join(".bitext/cache/status/ja.json").is_file());
    let (warm, err) = status(&site, &["-v"]);
    assert_eq!(warm, cold, "a warm run answers as a cold one");
    let (taken, of) = from_cache(&err);
    assert_eq!(taken, of, "every page from the cache: {err}");
    assert!(of > 300, "{err}");
    // A pin moved to another commit, a pin removed, a source page edited
    // and a translation gone, none of it committed: each answer again.
    let ja = site.join("content/ja/docs/concepts/_index.md");
    let text = std::fs::read_to_string(&ja).expect("a pinned page");
    let pinned = text
        .lines()
        .find(|l| l.starts_with("default_lang_commit:"))
        .expect("a pin")
        .to_owned();
    let older = std::process::Command::new("git")
        .args(["rev-list", "--max-count=1", "--skip=40", "HEAD"])
        .current_dir(&site)
        .output()
        .expect("git rev-list");
    let older = String::from_utf8_lossy(&older.stdout).trim().to_owned();
    assert_eq!(older.len(), 40, "an older commit");
    support::write(
        &ja,
        &text.replace(&pinned, &format!("default_lang_commit: {older}")),
    );
    let zh = site.join("content/zh/docs/concepts/_index.md");
    if let Ok(text) = std::fs::read_to_string(&zh) {
        let unpinned: String = text
            .lines()
            .filter(|l| !l.starts_with("default_lang_commit:"))
            .map(|l| format!("{l}\n"))
            .collect();
        support::write(&zh, &unpinned);
    }
    let source = site.join("content/en/docs/what-is-opentelemetry.md");
    let mut text = std::fs::read_to_string(&source).expect("a source page");
    text.push_str("\nOne more paragraph, added since.\n");
    support::write(&source, &text);
    std::fs::remove_file(site.join("content/es/docs/concepts/_index.md")).ok();
    let (edited, _) = status(&site, &[]);
    assert_ne!(edited, cold, "the edits change the answers");
    assert_eq!(edited, status(&site, &["--no-cache"]).0, "after edits");
    // The same committed: HEAD moves, and the answers of the pages the
    // commit did not touch still hold.
    assert!(git(&site, &["add", "-A"]) && git(&site, &["commit", "-q", "-m", "edits"]));
    let (committed, err) = status(&site, &["-v"]);
    assert_eq!(
        committed,
        status(&site, &["--no-cache"]).0,
        "after a commit"
    );
    let (taken, of) = from_cache(&err);
    assert!(
        taken > 0 && taken < of,
        "untouched pages from the cache: {err}"
    );
    // One more commit, of one translation only: every other answer holds.
    let fr = site.join("content/fr/docs/concepts/distributions.md");
    let mut text = std::fs::read_to_string(&fr).expect("a French page");
    text.push_str("\nUne phrase de plus.\n");
    support::write(&fr, &text);
    assert!(git(&site, &["commit", "-qam", "fr"]));
    let (one, err) = status(&site, &["-v"]);
    assert_eq!(
        one,
        status(&site, &["--no-cache"]).0,
        "after a second commit"
    );
    // Answers whose base is unknown, came with a pin problem or by date
    // are drawn again whenever the history moved; the others hold.
    let json = json(&one);
    let fragile = json["locales"]
        .as_object()
        .expect("locales")
        .values()
        .flat_map(|l| l["pages"].as_object().expect("pages").values())
        .filter(|p| {
            p.get("pin_problem").is_some_and(|v| !v.is_null())
                || p["base"]["method"] == "date"
                || (p.get("base").is_some() && p["base"]["method"].is_null())
        })
        .count();
    let (taken, of) = from_cache(&err);
    assert!(fragile > 0, "the corpus has pins with problems");
    assert_eq!(
        taken + 1 + fragile,
        of,
        "all but the French page and the fragile answers from the cache: {err}"
    );
    // A source page changed and changed back in two commits: its bytes
    // are those the answers were drawn from, but two more commits changed it.
    let source = site.join("content/en/docs/concepts/_index.md");
    let original = std::fs::read_to_string(&source).expect("a source page");
    support::write(&source, &format!("{original}\nA passing sentence.\n"));
    assert!(git(&site, &["commit", "-qam", "passing"]));
    support::write(&source, &original);
    assert!(git(&site, &["commit", "-qam", "gone again"]));
    let (back, _) = status(&site, &[]);
    assert_eq!(
        back,
        status(&site, &["--no-cache"]).0,
        "after a change undone"
    );
    assert_ne!(back, one, "two more commits behind");
    // A rewritten history (the last commit amended): nothing holds.
    text.push_str("\nEncore une.\n");
    support::write(&fr, &text);
    assert!(git(
        &site,
        &["commit", "-q", "-a", "--amend", "-m", "fr again"]
    ));
    let (amended, err) = status(&site, &["-v"]);
    assert_eq!(amended, status(&site, &["--no-cache"]).0, "after an amend");
    assert_eq!(from_cache(&err).0, 0, "{err}");
    let committed = amended;
    // A cache file that does not parse is drawn again, not trusted.
    support::write(&site.join(".bitext/cache/status/ja.json"), "{ not json");
    let (again, err) = status(&site, &["-v"]);
    assert_eq!(again, committed, "{err}");
}

#[test]
fn mdn_pins_into_another_repository_agree_with_git_on_every_page() {
    let Some(corpus) = corpus::root("mdn pins") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let mdn = corpus.join("mdn");
    assert!(
        git(
            tmp.path(),
            &[
                "clone",
                "-q",
                &mdn.join("history.bundle").to_string_lossy(),
                "content"
            ]
        ),
        "git clone of the history bundle"
    );
    let translations = tmp.path().join("translated-content");
    copy_dir(&mdn.join("site/translated-content"), &translations);
    write(
        &translations.join("bitext.toml"),
        "source_locale = \"en-us\"\n[paths]\nsource = \"../content/files/en-us/{path}/index.md\"\ntranslation = \"files/{locale}/{path}/index.md\"\n",
    );
    assert!(
        git(&translations, &["init", "-q"])
            && git(&translations, &["add", "-A"])
            && git(&translations, &["commit", "-q", "-m", "translations"])
    );
    let (code, out, err) = bitext(&translations, &["status", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let status = json(&out);
    let pins = json(&corpus::read(&mdn.join("pins.json")));
    let compared = agrees(&status, &pins, &|path| {
        let page = path.trim_end_matches("index.md").trim_end_matches('/');
        if page.is_empty() {
            "web/css".to_owned()
        } else {
            format!("web/css/{page}")
        }
    });
    assert!(compared >= 300, "{compared} pages compared");
    eprintln!("mdn: {compared} pinned pages agree with git");
}

/// Commits everything in `dir` at `date` (author and committer).
fn commit_at(dir: &Path, date: &str, message: &str) {
    assert!(git(dir, &["add", "-A"]));
    let ok = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=b",
            "-c",
            "user.email=b@example.org",
            "-c",
            "commit.gpgsign=false",
            "commit",
            "-q",
            "-m",
            message,
        ])
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "git commit");
}

#[test]
fn a_warm_check_after_commits_answers_as_a_cold_one() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    if !git(dir, &["init", "-q"]) {
        assert!(!corpus::in_ci(), "git is needed in CI");
        eprintln!("SKIPPED: no git");
        return;
    }
    let source = dir.join("docs/pumps.md");
    let first = "# Pumps\n\nA pump moves 40 litres a minute.\n\nIt runs on 12 volts.\n";
    write(
        &dir.join("bitext.toml"),
        "[paths]\nsource = \"docs/{path}.md\"\ntranslation = \"{locale}/{path}.md\"\n",
    );
    write(&source, first);
    write(
        &dir.join("it/pumps.md"),
        "# Pompe\n\nUna pompa sposta 40 litri al minuto.\n\nFunziona a 12 volt.\n",
    );
    commit_at(dir, "2025-01-01T10:00:00Z", "pumps");
    let changed = first.replace("40 litres", "45 litres");
    write(&source, &changed);
    commit_at(dir, "2025-03-01T10:00:00Z", "faster");
    let check = |more: &[&str]| {
        let args: Vec<&str> = ["check", "--format", "json"]
            .into_iter()
            .chain(more.iter().copied())
            .collect();
        let (_, out, err) = bitext(dir, &args);
        assert!(err.is_empty() || !err.contains("error:"), "{err}");
        out
    };
    let before = check(&[]);
    assert!(
        before.contains("days ago"),
        "a dated stale finding: {before}"
    );
    // The source changed again and back in two later commits: its bytes
    // are those the cached answer was drawn from; then the translation
    // follows in a commit of its own.
    write(&source, &first.replace("40 litres", "50 litres"));
    commit_at(dir, "2025-06-01T10:00:00Z", "faster still");
    write(&source, &changed);
    commit_at(dir, "2025-06-02T10:00:00Z", "back to 45");
    let warm = check(&[]);
    assert_eq!(warm, check(&["--no-cache"]), "warm after commits");
    write(
        &dir.join("it/pumps.md"),
        "# Pompe\n\nUna pompa sposta 45 litri al minuto.\n\nFunziona a 12 volt.\n",
    );
    commit_at(dir, "2025-06-03T10:00:00Z", "italian follows");
    let followed = check(&[]);
    assert_eq!(
        followed,
        check(&["--no-cache"]),
        "after the translation followed"
    );
    assert!(!followed.contains("days ago"), "current again: {followed}");
}

#[test]
fn translations_in_another_repository_without_pins_are_based_by_date() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (source, translations) = (tmp.path().join("source"), tmp.path().join("site"));
    let at = commit_at;
    std::fs::create_dir_all(&source).expect("create folder");
    std::fs::create_dir_all(&translations).expect("create folder");
    if !git(&source, &["init", "-q"]) || !git(&translations, &["init", "-q"]) {
        eprintln!("SKIPPED: no git");
        return;
    }
    write(
        &source.join("en/pumps.md"),
        "# Pumps\n\nA pump moves 40 litres a minute.\n",
    );
    at(&source, "2026-01-01T10:00:00Z", "first");
    write(
        &translations.join("bitext.toml"),
        "source_locale = \"en\"\n[paths]\nsource = \"../source/en/{path}.md\"\ntranslation = \"{locale}/{path}.md\"\n",
    );
    write(
        &translations.join("it/pumps.md"),
        "# Pompe\n\nUna pompa sposta 40 litri al minuto.\n",
    );
    at(&translations, "2026-01-02T10:00:00Z", "italian");
    // A hand-made page without catalog messages counts from the page: all
    // its segments translated while its source has not changed.
    let (code, out, err) = bitext(&translations, &["status", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let page = &json(&out)["locales"]["it"]["pages"]["pumps"];
    assert_eq!(page["counted_from"], "page", "{page}");
    assert_eq!(
        (page["total"].as_u64(), page["translated"].as_u64()),
        (Some(2), Some(2)),
        "{page}"
    );
    write(
        &source.join("en/pumps.md"),
        "# Pumps\n\nA pump moves 45 litres a minute.\n",
    );
    at(&source, "2026-01-03T10:00:00Z", "second");
    let (code, out, err) = bitext(&translations, &["status", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let page = &json(&out)["locales"]["it"]["pages"]["pumps"];
    assert_eq!(page["base"]["method"], "date", "{page}");
    assert_eq!(page["changed"], true, "{page}");
    assert_eq!(page["commits_behind"], 1, "{page}");
    // and the segment whose source changed stale once it has (the
    // paragraph's number; the heading did not change).
    assert_eq!(
        (page["stale"].as_u64(), page["translated"].as_u64()),
        (Some(1), Some(1)),
        "{page}"
    );
    // The diff from that base names the changed fact.
    let (_, out, err) = bitext(
        &translations,
        &["diff", "--locale", "it", "--format", "json"],
    );
    let diff = json(&out);
    assert_eq!(diff["pages"][0]["base"]["method"], "date", "{err}");
    let facts = &diff["pages"][0]["changes"][0]["facts"];
    assert_eq!(facts, &serde_json::json!(["-40", "+45"]), "{diff}");
}

#[test]
fn pages_whose_staleness_cannot_be_known_are_never_silently_current() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    if !git(dir, &["init", "-q"]) {
        eprintln!("SKIPPED: no git");
        return;
    }
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\", \"fr\"]\n[markdown]\ndialect = \"gfm\"\n",
    );
    write(
        &dir.join("content/en/pumps.md"),
        "# Pumps\n\nA pump moves 40 litres a minute.\n",
    );
    assert!(git(dir, &["add", "-A"]) && git(dir, &["commit", "-q", "-m", "source"]));
    // A pin that names no commit, and a translation never committed
    // whose source is in another repository is not the case here: the
    // history still answers for the second.
    write(
        &dir.join("content/it/pumps.md"),
        "---\nsource_commit: 0123456789abcdef0123456789abcdef01234567\n---\n\n# Pompe\n\nUna pompa sposta 40 litri al minuto.\n",
    );
    let (_, out, err) = bitext(dir, &["status", "--format", "json"]);
    let page = &json(&out)["locales"]["it"]["pages"]["pumps"];
    assert_eq!(page["pin_problem"]["line"], 2, "{page}");
    assert!(
        err.contains("names no commit of the source's history"),
        "{err}"
    );
    // A source never committed: unknown, with the reason, in status and check.
    write(
        &dir.join("content/en/valves.md"),
        "# Valves\n\nTwo valves per pump.\n",
    );
    write(
        &dir.join("content/fr/valves.md"),
        "# Vannes\n\nDeux vannes par pompe.\n",
    );
    let (_, out, _) = bitext(dir, &["status", "--format", "json"]);
    let page = &json(&out)["locales"]["fr"]["pages"]["valves"];
    assert_eq!(page["base"]["method"], "unknown", "{page}");
    assert!(
        page["base"]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("never been committed")),
        "{page}"
    );
    let (code, out, _) = bitext(
        dir,
        &[
            "check",
            "--locale",
            "fr",
            "--format",
            "json",
            "--fail-on",
            "warning",
        ],
    );
    let report = json(&out);
    let unknown: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["check"] == "stale-unknown")
        .collect();
    assert_eq!(unknown.len(), 1, "{report}");
    assert_eq!(unknown[0]["severity"], "warning");
    assert_eq!(code, 1, "a warning fails under --fail-on warning");
    // A shallow clone of a repository whose pins lie beyond its history.
    let deep = tempfile::tempdir().expect("temp dir");
    let origin = deep.path().join("origin");
    std::fs::create_dir_all(&origin).expect("create folder");
    assert!(git(&origin, &["init", "-q"]));
    write(
        &origin.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\"]\n[markdown]\ndialect = \"gfm\"\n",
    );
    write(&origin.join("content/en/pumps.md"), "# Pumps\n\nOne.\n");
    assert!(git(&origin, &["add", "-A"]) && git(&origin, &["commit", "-q", "-m", "one"]));
    let first = String::from_utf8(
        std::process::Command::new("git")
            .args(["rev-parse", "HEAD"])
            .current_dir(&origin)
            .output()
            .expect("git")
            .stdout,
    )
    .expect("UTF-8");
    for n in ["Two", "Three"] {
        write(
            &origin.join("content/en/pumps.md"),
            &format!("# Pumps\n\n{n}.\n"),
        );
        assert!(git(&origin, &["commit", "-q", "-am", n]));
    }
    write(
        &origin.join("content/it/pumps.md"),
        &format!(
            "---\nsource_commit: {}\n---\n\n# Pompe\n\nUna.\n",
            first.trim()
        ),
    );
    assert!(git(&origin, &["add", "-A"]) && git(&origin, &["commit", "-q", "-m", "italian"]));
    let url = format!("file://{}", origin.display());
    assert!(git(
        deep.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"]
    ));
    let shallow = deep.path().join("shallow");
    let (_, out, err) = bitext(&shallow, &["status", "--format", "json"]);
    assert!(err.contains("shallow clone"), "{err}");
    let page = &json(&out)["locales"]["it"]["pages"]["pumps"];
    assert!(
        page["pin_problem"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("shallow clone")),
        "{page}"
    );
    assert_ne!(page["base"]["method"], "pin", "{page}");
}
