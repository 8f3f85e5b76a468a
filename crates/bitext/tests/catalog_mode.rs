//! Catalog mode end to end on the real page of the motivating case, in a
//! temp dir: sync, translate a few messages, build, then move the source to
//! a later version and see stale messages, their diffs, and a build that
//! still succeeds.

use std::path::Path;

mod support;
use support::{bitext, git, ok, read, write};

#[test]
fn sync_translate_build_then_the_source_moves_on() {
    let Some(root) = corpus::root("catalog mode end-to-end test") else {
        return;
    };
    let version = |prefix: &str| corpus::history_version(&root, "en", prefix);
    let tmp = support::project(&[]);
    let dir = tmp.path();
    let source_041 = version("041-");
    write(&dir.join("content/en/messengers.md"), &source_041);

    ok(dir, &["sync"]);
    let source = catalog::parse(&read(&dir.join("locales/en/messengers.ftl"))).expect("parses");

    // A translator translates a few messages.
    fn translate(text: &str) -> Option<(&str, &'static str)> {
        Some(match text {
            "Signal" => ("Signal", "Signal"),
            t if t.starts_with("**Signal** is a mobile app") => (
                t,
                "**Signal** è un'app per dispositivi mobili sviluppata da Signal Messenger LLC.",
            ),
            "Homepage" => ("Homepage", "Pagina iniziale"),
            "Privacy Policy" => ("Privacy Policy", "Informativa sulla privacy"),
            _ => return None,
        })
    }
    // Besides those, every message whose text the later version no longer has
    // (edited or removed), so that the later version makes some stale.
    let source_043 = version("043-");
    let mut it = catalog::Catalog::default();
    for message in &source.messages {
        if !source_043.contains(&message.text) {
            it.messages.push(catalog::Message {
                id: message.id.clone(),
                text: format!("IT {}", message.text),
                source: Some(catalog::Fingerprint::of(&message.text)),
                ..catalog::Message::default()
            });
        } else if let Some((source_text, italian)) = translate(&message.text) {
            it.messages.push(catalog::Message {
                id: message.id.clone(),
                text: italian.to_owned(),
                source: Some(catalog::Fingerprint::of(source_text)),
                ..catalog::Message::default()
            });
        }
    }
    assert!(it.messages.len() >= 4, "found the messages to translate");
    write(&dir.join("locales/it/messengers.ftl"), &catalog::write(&it));
    ok(dir, &["sync"]);

    // Build: all five recommendation boxes, and the Italian text in place.
    ok(dir, &["build"]);
    let built = read(&dir.join("content/it/messengers.md"));
    assert_eq!(built.matches("!!! recommendation").count(), 5);
    assert!(built.contains("**Signal** è un'app per dispositivi mobili"));
    assert!(built.contains(":octicons-home-16: Pagina iniziale]"));
    assert!(built.contains("title=\"Informativa sulla privacy\""));
    assert_eq!(
        ok(dir, &["build", "--check"]),
        "0 pages out of date, 1 up to date\n",
        "a second build has nothing to do"
    );

    // The source moves on to a later version.
    write(&dir.join("content/en/messengers.md"), &source_043);
    ok(dir, &["sync"]);
    let status: serde_json::Value =
        serde_json::from_str(&ok(dir, &["status", "--format", "json"])).expect("JSON");
    let it_status = &status["locales"]["it"];
    let stale = it_status["stale"].as_u64().expect("a count");
    assert!(stale >= 1, "some messages went stale: {it_status}");
    assert_eq!(
        it_status["pages"]["messengers"]["stale"], it_status["stale"],
        "the page carries the same counts"
    );
    let pending: serde_json::Value =
        serde_json::from_str(&ok(dir, &["pending", "--locale", "it", "--format", "json"]))
            .expect("JSON");
    let stale_messages: Vec<&serde_json::Value> = pending["messages"]
        .as_array()
        .expect("a list")
        .iter()
        .filter(|m| m["status"] == "stale")
        .collect();
    assert_eq!(stale_messages.len() as u64, stale);
    for message in &stale_messages {
        assert!(message["previous"].is_string(), "{message}");
        let diff = message["diff"].as_array().expect("a diff");
        assert!(diff.iter().any(|c| c["kind"] != "equal"), "{message}");
        assert!(message["translation"].is_string(), "{message}");
    }
    check_po(dir);
    ok(dir, &["build"]);
    let rebuilt = read(&dir.join("content/it/messengers.md"));
    assert_eq!(rebuilt.matches("!!! recommendation").count(), 5);

    // A hand edit of a generated page is never overwritten without --force.
    write(
        &dir.join("content/it/messengers.md"),
        &format!("{rebuilt}\nA hand edit.\n"),
    );
    write(&dir.join("content/en/messengers.md"), &source_041);
    let (code, _, err) = bitext(dir, &["build"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("content/it/messengers.md was not generated by bitext or was edited since"),
        "{err}"
    );
    assert!(read(&dir.join("content/it/messengers.md")).ends_with("A hand edit.\n"));
    ok(dir, &["build", "--force"]);
    assert!(!read(&dir.join("content/it/messengers.md")).contains("A hand edit."));
}

#[test]
fn a_broken_catalog_stops_sync_before_anything_is_written() {
    let tmp = support::project(&[]);
    let dir = tmp.path();
    write(&dir.join("content/en/a.md"), "# Title\n\nOne paragraph.\n");
    write(
        &dir.join("content/en/b.md"),
        "# Other\n\nAnother paragraph.\n",
    );
    write(&dir.join("locales/it/b.ftl"), "ok = bene\nbroken = {\n");
    let (code, out, err) = bitext(dir, &["sync"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("locales/it/b.ftl:2: Expected"), "{err}");
    assert!(
        !dir.join("locales/en/a.ftl").exists(),
        "nothing was written"
    );
}

#[test]
fn an_empty_catalog_builds_to_the_source_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    let source = "---\ntitle: Hello\n---\n\n# Title\r\n\n!!! note \"Box\"\n\n    Body with `code`.\n\n- [Home](https://example.org){ .md-button title=\"Start\" }\n";
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\"]\n",
    );
    write(&dir.join("content/en/a.md"), source);
    write(&dir.join("locales/it/a.ftl"), "");
    ok(dir, &["sync"]);
    ok(dir, &["build"]);
    assert_eq!(read(&dir.join("content/it/a.md")), source);
}

/// `pending --format po` passes `msgfmt --check` (gettext is installed by
/// `.ci/run`; elsewhere the check is skipped when msgfmt is missing).
fn check_po(dir: &Path) {
    ok(
        dir,
        &["pending", "--locale", "it", "--format", "po", "-o", "it.po"],
    );
    let po = read(&dir.join("it.po"));
    assert!(
        po.contains("#, fuzzy\n#| msgid"),
        "stale messages are fuzzy with their previous msgid"
    );
    match std::process::Command::new("msgfmt")
        .args(["--check", "-o", "/dev/null", "it.po"])
        .current_dir(dir)
        .output()
    {
        Ok(result) => assert!(
            result.status.success(),
            "msgfmt --check failed:\n{}",
            String::from_utf8_lossy(&result.stderr)
        ),
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "msgfmt is needed in CI: {e}"
            );
            eprintln!("SKIPPED msgfmt --check: msgfmt not found ({e})");
        }
    }
}

#[test]
fn removed_segments_become_obsolete_until_prune() {
    let tmp = support::project(&[]);
    let dir = tmp.path();
    let page = dir.join("content/en/a.md");
    write(&page, "# Title\n\nKept paragraph.\n\nRemoved paragraph.\n");
    ok(dir, &["sync"]);
    write(
        &dir.join("locales/it/a.ftl"),
        "title-paragraph-1 = Paragrafo tenuto.\ntitle-paragraph-2 = Paragrafo tolto.\n",
    );
    ok(dir, &["sync"]);
    write(&page, "# Title\n\nKept paragraph.\n");
    let sync: serde_json::Value =
        serde_json::from_str(&ok(dir, &["sync", "--format", "json"])).expect("JSON");
    assert_eq!(sync["pages"][0]["locales"]["it"]["obsolete"], 1, "{sync}");
    let catalog = catalog::parse(&read(&dir.join("locales/it/a.ftl"))).expect("parses");
    assert_eq!(catalog.messages.len(), 1);
    assert_eq!(catalog.obsolete.len(), 1);
    assert_eq!(catalog.obsolete[0].text, "Paragrafo tolto.");
    let status: serde_json::Value =
        serde_json::from_str(&ok(dir, &["status", "--format", "json"])).expect("JSON");
    assert_eq!(status["locales"]["it"]["obsolete"], 1);

    // A second sync keeps it; --prune drops it, once.
    assert_eq!(
        ok(dir, &["sync"]).lines().last(),
        Some(
            "synced 1 page (0 new, 0 changed, 0 removed segments; translations: 0 newly stale, 0 newly obsolete, 0 pruned); wrote 0 catalogs"
        )
    );
    let sync: serde_json::Value =
        serde_json::from_str(&ok(dir, &["sync", "--prune", "--format", "json"])).expect("JSON");
    assert_eq!(sync["pages"][0]["locales"]["it"]["pruned"], 1, "{sync}");
    let catalog = catalog::parse(&read(&dir.join("locales/it/a.ftl"))).expect("parses");
    assert_eq!(catalog.obsolete, []);
    assert_eq!(catalog.messages[0].text, "Paragrafo tenuto.");
    let sync: serde_json::Value =
        serde_json::from_str(&ok(dir, &["sync", "--prune", "--format", "json"])).expect("JSON");
    assert_eq!(sync["pages"][0]["locales"]["it"]["pruned"], 0, "{sync}");
    assert_eq!(sync["written"], serde_json::json!([]));
}

#[test]
fn catalogs_record_the_commit_of_their_source_page() {
    let tmp = support::project(&[]);
    let dir = tmp.path();
    let page = dir.join("content/en/a.md");
    write(&page, "# Title\n\nA paragraph.\n");
    write(&dir.join("content/en/b.md"), "# Other\n");
    if !git(dir, &["init", "-q"]) {
        return;
    }
    git(dir, &["add", "content/en/a.md"]);
    git(dir, &["commit", "-q", "-m", "a"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "the rest"]);
    let a_commit = std::process::Command::new("git")
        .args(["log", "-1", "--format=%H", "--", "content/en/a.md"])
        .current_dir(dir)
        .output()
        .expect("git ran");
    let a_commit = String::from_utf8(a_commit.stdout).expect("UTF-8");
    write(&dir.join("locales/it/a.ftl"), "");
    ok(dir, &["sync"]);
    let source = catalog::parse(&read(&dir.join("locales/en/a.ftl"))).expect("parses");
    assert_eq!(source.revision.as_deref(), Some(a_commit.trim()));
    let target = catalog::parse(&read(&dir.join("locales/it/a.ftl"))).expect("parses");
    assert_eq!(
        target.revision, source.revision,
        "targets say which source they follow"
    );
    let b = catalog::parse(&read(&dir.join("locales/en/b.ftl"))).expect("parses");
    assert_ne!(b.revision, source.revision, "each page its own last commit");
    assert!(b.revision.is_some());

    // An edit not yet committed has no revision to record.
    write(&page, "# Title\n\nA changed paragraph.\n");
    ok(dir, &["sync"]);
    let source = catalog::parse(&read(&dir.join("locales/en/a.ftl"))).expect("parses");
    assert_eq!(source.revision, None);
}

/// Every file below `dir`, relative to it.
fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).expect("a folder") {
            let path = entry.expect("an entry").path();
            out.push(
                path.strip_prefix(dir)
                    .expect("inside")
                    .display()
                    .to_string(),
            );
            if path.is_dir() {
                pending.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_refused_build_leaves_the_tree_as_it_was() {
    let tmp = support::project(&[]);
    let dir = tmp.path();
    write(&dir.join("content/en/a.md"), "# A\n\nFirst page.\n");
    write(&dir.join("content/en/b.md"), "# B\n\nSecond page.\n");
    // Empty target catalogs: pages built with their source text.
    for page in ["a", "b", "sub/c"] {
        write(&dir.join(format!("locales/it/{page}.ftl")), "");
    }
    ok(dir, &["sync"]);
    ok(dir, &["build"]);
    let built_b = read(&dir.join("content/it/b.md"));
    // A hand edit of one page; another page changes; a new page in a new
    // folder. The build is refused as a whole: nothing moves, no temporary
    // file or folder is left.
    write(
        &dir.join("content/it/a.md"),
        &format!("{}\nA hand edit.\n", read(&dir.join("content/it/a.md"))),
    );
    write(
        &dir.join("content/en/b.md"),
        "# B\n\nSecond page, longer.\n",
    );
    write(&dir.join("content/en/sub/c.md"), "# C\n\nThird page.\n");
    ok(dir, &["sync"]);
    let before = tree(dir);
    let (code, _, err) = bitext(dir, &["build"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("content/it/a.md was not generated by bitext"),
        "{err}"
    );
    assert_eq!(tree(dir), before);
    assert_eq!(read(&dir.join("content/it/b.md")), built_b);
    // With --force every page is written, and no temporary file is left.
    ok(dir, &["build", "--force"]);
    assert_eq!(
        read(&dir.join("content/it/sub/c.md")),
        "# C\n\nThird page.\n"
    );
    assert!(read(&dir.join("content/it/b.md")).contains("longer"));
    let after = tree(dir);
    assert!(after.iter().all(|f| !f.ends_with(".tmp")), "{after:?}");
}
