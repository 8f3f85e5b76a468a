//! `bitext check` on the seed page of the motivating case: the Italian
//! export (history `it/001`) against the English version it was made from
//! (`en/041`), in a temp project with the site's other translations of the
//! page (for learning names). Corpus files are copied unchanged.

use std::path::Path;

use expect_test::expect;

mod support;
use support::{bitext, write};

/// A project holding the seed page and the site's other translations of it.
fn seed_project(corpus: &Path) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    // Spelling depends on the dictionaries installed: tested on its own.
    write(
        &dir.join("bitext.toml"),
        "[check.severity]\nspelling = \"off\"\n",
    );
    let page = "content/{l}/real-time-communication.md";
    write(
        &dir.join(page.replace("{l}", "en")),
        &corpus::history_version(corpus, "en", "041-"),
    );
    write(
        &dir.join(page.replace("{l}", "it")),
        &corpus::history_version(corpus, "it", "001-"),
    );
    for locale in ["fr", "de", "es", "nl", "pt", "ru", "pl"] {
        let other = corpus
            .join("privacyguides")
            .join(locale)
            .join("real-time-communication.md");
        write(
            &dir.join(page.replace("{l}", locale)),
            &corpus::read(&other),
        );
    }
    tmp
}

#[test]
fn the_seed_page_is_caught_and_explained() {
    let Some(corpus) = corpus::root("seed page check test") else {
        return;
    };
    let tmp = seed_project(&corpus);
    let dir = tmp.path();

    let (code, out, err) = bitext(dir, &["check", "--locale", "it", "--format", "json"]);
    assert_eq!(code, 1, "errors fail the check: {err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let findings = json["findings"].as_array().expect("a list");
    let at = |check: &str, line: u64| {
        findings
            .iter()
            .find(|f| f["check"] == check && f["line"] == line)
            .unwrap_or_else(|| panic!("no {check} finding at line {line}: {out}"))
    };
    // The three lost boxes, each with the source's container line, and the
    // sentence glued in its place pointing at the paragraph it was copied
    // from: Signal's audit, Element's group calls, Session's closed groups
    // of up to 100 members.
    for (line, copied_from) in [(12, 37), (45, 70), (76, 123)] {
        let structure = at("structure", line);
        assert_eq!(structure["source_line"], line, "{structure}");
        assert_eq!(structure["severity"], "error");
        let misplaced = at("misplaced", line);
        assert_eq!(misplaced["related"][0]["line"], copied_from, "{misplaced}");
        assert_eq!(
            misplaced["related"][0]["path"],
            "content/en/real-time-communication.md"
        );
    }
    assert!(
        at("misplaced", 76)["message"]
            .as_str()
            .is_some_and(|m| m.contains("under “Session”") && m.contains("100"))
    );
    // The two Briar download links the translation lost.
    let links: Vec<u64> = findings
        .iter()
        .filter(|f| f["check"] == "links")
        .filter_map(|f| f["source_line"].as_u64())
        .collect();
    assert_eq!(links, [148, 149]);
    // The lost boxes are errors; the copied sentences warnings (misplaced
    // findings were 83% true in the labelled set, below the 95% of errors).
    assert_eq!(json["summary"]["errors"], 3);
    assert_eq!(at("misplaced", 12)["severity"], "warning");

    // JSON: the findings' shape, without the corpus's text.
    let shape: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{} {} {}:{} source {}:{} related {}",
                f["severity"].as_str().unwrap_or("?"),
                f["check"].as_str().unwrap_or("?"),
                f["path"].as_str().unwrap_or("?"),
                f["line"],
                f["source_path"].as_str().unwrap_or("?"),
                f["source_line"],
                f["related"]
                    .as_array()
                    .map(|r| r
                        .iter()
                        .map(|x| format!("{}:{}", x["path"].as_str().unwrap_or("?"), x["line"]))
                        .collect::<Vec<_>>()
                        .join(" "))
                    .unwrap_or_default()
            )
        })
        .collect();
    expect![[r#"
        error structure content/it/real-time-communication.md:12 source content/en/real-time-communication.md:12 related 
        warning misplaced content/it/real-time-communication.md:12 source content/en/real-time-communication.md:37 related content/en/real-time-communication.md:37 content/it/real-time-communication.md:37
        error structure content/it/real-time-communication.md:45 source content/en/real-time-communication.md:45 related 
        warning misplaced content/it/real-time-communication.md:45 source content/en/real-time-communication.md:70 related content/en/real-time-communication.md:70 content/it/real-time-communication.md:70
        error structure content/it/real-time-communication.md:76 source content/en/real-time-communication.md:76 related 
        warning misplaced content/it/real-time-communication.md:76 source content/en/real-time-communication.md:123 related content/en/real-time-communication.md:123 content/it/real-time-communication.md:123
        warning links content/it/real-time-communication.md:147 source content/en/real-time-communication.md:148 related 
        warning links content/it/real-time-communication.md:147 source content/en/real-time-communication.md:149 related "#]].assert_eq(&shape.join("\n"));

    // Human: each finding's headline and place (the quoted lines are the
    // corpus's text and stay out of the snapshot).
    let (code, out, _) = bitext(dir, &["check", "--locale", "it"]);
    assert_eq!(code, 1);
    let headlines: Vec<&str> = out
        .lines()
        .filter(|l| {
            l.starts_with("error[")
                || l.starts_with("warning[")
                || l.trim_start().starts_with("-->")
                || l.starts_with("check ")
        })
        .collect();
    expect![[r#"
        error[structure]: a container line is missing or glued to the end of line 12 (`!!! recommendation` at source line 12): the indented block at lines 14–33 below it reads as code; its text was aligned as the Markdown it was meant to be
          --> content/it/real-time-communication.md:12
        warning[misplaced]: this paragraph says what the source's paragraph at line 37 (under “Signal”) says (facts 2016, https://eprint.iacr.org/2016/1013.pdf), but nothing of the source is at its place
          --> content/it/real-time-communication.md:12
        error[structure]: a container line is missing or glued to the end of line 45 (`!!! recommendation` at source line 45): the indented block at lines 47–66 below it reads as code; its text was aligned as the Markdown it was meant to be
          --> content/it/real-time-communication.md:45
        warning[misplaced]: this paragraph says what the source's paragraph at line 70 (under “Element”) says (facts https://github.com/matrix-org/matrix-doc/pull/3401, https://github.com/vector-im/element-web/issues/12878, Jitsi, Native, Signalling, VoIP), but nothing of the source is at its place
          --> content/it/real-time-communication.md:45
        error[structure]: a container line is missing or glued to the end of line 76 (`!!! recommendation` at source line 76): the indented block at lines 78–91 below it reads as code; its text was aligned as the Markdown it was meant to be
          --> content/it/real-time-communication.md:76
        warning[misplaced]: this paragraph says what the source's paragraph at line 123 (under “Session”) says (facts 100, Session), but nothing of the source is at its place
           --> content/it/real-time-communication.md:76
        warning[links]: the source's link `Windows` (line 148) is missing after this line
           --> content/it/real-time-communication.md:147
        warning[links]: the source's link `Linux` (line 149) is missing after this line
           --> content/it/real-time-communication.md:147
        check failed: 8 findings in 1 page of 1 locale (3 errors, 5 warnings)"#]].assert_eq(&headlines.join("\n"));
}

#[test]
fn human_output_groups_findings_by_page_worst_first_with_a_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\"]\n[markdown]\ndialect = \"gfm\"\n[check.severity]\nspelling = \"off\"\n",
    );
    write(
        &dir.join("content/en/a.md"),
        "# Pumps\n\nA pump moves 40 litres a minute.\n\nA valve opens at 3 bar.\n\nThe tank holds 900 litres.\n",
    );
    write(
        &dir.join("content/it/a.md"),
        "# Pompe\n\nUna pompa sposta 41 litri al minuto.\n\nUna valvola si apre a 4 bar.\n\nIl serbatoio contiene 901 litri.\n",
    );
    write(
        &dir.join("content/en/b.md"),
        "# Valves\n\nA valve has 2 seals.\n",
    );
    write(
        &dir.join("content/it/b.md"),
        "# Valvole\n\nUna valvola ha 3 guarnizioni.\n",
    );
    // Numbers are warnings (PRECISION.md): they fail only when asked.
    let (code, _, _) = bitext(dir, &["check"]);
    assert_eq!(code, 0);
    let (code, out, err) = bitext(dir, &["check", "--limit", "2", "--fail-on", "warning"]);
    assert_eq!(code, 1, "{err}");
    let a = out.find("── content/it/a.md (it): 3 warnings").expect(&out);
    let b = out.find("── content/it/b.md (it): 1 warning").expect(&out);
    assert!(a < b, "the worst page first:\n{out}");
    assert!(
        out.contains("… and 1 more finding on this page (--limit 2)"),
        "{out}"
    );
    assert!(
        out.contains("it: 4 findings on 2 pages with findings (4 warnings)"),
        "{out}"
    );
}

#[test]
fn page_globs_choose_pages_and_one_that_matches_nothing_is_an_error() {
    let tmp = support::project(&[
        (
            "content/en/guide/install.md",
            "# Install\n\nRun the 40 second installer.\n",
        ),
        (
            "content/en/guide/deep/tune.md",
            "# Tune\n\nSet the pump to 7 bar.\n",
        ),
        ("content/en/faq.md", "# FAQ\n\nThe pump holds 3 litres.\n"),
        (
            "content/it/guide/install.md",
            "# Installa\n\nEsegui l'installatore di 45 secondi.\n",
        ),
        (
            "content/it/guide/deep/tune.md",
            "# Regola\n\nPorta la pompa a 8 bar.\n",
        ),
        ("content/it/faq.md", "# FAQ\n\nLa pompa contiene 4 litri.\n"),
    ]);
    let dir = tmp.path();
    let paths = |glob: &str| -> Vec<String> {
        let (_, out, err) = bitext(dir, &["check", "--page", glob, "--format", "json"]);
        let json: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        let mut paths: Vec<String> = json["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["path"].as_str().unwrap_or_default().to_owned())
            .collect();
        paths.dedup();
        paths
    };
    // `*` crosses folders; braces choose.
    assert_eq!(
        paths("guide/*"),
        [
            "content/it/guide/deep/tune.md",
            "content/it/guide/install.md"
        ]
    );
    assert_eq!(
        paths("{faq,guide/deep/*}"),
        ["content/it/faq.md", "content/it/guide/deep/tune.md"]
    );
    for glob in ["nope/*", "guide/[a"] {
        let (code, out, err) = bitext(dir, &["check", "--page", glob]);
        assert_eq!(code, 2, "{glob}: {out}{err}");
        assert!(err.contains(&format!("--page `{glob}`")), "{err}");
    }
    let (code, _, err) = bitext(dir, &["pending", "--locale", "it", "--page", "nope"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn changed_since_checks_only_the_pages_a_change_touches() {
    // Three pages, each Italian translation with a wrong number.
    let mut files = Vec::new();
    for name in ["alpha", "beta", "gamma"] {
        files.push((
            format!("content/en/{name}.md"),
            format!("# {name}\n\nThe {name} pump moves 40 litres a minute.\n"),
        ));
        files.push((
            format!("content/it/{name}.md"),
            format!("# {name}\n\nLa pompa {name} sposta 45 litri al minuto.\n"),
        ));
    }
    let pages: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let tmp = support::project(&pages);
    let dir = tmp.path();
    if !support::committed_repository(dir, "pages") {
        return;
    }
    // A pull request edits the English alpha and the Italian beta.
    write(
        &dir.join("content/en/alpha.md"),
        "# alpha\n\nThe alpha pump moves 40 litres a minute, quietly.\n",
    );
    write(
        &dir.join("content/it/beta.md"),
        "# beta\n\nLa pompa beta sposta 46 litri al minuto.\n",
    );
    let pages_checked = |args: &[&str]| -> (u64, Vec<String>) {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        let (_, out, err) = bitext(dir, &all);
        let json: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        let mut paths: Vec<String> = json["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["path"].as_str().unwrap_or_default().to_owned())
            .collect();
        paths.sort();
        paths.dedup();
        (json["summary"]["pages"].as_u64().unwrap_or(0), paths)
    };
    assert_eq!(pages_checked(&[]).0, 3);
    let (pages, paths) = pages_checked(&["--changed-since", "HEAD"]);
    assert_eq!(pages, 2);
    assert_eq!(paths, ["content/it/alpha.md", "content/it/beta.md"]);
    // Committed, the same revision range names the same pages.
    support::git(dir, &["commit", "-q", "-am", "the pull request"]);
    assert_eq!(pages_checked(&["--changed-since", "HEAD~1"]).0, 2);
    assert_eq!(pages_checked(&["--changed-since", "HEAD"]).0, 0);
    let (code, _, err) = bitext(dir, &["check", "--changed-since", "no-such-branch"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no-such-branch"), "{err}");
}

#[test]
fn a_warm_check_prints_what_a_cold_one_prints() {
    let tmp = support::project(&[
        (
            "content/en/alpha.md",
            "# Alpha\n\nThe alpha pump moves 40 litres a minute.\n\nIt runs on Signal.\n",
        ),
        (
            "content/it/alpha.md",
            "# Alpha\n\nLa pompa alpha sposta 45 litri al minuto.\n\nFunziona con Signal.\n",
        ),
        (
            "content/en/beta.md",
            "# Beta\n\nThe beta pump moves 10 litres a minute.\n",
        ),
        (
            "content/it/beta.md",
            "# Beta\n\nLa pompa beta sposta 10 litri al minuto.\n",
        ),
    ]);
    let dir = tmp.path();
    let cache = dir.join(".bitext/cache");
    // Without the cache, nothing is written.
    let (_, cold, _) = bitext(dir, &["check", "--format", "json", "--no-cache"]);
    assert!(!cache.exists(), "--no-cache wrote the cache");
    let (_, first, _) = bitext(dir, &["check", "--format", "json"]);
    assert_eq!(first, cold);
    assert!(cache.join("check/it.json").is_file());
    assert!(
        cache.join(".gitignore").is_file(),
        "the cache is not ignored by git"
    );
    for format in ["json", "human", "sarif", "github", "junit"] {
        let (code_warm, warm, _) = bitext(dir, &["check", "--format", format]);
        let (code_cold, cold, _) = bitext(dir, &["check", "--format", format, "--no-cache"]);
        assert_eq!((code_warm, &warm), (code_cold, &cold), "{format}");
    }
    // In a repository: staleness found from history, warm as cold.
    if !support::committed_repository(dir, "pages") {
        return;
    }
    // The translation pins the source commit it was made from.
    let head = std::process::Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(dir)
        .output()
        .expect("git rev-parse");
    let head = String::from_utf8_lossy(&head.stdout).trim().to_owned();
    write(
        &dir.join("content/it/alpha.md"),
        &format!(
            "---\nsource_commit: {head}\n---\n\n# Alpha\n\nLa pompa alpha sposta 45 litri al minuto.\n\nFunziona con Signal.\n"
        ),
    );
    write(
        &dir.join("content/en/alpha.md"),
        "# Alpha\n\nThe alpha pump moves 50 litres a minute.\n\nIt runs on Signal.\n",
    );
    support::git(dir, &["commit", "-q", "-am", "more litres"]);
    let (_, first, _) = bitext(dir, &["check", "--format", "json"]);
    assert!(first.contains("\"stale\""), "{first}");
    let (_, warm, _) = bitext(dir, &["check", "--format", "json"]);
    let (_, cold, _) = bitext(dir, &["check", "--format", "json", "--no-cache"]);
    assert_eq!(warm, cold);
    assert_eq!(first, cold);
    // An edited translation, and a cache folder set in bitext.toml.
    write(
        &dir.join("content/it/beta.md"),
        "# Beta\n\nLa pompa beta sposta 12 litri al minuto.\n",
    );
    let (_, warm, _) = bitext(dir, &["check", "--format", "json"]);
    let (_, cold, _) = bitext(dir, &["check", "--format", "json", "--no-cache"]);
    assert_eq!(warm, cold);
    assert!(warm.contains("12"), "{warm}");
    write(&dir.join("bitext.toml"), "[cache]\ndir = \"build/cache\"\n");
    let (_, warm, _) = bitext(dir, &["check", "--format", "json"]);
    assert_eq!(warm, cold);
    assert!(dir.join("build/cache/check/it.json").is_file());
    write(
        &dir.join("bitext.toml"),
        "[cache]\ndir = \"../elsewhere\"\n",
    );
    let (code, _, err) = bitext(dir, &["check"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cache.dir"), "{err}");
}

#[test]
fn what_the_source_changed_since_the_translation_is_stale_not_a_fault_of_the_translation() {
    let tmp = support::project(&[
        (
            "content/en/pump.md",
            "# Pump\n\nThe pump moves 40 litres a minute.\n\nIts filter holds 12 grams: see [the manual](https://example.org/manual).\n",
        ),
        (
            "content/it/pump.md",
            "# Pompa\n\nLa pompa sposta 40 litri al minuto.\n\nIl suo filtro trattiene 12 grammi: vedi il manuale.\n",
        ),
    ]);
    let dir = tmp.path();
    if !support::committed_repository(dir, "pump and its translation") {
        return;
    }
    // The source moves on: a new figure and a new box the translation
    // cannot have yet.
    write(
        &dir.join("content/en/pump.md"),
        "# Pump\n\nThe pump moves 50 litres a minute.\n\n!!! warning\n\n    Never run it dry.\n\nIts filter holds 12 grams: see [the manual](https://example.org/manual).\n",
    );
    support::git(dir, &["commit", "-q", "-am", "faster pump"]);
    let (_, out, err) = bitext(dir, &["check", "--format", "json", "--no-cache"]);
    let json: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let findings: Vec<(String, u64, String)> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["check"].as_str().unwrap_or_default().to_owned(),
                f["source_line"].as_u64().unwrap_or(0),
                f["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    // The changed figure and the added box are stale, once each.
    assert!(
        findings
            .iter()
            .any(|(c, l, m)| c == "stale" && *l == 3 && m.contains("modified")),
        "{findings:#?}"
    );
    assert!(
        findings.iter().any(|(c, l, _)| c == "stale" && *l == 7),
        "{findings:#?}"
    );
    // Not also a wrong number or a lost box of the translation.
    assert!(
        !findings
            .iter()
            .any(|(c, l, _)| c != "stale" && (3..=7).contains(l)),
        "{findings:#?}"
    );
    // The translator's own slip, on a line the source did not change, stands.
    assert!(
        findings
            .iter()
            .any(|(c, l, m)| c == "links" && *l == 9 && m.contains("example.org/manual")),
        "{findings:#?}"
    );
    // A project that turns stale findings off sees the changed figure as
    // the numbers check does.
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\"]\n[check.severity]\nstale = \"off\"\n",
    );
    let (_, out, err) = bitext(dir, &["check", "--format", "json", "--no-cache"]);
    let json: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let numbers_at_3 = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .any(|f| f["check"] == "numbers" && f["source_line"] == 3);
    assert!(numbers_at_3, "{json:#}");
}
