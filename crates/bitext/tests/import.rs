//! Translators' round trip: `pending` in each format, a translator's edits,
//! `import` back, in a temp dir with a small site of our own.

use std::path::Path;

mod support;
use support::{bitext, ok, read, write};

const PAGE: &str = "# Ferry times\n\nThe first ferry leaves at 6:40.\n\nTickets cost 12 euros.\n\n!!! note \"Winter\"\n\n    No ferry runs on Sundays.\n";

/// A synced site with an Italian catalog that translates the heading.
fn site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\"]\n",
    );
    write(&dir.join("content/en/ferry.md"), PAGE);
    ok(dir, &["sync"]);
    write(
        &dir.join("locales/it/ferry.ftl"),
        "ferry-times-heading-1 = Orari dei traghetti\n",
    );
    ok(dir, &["sync"]);
    tmp
}

fn status(dir: &Path) -> serde_json::Value {
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir, &["status", "--format", "json"])).expect("JSON");
    json["locales"]["it"].clone()
}

fn import_json(dir: &Path, args: &[&str]) -> (u8, serde_json::Value) {
    let mut all = vec!["import", "--locale", "it", "--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = bitext(dir, &all);
    let json = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (code, json)
}

#[test]
fn po_translations_come_back_and_fuzzy_ones_wait() {
    let tmp = site();
    let dir = tmp.path();
    ok(
        dir,
        &["pending", "--locale", "it", "--format", "po", "-o", "it.po"],
    );
    let po = read(&dir.join("it.po"));
    let po = po
        .replace(
            "msgid \"The first ferry leaves at 6:40.\"\nmsgstr \"\"",
            "msgid \"The first ferry leaves at 6:40.\"\nmsgstr \"Il primo traghetto parte alle 6:40.\"",
        )
        .replace(
            "msgid \"No ferry runs on Sundays.\"\nmsgstr \"\"",
            "msgid \"No ferry runs on Sundays.\"\nmsgstr \"La domenica non parte nessun traghetto.\"",
        );
    // The translator is unsure of this one and marks it fuzzy.
    let po = po.replace(
        "msgctxt \"ferry/ferry-times-admonition-title-1\"",
        "#, fuzzy\nmsgctxt \"ferry/ferry-times-admonition-title-1\"",
    );
    let po = po.replace(
        "msgid \"Winter\"\nmsgstr \"\"",
        "msgid \"Winter\"\nmsgstr \"Inverno?\"",
    );
    write(&dir.join("it.po"), &po);
    let (code, report) = import_json(dir, &["it.po"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 2, "{report}");
    assert_eq!(report["stale"], 0);
    assert_eq!(report["needs_review"], 1);
    assert_eq!(report["untranslated"], 1, "the price is still to do");
    // The catalog, and its state beside it.
    assert_eq!(
        report["written"],
        serde_json::json!([
            "locales/it/ferry.ftl",
            "locales/it/.bitext/state/ferry.json"
        ])
    );
    let it = status(dir);
    assert_eq!(
        (it["translated"].clone(), it["missing"].clone()),
        (3.into(), 2.into())
    );

    ok(dir, &["build"]);
    let built = read(&dir.join("content/it/ferry.md"));
    assert!(
        built.contains("Il primo traghetto parte alle 6:40."),
        "{built}"
    );
    assert!(
        built.contains("    La domenica non parte nessun traghetto.\n"),
        "{built}"
    );

    // Importing the same file again changes nothing.
    let before = read(&dir.join("locales/it/ferry.ftl"));
    let (code, report) = import_json(dir, &["it.po"]);
    assert_eq!(code, 0);
    assert_eq!(report["unchanged"], 2, "{report}");
    assert_eq!(report["written"], serde_json::json!([]));
    assert_eq!(read(&dir.join("locales/it/ferry.ftl")), before);
}

#[test]
fn a_translation_of_an_older_source_is_imported_stale() {
    let tmp = site();
    let dir = tmp.path();
    ok(
        dir,
        &["pending", "--locale", "it", "--format", "po", "-o", "it.po"],
    );
    // The source changes while the translator works.
    write(
        &dir.join("content/en/ferry.md"),
        &PAGE.replace("12 euros", "14 euros"),
    );
    ok(dir, &["sync"]);
    let po = read(&dir.join("it.po")).replace(
        "msgid \"Tickets cost 12 euros.\"\nmsgstr \"\"",
        "msgid \"Tickets cost 12 euros.\"\nmsgstr \"I biglietti costano 12 euro.\"",
    );
    write(&dir.join("it.po"), &po);
    let (code, report) = import_json(dir, &["it.po"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(
        (report["imported"].clone(), report["stale"].clone()),
        (0.into(), 1.into())
    );
    let it = status(dir);
    assert_eq!(it["stale"], 1, "{it}");
    let pending: serde_json::Value =
        serde_json::from_str(&ok(dir, &["pending", "--locale", "it", "--format", "json"]))
            .expect("JSON");
    let stale = pending["messages"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|m| m["status"] == "stale")
        .expect("the stale message")
        .clone();
    assert_eq!(stale["previous"], "Tickets cost 12 euros.");
    assert_eq!(stale["translation"], "I biglietti costano 12 euro.");
}

#[test]
fn unknown_ids_and_conflicts_are_rejected_with_their_lines() {
    let tmp = site();
    let dir = tmp.path();
    let po = "\
msgctxt \"ferry/ferry-times-heading-1\"
msgid \"Ferry times\"
msgstr \"Orari del traghetto\"

msgctxt \"ferry/gone-paragraph-9\"
msgid \"Old text\"
msgstr \"Testo vecchio\"

msgctxt \"nowhere/x-paragraph-1\"
msgid \"X\"
msgstr \"Ics\"
";
    write(&dir.join("work.po"), po);
    let before = read(&dir.join("locales/it/ferry.ftl"));
    let (code, out, err) = bitext(dir, &["import", "--locale", "it", "work.po"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("work.po:1: rejected ferry/ferry-times-heading-1: the catalog has an up-to-date translation that differs (use --force to overwrite): Orari dei traghetti [conflict]"),
        "{err}"
    );
    assert!(
        err.contains("work.po:5: rejected ferry/gone-paragraph-9"),
        "{err}"
    );
    assert!(err.contains("[unknown-id]"), "{err}");
    assert!(
        err.contains("work.po:9: rejected nowhere/x-paragraph-1"),
        "{err}"
    );
    assert!(err.contains("[unknown-page]"), "{err}");
    assert!(out.contains("3 rejected"), "{out}");
    assert_eq!(
        read(&dir.join("locales/it/ferry.ftl")),
        before,
        "nothing overwritten"
    );

    let (code, report) = import_json(dir, &["work.po", "--force"]);
    assert_eq!(code, 1, "the unknown ids are still rejected");
    assert_eq!(report["imported"], 1, "{report}");
    assert!(read(&dir.join("locales/it/ferry.ftl")).contains("Orari del traghetto"));
}

#[test]
fn xliff_round_trip() {
    let tmp = site();
    let dir = tmp.path();
    ok(
        dir,
        &[
            "pending", "--locale", "it", "--format", "xliff", "-o", "it.xliff",
        ],
    );
    let xliff = read(&dir.join("it.xliff"));
    well_formed(dir, "it.xliff");
    assert_eq!(xliff.matches("<unit ").count(), 4, "{xliff}");
    let edited = xliff.replace(
        "<source xml:space=\"preserve\">Tickets cost 12 euros.</source>",
        "<source xml:space=\"preserve\">Tickets cost 12 euros.</source>\n        <target>I biglietti costano 12 &lt;euro&gt;.</target>",
    );
    let edited = edited.replacen(
        "state=\"initial\" subState=\"bitext:missing\">\n        <source xml:space=\"preserve\">Tickets",
        "state=\"translated\">\n        <source xml:space=\"preserve\">Tickets",
        1,
    );
    assert_ne!(edited, xliff, "the edit applies");
    write(&dir.join("it.xliff"), &edited);
    let (code, report) = import_json(dir, &["it.xliff"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 1, "{report}");
    assert_eq!(report["untranslated"], 3);
    assert!(read(&dir.join("locales/it/ferry.ftl")).contains("I biglietti costano 12 <euro>."));
}

#[test]
fn ftl_round_trip_and_a_broken_file_writes_nothing() {
    let tmp = site();
    let dir = tmp.path();
    ok(
        dir,
        &[
            "pending", "--locale", "it", "--format", "ftl", "-o", "it.ftl",
        ],
    );
    let ftl = read(&dir.join("it.ftl")).replace(
        "= No ferry runs on Sundays.",
        "= La domenica non parte nessun traghetto.",
    );
    write(&dir.join("it.ftl"), &ftl);
    write(
        &dir.join("broken.po"),
        "msgctxt \"ferry/x\"\nmsgid \"a\nmsgstr \"b\"\n",
    );
    let before = read(&dir.join("locales/it/ferry.ftl"));
    let (code, _, err) = bitext(dir, &["import", "--locale", "it", "it.ftl", "broken.po"]);
    assert_eq!(code, 2);
    assert!(err.contains("broken.po:2:"), "{err}");
    assert_eq!(
        read(&dir.join("locales/it/ferry.ftl")),
        before,
        "nothing written"
    );

    let (code, report) = import_json(dir, &["it.ftl"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 1, "{report}");
    assert_eq!(report["untranslated"], 3, "values left as the source");
    assert_eq!(status(dir)["translated"], 2);

    let (code, _, err) = bitext(dir, &["import", "--locale", "en", "it.ftl"]);
    assert_eq!(code, 2);
    assert!(err.contains("source locale"), "{err}");
    let (code, _, err) = bitext(dir, &["import", "--locale", "it", "notes.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown file type"), "{err}");
}

#[test]
fn ftl_of_two_pages_with_the_same_ids_imports_into_each_page() {
    let tmp = site();
    let dir = tmp.path();
    // A second page whose heading and paragraphs get the same ids as ferry's.
    write(
        &dir.join("content/en/ferry-too.md"),
        "# Ferry times\n\nThe last ferry leaves at 22:10.\n",
    );
    ok(dir, &["sync"]);
    ok(
        dir,
        &[
            "pending", "--locale", "it", "--format", "ftl", "-o", "it.ftl",
        ],
    );
    let ftl = read(&dir.join("it.ftl"))
        .replace(
            "= The first ferry leaves at 6:40.",
            "= Il primo traghetto parte alle 6:40.",
        )
        .replace(
            "= The last ferry leaves at 22:10.",
            "= L'ultimo traghetto parte alle 22:10.",
        );
    write(&dir.join("it.ftl"), &ftl);
    let (code, report) = import_json(dir, &["it.ftl"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 2, "{report}");
    assert!(
        read(&dir.join("locales/it/ferry.ftl"))
            .contains("ferry-times-paragraph-1 = Il primo traghetto parte alle 6:40."),
    );
    assert!(
        read(&dir.join("locales/it/ferry-too.ftl"))
            .contains("ferry-times-paragraph-1 = L'ultimo traghetto parte alle 22:10."),
    );
}

/// An XML parser other than quick-xml accepts the file (Python's, which CI
/// has; skipped elsewhere when Python is missing).
fn well_formed(dir: &Path, file: &str) {
    let script = "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])";
    match std::process::Command::new("python3")
        .args(["-c", script, file])
        .current_dir(dir)
        .output()
    {
        Ok(result) => assert!(
            result.status.success(),
            "{file} is not well-formed XML:\n{}",
            String::from_utf8_lossy(&result.stderr)
        ),
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "python3 is needed in CI: {e}"
            );
            eprintln!("SKIPPED XML check: python3 not found ({e})");
        }
    }
}

/// A hand-made Italian page of PAGE: same structure, every segment translated.
const PAGINA: &str = "# Orari dei traghetti\n\nIl primo traghetto parte alle 6:40.\n\nI biglietti costano 12 euro.\n\n!!! note \"Inverno\"\n\n    La domenica non parte nessun traghetto.\n";

#[test]
fn translated_pages_are_aligned_into_catalogs_and_build_back() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\"]\n",
    );
    write(&dir.join("content/en/ferry.md"), PAGE);
    write(&dir.join("content/it/ferry.md"), PAGINA);
    ok(dir, &["sync"]);
    let (code, json) = import_json(dir, &[]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["imported"], 5, "{json}");
    assert_eq!(json["pages"]["imported"], 1);
    assert_eq!(json["pages"]["unpaired"], serde_json::json!([]));
    let catalog = read(&dir.join("locales/it/ferry.ftl"));
    assert!(
        catalog.contains("= Il primo traghetto parte alle 6:40."),
        "{catalog}"
    );
    // The build gives the hand-made page back as it is (nothing to write).
    let out = ok(dir, &["build", "--check"]);
    assert!(out.contains("0 pages out of date, 1 up to date"), "{out}");
    assert_eq!(read(&dir.join("content/it/ferry.md")), PAGINA);
    // Importing again changes nothing.
    let (_, again) = import_json(dir, &[]);
    assert_eq!(
        (again["imported"].clone(), again["unchanged"].clone()),
        (0.into(), 5.into())
    );

    // Someone edits the catalog; the page, changed too, conflicts unless forced.
    let edited = catalog.replace("Il primo traghetto", "Il primissimo traghetto");
    write(&dir.join("locales/it/ferry.ftl"), &edited);
    write(
        &dir.join("content/it/ferry.md"),
        &PAGINA.replace("Il primo traghetto", "Il traghetto del mattino"),
    );
    let (code, json) = import_json(dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(json["rejected"][0]["reason"], "conflict", "{json}");
    assert_eq!(json["rejected"][0]["line"], 3);
    let (code, _) = import_json(dir, &["--force"]);
    assert_eq!(code, 0);
    assert!(read(&dir.join("locales/it/ferry.ftl")).contains("Il traghetto del mattino"));
}

#[test]
fn a_damaged_page_imports_what_pairs_and_reports_the_rest() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\"]\n",
    );
    write(&dir.join("content/en/ferry.md"), PAGE);
    // The box line was lost (its body now reads as code), and a sentence
    // that is in no source was added.
    let damaged = "# Orari dei traghetti\n\nIl primo traghetto parte alle 6:40.\n\nI biglietti costano 12 euro.\n\nChiedete sempre al capitano, che sa tutto dei venti.\n\n    La domenica non parte nessun traghetto.\n";
    write(&dir.join("content/it/ferry.md"), damaged);
    ok(dir, &["sync"]);
    let (code, out, err) = bitext(dir, &["import", "--locale", "it"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("aligned 1 page of it"), "{out}");
    assert!(
        err.contains("content/it/ferry.md:7: unpaired paragraph pairs with no source segment: Chiedete sempre"),
        "{err}"
    );
    assert!(err.contains("broken-container"), "{err}");
    let catalog = read(&dir.join("locales/it/ferry.ftl"));
    assert!(
        catalog.contains("La domenica non parte nessun traghetto."),
        "{catalog}"
    );
    assert!(!catalog.contains("Chiedete"), "{catalog}");
}
