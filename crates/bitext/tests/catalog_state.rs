//! The state of target messages outlives editors that drop comments
//! (Pontoon rewrites `.ftl` files with python's `fluent.syntax`, without
//! bitext's `# bitext:` comments), and a message appended after the
//! obsolete group is a translation like any other.

use std::path::Path;
use std::process::Command;

mod support;
use support::{bitext, ok, read, write};

/// The source page: five paragraphs, each a message.
fn page(version: u32) -> String {
    let mut out = String::from("# Pumps\n\n");
    for k in 1..=5 {
        if version == 2 && k <= 3 {
            out.push_str(&format!(
                "Pump {k} now moves {} litres a minute.\n\n",
                10 * k + 5
            ));
        } else {
            out.push_str(&format!("Pump {k} moves {} litres a minute.\n\n", 10 * k));
        }
    }
    out
}

/// The Italian catalog translated from the current source catalog.
fn translate(dir: &Path) {
    let source = catalog::parse(&read(&dir.join("locales/en/pumps.ftl"))).expect("parses");
    let mut it = catalog::Catalog::default();
    for message in &source.messages {
        it.messages.push(catalog::Message {
            id: message.id.clone(),
            text: format!("IT {}", message.text),
            source: Some(catalog::Fingerprint::of(&message.text)),
            ..catalog::Message::default()
        });
    }
    write(&dir.join("locales/it/pumps.ftl"), &catalog::write(&it));
}

/// The page's counts in `status --format json`.
fn counts(dir: &Path) -> (u64, u64, u64, u64) {
    let status: serde_json::Value =
        serde_json::from_str(&ok(dir, &["status", "--format", "json"])).expect("JSON");
    let page = &status["locales"]["it"]["pages"]["pumps"];
    let n = |k: &str| page[k].as_u64().unwrap_or(u64::MAX);
    (n("translated"), n("stale"), n("missing"), n("obsolete"))
}

/// Rewrites `file` as Pontoon does: parsed and serialized by python's
/// `fluent.syntax` with every comment dropped. `false` when python or the
/// module is missing (required in CI).
fn rewrite_without_comments(file: &Path) -> bool {
    let script = "import sys\nfrom fluent.syntax import parse, serialize\nfrom fluent.syntax import ast\npath = sys.argv[1]\nres = parse(open(path, encoding='utf-8').read())\nres.body = [e for e in res.body if not isinstance(e, ast.BaseComment)]\nfor e in res.body:\n    if isinstance(e, ast.Message):\n        e.comment = None\nopen(path, 'w', encoding='utf-8').write(serialize(res))\n";
    let done = Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        done || !corpus::in_ci(),
        "python3 with fluent.syntax is missing (CI is set; .ci/run installs it)"
    );
    done
}

#[test]
fn staleness_survives_a_comment_dropping_editor_and_an_edit_is_current() {
    let tmp = support::project(&[("content/en/pumps.md", &page(1))]);
    let dir = tmp.path();
    ok(dir, &["sync"]);
    translate(dir);
    ok(dir, &["sync"]);
    assert_eq!(counts(dir), (6, 0, 0, 0));
    // Three paragraphs change: three stale.
    write(&dir.join("content/en/pumps.md"), &page(2));
    ok(dir, &["sync"]);
    assert_eq!(counts(dir), (3, 3, 0, 0));
    let state = dir.join("locales/it/.bitext/state/pumps.json");
    assert!(read(&state).contains("\"stale\": true"), "{}", read(&state));

    let catalog_file = dir.join("locales/it/pumps.ftl");
    if !rewrite_without_comments(&catalog_file) {
        eprintln!("SKIPPED: no python3 with fluent.syntax");
        return;
    }
    assert!(!read(&catalog_file).contains("bitext:"), "comments dropped");
    // The translator fixes one stale translation in the editor.
    let edited = read(&catalog_file).replacen("IT Pump 1 moves 10", "IT Pump 1 now moves 15", 1);
    write(&catalog_file, &edited);
    // The edited one is current, the other two still stale, none lost.
    assert_eq!(counts(dir), (4, 2, 0, 0));
    ok(dir, &["sync"]);
    assert_eq!(counts(dir), (4, 2, 0, 0));
    let text = read(&catalog_file);
    assert!(text.contains("IT Pump 1 now moves 15"), "{text}");
    assert_eq!(
        text.matches("bitext: stale, previous source:").count(),
        2,
        "{text}"
    );
    // pending lists exactly the two.
    let (_, out, _) = bitext(dir, &["pending", "--locale", "it", "--format", "json"]);
    assert_eq!(out.matches("\"stale\"").count(), 2, "{out}");
}

#[test]
fn a_message_appended_after_the_obsolete_group_is_current_and_survives_prune() {
    let tmp = support::project(&[("content/en/pumps.md", &page(1))]);
    let dir = tmp.path();
    ok(dir, &["sync"]);
    translate(dir);
    // A paragraph is removed: its translation becomes obsolete.
    let source = page(1).replace("Pump 5 moves 50 litres a minute.\n\n", "");
    write(&dir.join("content/en/pumps.md"), &source);
    ok(dir, &["sync"]);
    let catalog_file = dir.join("locales/it/pumps.ftl");
    let text = read(&catalog_file);
    assert!(text.contains("## bitext: obsolete"), "{text}");
    // A translator removes the first paragraph's translation, then writes it
    // again at the end of the file, after the obsolete group.
    let source_catalog = catalog::parse(&read(&dir.join("locales/en/pumps.ftl"))).expect("parses");
    let first = &source_catalog.messages[1];
    assert!(first.text.starts_with("Pump 1"), "{first:?}");
    let mut it = catalog::parse(&text).expect("parses");
    it.messages.retain(|m| m.id != first.id);
    let mut appended = catalog::write(&it);
    appended.push_str(&format!(
        "\n{} = IT Pompa 1 sposta 10 litri al minuto.\n",
        first.id
    ));
    write(&catalog_file, &appended);
    assert_eq!(counts(dir), (5, 0, 0, 1));
    let (code, out, err) = bitext(dir, &["sync", "--prune"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(counts(dir), (5, 0, 0, 0));
    assert!(read(&catalog_file).contains("IT Pompa 1 sposta 10 litri al minuto."));
}

#[test]
fn a_state_file_that_is_not_one_is_a_clear_error() {
    let tmp = support::project(&[("content/en/pumps.md", &page(1))]);
    let dir = tmp.path();
    ok(dir, &["sync"]);
    translate(dir);
    ok(dir, &["sync"]);
    let state = dir.join("locales/it/.bitext/state/pumps.json");
    write(&state, "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n");
    let (code, _, err) = bitext(dir, &["status"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("pumps.json") && err.contains("not a bitext state file"),
        "{err}"
    );
}

#[test]
fn an_exported_file_imported_back_unedited_changes_nothing() {
    let tmp = support::project(&[("content/en/pumps.md", &page(1))]);
    let dir = tmp.path();
    ok(dir, &["sync"]);
    translate(dir);
    // One translation removed (missing), three made stale by the source.
    let catalog_file = dir.join("locales/it/pumps.ftl");
    let mut it = catalog::parse(&read(&catalog_file)).expect("parses");
    it.messages.pop();
    write(&catalog_file, &catalog::write(&it));
    write(&dir.join("content/en/pumps.md"), &page(2));
    ok(dir, &["sync"]);
    let before = counts(dir);
    assert_eq!(before, (2, 3, 1, 0));
    let catalog_before = read(&catalog_file);
    let state_before = read(&dir.join("locales/it/.bitext/state/pumps.json"));
    let formats = [
        ("ftl", "ftl"),
        ("po", "po"),
        ("xliff", "xliff"),
        ("xliff12", "xlf"),
        ("json", "json"),
    ];
    let runs = formats
        .iter()
        .flat_map(|&(format, ext)| ["pending", "export"].map(|command| (command, format, ext)));
    for (command, format, ext) in runs {
        let file = format!("it.{ext}");
        ok(
            dir,
            &[command, "--locale", "it", "--format", format, "-o", &file],
        );
        let (code, out, err) = bitext(dir, &["import", "--locale", "it", &file]);
        let format = format!("{command} {format}");
        assert_eq!(code, 0, "{format}: {out}{err}");
        assert_eq!(counts(dir), before, "{format}: {out}");
        assert_eq!(read(&catalog_file), catalog_before, "{format}");
        assert_eq!(
            read(&dir.join("locales/it/.bitext/state/pumps.json")),
            state_before,
            "{format}"
        );
    }
}

/// A project with Italian and French, synced, with an Italian catalog.
fn two_locales() -> tempfile::TempDir {
    let tmp = support::project(&[("content/en/pumps.md", &page(1))]);
    let dir = tmp.path();
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\", \"fr\"]\n",
    );
    ok(dir, &["sync"]);
    tmp
}

/// Every file below `dir` with its bytes.
fn tree(dir: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).expect("a folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if !path.ends_with(".bitext/lock") {
                out.insert(path.clone(), std::fs::read(&path).expect("readable"));
            }
        }
    }
    out
}

#[test]
fn a_file_for_another_locale_is_refused_and_nothing_is_written() {
    let tmp = two_locales();
    let dir = tmp.path();
    for format in ["ftl", "po", "xliff"] {
        let file = format!("fr.{format}");
        ok(
            dir,
            &["pending", "--locale", "fr", "--format", format, "-o", &file],
        );
        // Translated, as a translator would, then imported into Italian.
        let text = read(&dir.join(&file)).replace("Pump 1 moves", "La pompe 1 déplace");
        write(&dir.join(&file), &text);
        let before = tree(dir);
        let (code, out, err) = bitext(dir, &["import", "--locale", "it", &file]);
        assert_eq!(code, 2, "{format}: {out}{err}");
        assert!(
            err.contains("a file for locale `fr`, not `it`"),
            "{format}: {err}"
        );
        assert_eq!(tree(dir), before, "{format}: something was written");
        // Into French it goes.
        let (code, out, err) = bitext(dir, &["import", "--locale", "fr", &file]);
        assert_eq!(code, 0, "{format}: {out}{err}");
    }
}

#[test]
fn a_latin_1_po_file_imports_and_an_undeclared_one_is_a_clear_error() {
    let tmp = two_locales();
    let dir = tmp.path();
    ok(
        dir,
        &["pending", "--locale", "fr", "--format", "po", "-o", "fr.po"],
    );
    let po = read(&dir.join("fr.po"))
        .replace("charset=UTF-8", "charset=ISO-8859-1")
        .replacen(
            "msgid \"Pump 1 moves 10 litres a minute.\"\nmsgstr \"\"",
            "msgid \"Pump 1 moves 10 litres a minute.\"\nmsgstr \"La pompe n° 1 déplace 10 litres à la minute.\"",
            1,
        );
    assert!(po.contains("déplace"), "the entry was translated: {po}");
    // Written as an older tool would: every character one byte.
    let latin1: Vec<u8> = po
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1"))
        .collect();
    std::fs::write(dir.join("fr.po"), &latin1).expect("write");
    let (code, out, err) = bitext(dir, &["import", "--locale", "fr", "fr.po"]);
    assert_eq!(code, 0, "{out}{err}");
    let catalog = read(&dir.join("locales/fr/pumps.ftl"));
    assert!(
        catalog.contains("La pompe n° 1 déplace 10 litres à la minute."),
        "{catalog}"
    );
    // The same bytes without the declaration: not UTF-8, and it says so.
    let undeclared: Vec<u8> = po
        .replace("; charset=ISO-8859-1", "")
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1"))
        .collect();
    std::fs::write(dir.join("fr2.po"), &undeclared).expect("write");
    let (code, _, err) = bitext(dir, &["import", "--locale", "fr", "fr2.po"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("fr2.po: not UTF-8") && err.contains("declares no charset"),
        "{err}"
    );
}

#[test]
fn a_dry_run_says_what_would_change_and_writes_nothing() {
    let tmp = two_locales();
    let dir = tmp.path();
    ok(
        dir,
        &[
            "pending", "--locale", "it", "--format", "ftl", "-o", "it.ftl",
        ],
    );
    let text = read(&dir.join("it.ftl")).replace("= Pump 2 moves 20", "= La pompa 2 sposta 20");
    write(&dir.join("it.ftl"), &text);
    let before = tree(dir);
    let (code, out, err) = bitext(dir, &["import", "--locale", "it", "--dry-run", "it.ftl"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.starts_with("would import 1 translation into it"),
        "{out}"
    );
    assert!(out.contains("would write locales/it/pumps.ftl"), "{out}");
    assert_eq!(tree(dir), before, "a dry run wrote");
    let (code, out, _) = bitext(dir, &["import", "--locale", "it", "it.ftl"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("imported 1 translation into it"), "{out}");
}

#[test]
fn a_revision_in_an_export_comes_in_and_a_catalog_edited_since_is_a_conflict() {
    let tmp = support::project(&[("content/en/pumps.md", &page(1))]);
    let dir = tmp.path();
    ok(dir, &["sync"]);
    let catalog_file = dir.join("locales/it/pumps.ftl");
    let formats = [
        ("po", "po"),
        ("xliff", "xliff"),
        ("xliff12", "xlf"),
        ("json", "json"),
        ("ftl", "ftl"),
    ];
    for (format, ext) in formats {
        translate(dir);
        ok(dir, &["sync"]);
        let file = format!("it.{ext}");
        ok(
            dir,
            &["export", "--locale", "it", "--format", format, "-o", &file],
        );
        // The reviewer changes two translations in the file; meanwhile
        // someone edits one of them in the catalog.
        let text = read(&dir.join(&file))
            .replace("IT Pump 1 moves", "IT la pompa 1 sposta")
            .replace("IT Pump 2 moves", "IT la pompa 2 sposta");
        write(&dir.join(&file), &text);
        let edited = read(&catalog_file).replace("IT Pump 2 moves", "HAND Pump 2 moves");
        write(&catalog_file, &edited);
        let (code, out, err) = bitext(dir, &["import", "--locale", "it", &file]);
        assert_eq!(code, 1, "{format}: {out}{err}");
        assert_eq!(err.matches("[conflict]").count(), 1, "{format}: {err}");
        let catalog = read(&catalog_file);
        assert!(
            catalog.contains("IT la pompa 1 sposta"),
            "{format}: the revision came in\n{catalog}"
        );
        assert!(
            catalog.contains("HAND Pump 2 moves"),
            "{format}: the catalog's edit is kept"
        );
    }
}
