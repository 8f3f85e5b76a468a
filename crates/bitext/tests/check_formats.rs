//! `bitext check` on a small site of our own: severities and waivers from
//! bitext.toml and from the page, the baseline, SARIF and JUnit output.

use std::path::Path;

mod support;
use support::{bitext, write};

const EN: &str = "# Ferry times\n\nThe first ferry leaves at 6:40 from pier 3.\n\nTickets cost 12 euros; see the [fares](https://example.org/fares).\n\n!!! note \"Winter\"\n\n    No ferry runs on Sundays between November and March.\n";

/// Three problems: a wrong price, a changed link, a lost box line.
const IT: &str = "# Orari dei traghetti\n\nIl primo traghetto parte alle 6:40 dal molo 3.\n\nI biglietti costano 21 euro; vedi le [tariffe](https://example.org/prezzi).\n\n    La domenica non parte nessun traghetto tra novembre e marzo.\n";

fn site(config: &str, it: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write(
        &dir.join("bitext.toml"),
        &format!("source_locale = \"en\"\nlocales = [\"it\"]\n{config}"),
    );
    write(&dir.join("content/en/ferry.md"), EN);
    write(&dir.join("content/it/ferry.md"), it);
    tmp
}

fn checks(dir: &Path, args: &[&str]) -> (u8, Vec<(String, String, u64)>) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = bitext(dir, &all);
    let json: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    let found = json["findings"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|f| {
            (
                f["check"].as_str().unwrap_or_default().to_owned(),
                f["severity"].as_str().unwrap_or_default().to_owned(),
                f["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    (code, found)
}

fn owned(list: &[(&str, &str, u64)]) -> Vec<(String, String, u64)> {
    list.iter()
        .map(|&(c, s, l)| (c.to_owned(), s.to_owned(), l))
        .collect()
}

#[test]
fn severities_and_waivers_come_from_the_config_and_the_page() {
    let tmp = site("", IT);
    let (code, found) = checks(tmp.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        owned(&[
            ("structure", "error", 5),
            ("numbers", "warning", 5),
            ("links", "warning", 5)
        ])
    );

    // Numbers are errors but only warn in Italian, links are off, the box is waived.
    let config = "[check.severity]\nlinks = \"off\"\nnumbers = \"error\"\n[check.locale.it]\nnumbers = \"warning\"\n[[check.waive]]\ncheck = \"structure\"\npage = \"ferry\"\nreason = \"the box is rebuilt by the theme\"\n";
    let tmp = site(config, IT);
    let (code, found) = checks(tmp.path(), &[]);
    assert_eq!(code, 0, "warnings do not fail by default");
    assert_eq!(found, owned(&[("numbers", "warning", 5)]));
    let (code, _) = checks(tmp.path(), &["--fail-on", "warning"]);
    assert_eq!(code, 1);

    // A waiver in the page, with a reason, on the line above.
    let waived = IT.replace(
        "I biglietti",
        "<!-- bitext-ignore numbers, links: prices differ in Italy -->\nI biglietti",
    );
    let tmp = site("", &waived);
    let (_, found) = checks(tmp.path(), &[]);
    assert_eq!(found, owned(&[("structure", "error", 6)]));
    // Without a reason it is not a waiver.
    let unexplained = IT.replace(
        "I biglietti",
        "<!-- bitext-ignore numbers: -->\nI biglietti",
    );
    let tmp = site("", &unexplained);
    let (_, found) = checks(tmp.path(), &[]);
    assert!(found.iter().any(|(c, _, _)| c == "numbers"), "{found:?}");

    // Config mistakes are errors that name the key.
    let tmp = site("[check.severity]\ngrammar = \"off\"\n", IT);
    let (code, _, err) = bitext(tmp.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("check.severity") && err.contains("grammar"),
        "{err}"
    );
    // A spelling finding is never an error.
    let tmp = site("[check.severity]\nspelling = \"error\"\n", IT);
    let (code, _, err) = bitext(tmp.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("check.severity.spelling"), "{err}");
    let tmp = site("[check.severity]\nnumbers = \"fatal\"\n", IT);
    let (code, _, err) = bitext(tmp.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("use error, warning, info or off"), "{err}");
}

#[test]
fn hints_are_off_unless_the_project_turns_them_on() {
    // Emphasis added, which languages use differently: no finding by default.
    let emphasised = IT.replace("Il primo traghetto", "Il **primo** traghetto");
    let tmp = site("", &emphasised);
    let (_, found) = checks(tmp.path(), &[]);
    assert!(!found.iter().any(|(c, _, _)| c == "emphasis"), "{found:?}");
    let tmp = site("[check.severity]\nemphasis = \"info\"\n", &emphasised);
    let (_, found) = checks(tmp.path(), &[]);
    assert!(
        found.contains(&("emphasis".to_owned(), "info".to_owned(), 3)),
        "{found:?}"
    );
    let (code, out, _) = bitext(tmp.path(), &["check", "--explain", "emphasis"]);
    assert_eq!(code, 0);
    assert!(out.contains("default severity: off"), "{out}");
}

#[test]
fn a_baseline_keeps_only_new_findings() {
    let tmp = site("", IT);
    let dir = tmp.path();
    let (_, out, _) = bitext(dir, &["check", "--format", "json"]);
    write(&dir.join("base.json"), &out);
    let (code, found) = checks(dir, &["--baseline", "base.json"]);
    assert_eq!((code, found), (0, Vec::new()));
    // A new mistake above moves the lines; only it is new.
    write(
        &dir.join("content/it/ferry.md"),
        &IT.replace("alle 6:40 dal molo 3", "alle 6:40 dal molo 8"),
    );
    let (code, found) = checks(dir, &["--baseline", "base.json", "--fail-on", "warning"]);
    assert_eq!((code, found), (1, owned(&[("numbers", "warning", 3)])));
    write(&dir.join("bad.json"), "{\"findings\": 3}");
    let (code, _, err) = bitext(dir, &["check", "--baseline", "bad.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("bad.json"), "{err}");
}

#[test]
fn sarif_and_junit_for_ci() {
    let tmp = site("", IT);
    let dir = tmp.path();
    let (code, out, _) = bitext(dir, &["check", "--format", "sarif"]);
    assert_eq!(code, 1);
    let sarif: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "bitext");
    assert_eq!(
        run["tool"]["driver"]["rules"].as_array().map(Vec::len),
        Some(project::Check::ALL.len()),
        "a rule per check"
    );
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 3);
    let numbers = results
        .iter()
        .find(|r| r["ruleId"] == "numbers")
        .expect("numbers");
    assert_eq!(numbers["level"], "warning");
    assert_eq!(
        numbers["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "content/it/ferry.md"
    );
    assert_eq!(
        numbers["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
    let fingerprint = numbers["partialFingerprints"]["bitextFinding/v1"].clone();
    // The fingerprint survives an edit elsewhere on the page.
    write(
        &dir.join("content/it/ferry.md"),
        &IT.replace(
            "# Orari dei traghetti\n",
            "# Orari dei traghetti\n\nAggiornato.\n",
        ),
    );
    let (_, out, _) = bitext(dir, &["check", "--format", "sarif"]);
    let again: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let moved = again["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == "numbers")
        .expect("numbers")
        .clone();
    assert_eq!(
        moved["partialFingerprints"]["bitextFinding/v1"],
        fingerprint
    );
    assert_eq!(
        moved["locations"][0]["physicalLocation"]["region"]["startLine"],
        7
    );

    if let Some(problems) = support::sarif_problems(dir, &out) {
        assert!(problems.is_empty(), "SARIF 2.1.0 schema: {problems}");
    }

    let (code, out, _) = bitext(dir, &["check", "--format", "junit"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("<?xml"), "{out}");
    assert!(
        out.contains("<testsuite name=\"it\" tests=\"1\"") && out.contains("failures=\"1\""),
        "{out}"
    );
    assert!(
        out.contains("content/it/ferry.md:7: warning[numbers]"),
        "{out}"
    );
    if let Some(problems) = support::junit_problems(dir, &out) {
        assert!(problems.is_empty(), "junit-10.xsd: {problems}");
    }
}

#[test]
fn a_glossary_term_must_be_translated_as_the_glossary_says() {
    let tmp = site("", IT);
    let dir = tmp.path();
    write(
        &dir.join("locales/en/glossary.ftl"),
        "-pier = pier\n-ferry = ferry\n",
    );
    write(
        &dir.join("locales/it/glossary.ftl"),
        "# Italian wording of the ferry pages\n-pier = banchina\n-ferry = traghetto\n",
    );
    let (_, found) = checks(dir, &[]);
    assert!(
        found.contains(&("glossary".to_owned(), "error".to_owned(), 3)),
        "pier is `banchina`, not `molo`: {found:?}"
    );
    assert_eq!(
        found.iter().filter(|(c, _, _)| c == "glossary").count(),
        1,
        "{found:?}"
    );
    write(&dir.join("locales/it/glossary.ftl"), "pier = banchina\n");
    let (code, _, err) = bitext(dir, &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("glossary.ftl") && err.contains(":1"), "{err}");
}

#[test]
fn catalogs_are_checked_for_syntax_staleness_and_coverage() {
    let tmp = site("[check.coverage]\n\"*\" = 0.9\n", IT);
    let dir = tmp.path();
    support::ok(dir, &["sync"]);
    let catalog = dir.join("locales/it/ferry.ftl");
    write(
        &catalog,
        "ferry-times-heading-1 = Orari dei traghetti\nbroken = {\n",
    );
    let (code, found) = checks(dir, &[]);
    assert_eq!(code, 1);
    assert!(
        found.contains(&("fluent".to_owned(), "error".to_owned(), 2)),
        "{found:?}"
    );
    // A translation of an older source is stale; too little is translated.
    let source = support::read(&dir.join("locales/en/ferry.ftl"));
    let fingerprint = catalog::Fingerprint::of("Ferry timetable");
    write(
        &catalog,
        &format!("# bitext: source {fingerprint}\nferry-times-heading-1 = Orari dei traghetti\n"),
    );
    assert!(source.contains("ferry-times-heading-1"), "{source}");
    let (_, found) = checks(dir, &[]);
    assert!(
        found.contains(&("stale".to_owned(), "warning".to_owned(), 2)),
        "{found:?}"
    );
    assert!(
        found.contains(&("missing".to_owned(), "warning".to_owned(), 1)),
        "{found:?}"
    );
    let tmp = site("[check.coverage]\nit = 1.5\n", IT);
    let (code, _, err) = bitext(tmp.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("check.coverage.it"), "{err}");
}

#[test]
fn ui_catalogs_are_compared_with_the_source_locale() {
    let tmp = site("", IT);
    let dir = tmp.path();
    write(
        &dir.join("locales/en/app.ftl"),
        "sailings =\n    { $count ->\n        [one] One sailing today\n       *[other] { $count } sailings today\n    }\nhello = Hello, { $name }\n",
    );
    write(
        &dir.join("locales/it/app.ftl"),
        "sailings =\n    { $count ->\n       *[other] { $count } partenze oggi\n    }\nhello = Ciao\nold = Vecchio\n",
    );
    write(&dir.join("locales/en/ui/menu.ftl"), "open = Open\n");
    let (_, out, _) = bitext(dir, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let fluent: Vec<(String, u64, String)> = json["findings"]
        .as_array()
        .expect("a list")
        .iter()
        .filter(|f| f["check"] == "fluent")
        .map(|f| {
            (
                f["path"].as_str().unwrap_or_default().to_owned(),
                f["line"].as_u64().unwrap_or_default(),
                f["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let app = "locales/it/app.ftl".to_owned();
    assert_eq!(fluent.len(), 4, "{fluent:?}");
    assert_eq!((fluent[0].0.clone(), fluent[0].1), (app.clone(), 1));
    assert!(
        fluent[0].2.contains("plural variants `[one]`"),
        "{fluent:?}"
    );
    assert_eq!(
        fluent[1],
        (
            app.clone(),
            5,
            "`hello` lacks the source's variables `$name`".to_owned()
        )
    );
    assert_eq!(
        fluent[2],
        (
            app,
            6,
            "`old` is obsolete: the source has no such message".to_owned()
        )
    );
    assert_eq!(fluent[3].0, "locales/it/ui/menu.ftl");
    assert!(fluent[3].2.contains("has no it version"), "{fluent:?}");
}

#[test]
fn localised_links_follow_the_project_rules() {
    let en = "# Help\n\nRead the [guide](https://docs.example.org/guide) and the [forum](https://example.org/forum).\n";
    let it = "# Aiuto\n\nLeggi la [guida](https://docs.example.org/it/guida) e il [forum](https://example.org/forum).\n";
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write(&dir.join("content/en/help.md"), en);
    write(&dir.join("content/it/help.md"), it);
    let base = "source_locale = \"en\"\nlocales = [\"it\"]\n";
    write(&dir.join("bitext.toml"), base);
    let (_, found) = checks(dir, &[]);
    assert!(
        found.contains(&("links".to_owned(), "warning".to_owned(), 3)),
        "a page of the site in Italian, which bitext cannot know: {found:?}"
    );
    write(
        &dir.join("bitext.toml"),
        &format!("{base}[check.links]\nlocalized = [[\"/guide\", \"/{{locale}}/guida\"]]\n"),
    );
    let (code, found) = checks(dir, &[]);
    assert_eq!((code, found), (0, Vec::new()));
}

/// Every check of the list is named in `check --help` and explained by
/// `--explain`, with its default severity and how to fix or waive a
/// finding; an unknown name is exit 2 with the list.
#[test]
fn every_check_is_in_the_help_and_explained() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let help = support::ok(dir, &["check", "--help"]);
    let words: std::collections::HashSet<&str> = help
        .split(|c: char| !(c.is_ascii_lowercase() || c == '-'))
        .collect();
    for check in project::Check::ALL {
        let name = check.name();
        assert!(words.contains(name), "check --help does not name {name}");
        let (code, out, err) = bitext(dir, &["check", "--explain", name]);
        assert_eq!(code, 0, "{name}: {err}");
        let severity = if check.on_by_default() {
            check.default_severity().name()
        } else {
            "off"
        };
        assert!(out.starts_with(name), "{out}");
        assert!(
            out.contains(&format!("(default severity: {severity})")),
            "{out}"
        );
        assert!(out.contains(check.explain()), "{name}");
        assert!(
            out.contains("Fix") || out.contains("waive"),
            "{name} says no remedy: {out}"
        );
    }
    let (code, _, err) = bitext(dir, &["check", "--explain", "grammar"]);
    assert_eq!(code, 2);
    for check in project::Check::ALL {
        assert!(err.contains(check.name()), "{err}");
    }
}
