//! bitext's translator files in the tools translators and their platforms
//! use: XLIFF 2.0 and 1.2 against the OASIS schemas (xmllint), PO through
//! gettext (msgfmt -c, msgmerge), translate-toolkit (pofilter, po2xliff
//! and xliff2po) and polib. Each tool's output goes back through
//! `bitext import`: what a tool keeps, bitext reads; what a translator
//! changed, and only that, lands in the catalog.
//!
//! The tools are installed by `.ci/run`; on a machine without one, its
//! test says so and stops (in CI a missing tool fails).

use std::path::{Path, PathBuf};
use std::process::Command;

mod support;
use support::{bitext, ok, read, write};

/// A page with inline code of every kind XLIFF shows as a placeholder.
const PAGE: &str = "# Pumps\n\nRun `make pump` then press <kbd>Enter</kbd>.\n\nPump 2 moves 20 litres a minute; see {{< ref \"flow\" >}}.\n\nSee [the guide](https://example.org/guide) for more & less.\n\nPump 4 stops at 5 bar.\n";

/// A project whose Italian catalog is translated, then a source edit that
/// makes one translation stale and one segment new (missing).
fn project() -> tempfile::TempDir {
    let tmp = support::project(&[("content/en/pumps.md", PAGE)]);
    let dir = tmp.path();
    ok(dir, &["sync"]);
    ok(
        dir,
        &[
            "export", "--locale", "it", "--format", "json", "-o", "it.json",
        ],
    );
    let mut json: serde_json::Value =
        serde_json::from_str(&read(&dir.join("it.json"))).expect("JSON");
    for message in json["messages"].as_array_mut().expect("messages") {
        let source = message["source"].as_str().expect("a source").to_owned();
        message["translation"] = format!("IT {source}").into();
    }
    write(&dir.join("it.json"), &json.to_string());
    ok(dir, &["import", "--locale", "it", "it.json"]);
    let edited = PAGE.replace("20 litres", "25 litres") + "\nPump 5 is new.\n";
    write(&dir.join("content/en/pumps.md"), &edited);
    ok(dir, &["sync"]);
    assert_eq!(counts(dir), (4, 1, 1));
    tmp
}

/// The page's (translated, stale, missing) in `status --format json`.
fn counts(dir: &Path) -> (u64, u64, u64) {
    let status: serde_json::Value =
        serde_json::from_str(&ok(dir, &["status", "--format", "json"])).expect("JSON");
    let page = &status["locales"]["it"]["pages"]["pumps"];
    let n = |k: &str| page[k].as_u64().unwrap_or(u64::MAX);
    (n("translated"), n("stale"), n("missing"))
}

/// Runs `program` with `args` in `dir`: `None` when the program is not on
/// this machine (a failure in CI), else its exit status and output.
fn tool(dir: &Path, program: &str, args: &[&str]) -> Option<(bool, String)> {
    match Command::new(program).args(args).current_dir(dir).output() {
        Ok(o) => Some((
            o.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
        )),
        Err(e) => {
            assert!(
                !corpus::in_ci(),
                "{program} is missing (CI is set; .ci/run installs it): {e}"
            );
            eprintln!("SKIPPED: {program} not found ({e})");
            None
        }
    }
}

/// Runs a translate-toolkit command (`module` is its Python module) with
/// `args`; `None` when translate-toolkit is not installed.
fn toolkit(dir: &Path, module: &str, args: &[&str]) -> Option<(bool, String)> {
    let script = format!(
        "import sys\nfrom {module} import main\nsys.argv = ['tool'] + sys.argv[1:]\nmain()\n"
    );
    let installed = Command::new("python3")
        .args(["-c", "import translate, polib"])
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        assert!(
            !corpus::in_ci(),
            "translate-toolkit or polib is missing (CI is set; .ci/run installs them)"
        );
        eprintln!("SKIPPED: python3 with translate-toolkit and polib not found");
        return None;
    }
    let mut all = vec!["-c", script.as_str()];
    all.extend_from_slice(args);
    tool(dir, "python3", &all)
}

/// The OASIS XLIFF schemas, as Debian's php-symfony-translation ships
/// them, copied to `into` with their imports of the W3C `xml.xsd` pointed
/// at the copy beside them (xmllint fetches nothing). `None` when the
/// package is not installed.
fn schemas(into: &Path) -> Option<(PathBuf, PathBuf)> {
    let from = Path::new("/usr/share/php/Symfony/Component/Translation/Resources/schemas");
    if !from.join("xliff-core-2.0.xsd").is_file() {
        assert!(
            !corpus::in_ci(),
            "the XLIFF schemas are missing (CI is set; .ci/run installs php-symfony-translation)"
        );
        eprintln!("SKIPPED: no XLIFF schemas at {}", from.display());
        return None;
    }
    let xml = read(&from.join("xml.xsd"));
    write(&into.join("xml.xsd"), &xml);
    write(
        &into.join("informativeCopiesOf3rdPartySchemas/w3c/xml.xsd"),
        &xml,
    );
    let v2 = into.join("xliff-core-2.0.xsd");
    write(&v2, &read(&from.join("xliff-core-2.0.xsd")));
    let v12 = into.join("xliff-core-1.2-strict.xsd");
    let strict = read(&from.join("xliff-core-1.2-strict.xsd"))
        .replace("http://www.w3.org/2001/xml.xsd", "xml.xsd");
    write(&v12, &strict);
    Some((v2, v12))
}

#[test]
fn xliff_2_and_1_2_are_valid_against_the_oasis_schemas() {
    let tmp = project();
    let dir = tmp.path();
    let Some((v2, v12)) = schemas(&dir.join("schemas")) else {
        return;
    };
    // A control character XML cannot hold, as translation platforms
    // leave them in pages (kubevela.io has a backspace in one).
    write(
        &dir.join("content/en/keys.md"),
        "# Keys\n\nPress\u{8} Enter, then `Esc\u{1b}`.\n",
    );
    ok(dir, &["sync"]);
    let runs: [(&[&str], &Path); 6] = [
        (&["export", "--locale", "it", "--format", "xliff"], &v2),
        (&["export", "--template", "--format", "xliff"], &v2),
        (&["pending", "--locale", "it", "--format", "xliff"], &v2),
        (&["export", "--locale", "it", "--format", "xliff12"], &v12),
        (&["export", "--template", "--format", "xliff12"], &v12),
        (&["pending", "--locale", "it", "--format", "xliff12"], &v12),
    ];
    for (args, schema) in runs {
        let text = ok(dir, args);
        assert!(
            text.contains("<ph id=\"1\""),
            "inline code is a placeholder: {text}"
        );
        write(&dir.join("out.xlf"), &text);
        let schema = schema.to_string_lossy();
        let Some((valid, said)) =
            tool(dir, "xmllint", &["--noout", "--schema", &schema, "out.xlf"])
        else {
            return;
        };
        assert!(valid, "{args:?} is not valid:\n{said}\n{text}");
    }
}

#[test]
fn po_passes_msgfmt_and_survives_msgmerge_with_its_references() {
    let tmp = project();
    let dir = tmp.path();
    ok(
        dir,
        &["export", "--locale", "it", "--format", "po", "-o", "it.po"],
    );
    ok(
        dir,
        &["export", "--template", "--format", "po", "-o", "docs.pot"],
    );
    let Some((checked, said)) = tool(dir, "msgfmt", &["-c", "-o", "/dev/null", "it.po"]) else {
        return;
    };
    assert!(checked, "msgfmt -c: {said}");
    let template = read(&dir.join("docs.pot"));
    assert!(
        template.contains("\"Language: \\n\"") && !template.contains("IT "),
        "{template}"
    );
    // Merged into the template as a translation platform would: the file
    // is msgmerge's own form already, references and previous source kept.
    let Some((merged, said)) = tool(
        dir,
        "msgmerge",
        &["--previous", "-q", "-o", "merged.po", "it.po", "docs.pot"],
    ) else {
        return;
    };
    assert!(merged, "msgmerge: {said}");
    let merged = read(&dir.join("merged.po"));
    assert_eq!(merged, read(&dir.join("it.po")));
    assert!(
        merged.contains("#: content/en/pumps.md:5\n#, fuzzy\n#| msgid \"Pump 2 moves 20"),
        "{merged}"
    );
    let catalog = read(&dir.join("locales/it/pumps.ftl"));
    let said = ok(dir, &["import", "--locale", "it", "merged.po"]);
    assert!(
        said.contains("4 unchanged") && said.contains("1 untranslated"),
        "{said}"
    );
    assert_eq!(read(&dir.join("locales/it/pumps.ftl")), catalog);
    assert_eq!(counts(dir), (4, 1, 1));
}

#[test]
fn translate_toolkit_and_polib_edits_come_back_and_nothing_else_changes() {
    let tmp = project();
    let dir = tmp.path();
    ok(
        dir,
        &["export", "--locale", "it", "--format", "po", "-o", "it.po"],
    );
    // pofilter picks the entries its checks flag, each with its reference.
    let Some((filtered, said)) =
        toolkit(dir, "translate.filters.pofilter", &["it.po", "flagged.po"])
    else {
        return;
    };
    assert!(filtered, "pofilter: {said}");
    let flagged = read(&dir.join("flagged.po"));
    assert!(
        flagged.contains("# (pofilter)") && flagged.contains("#: content/en/pumps.md:"),
        "{flagged}"
    );
    let said = ok(
        dir,
        &["import", "--locale", "it", "--dry-run", "flagged.po"],
    );
    assert!(
        said.contains(" 0 rejected") && said.contains("would write 0"),
        "{said}"
    );

    // po2xliff and xliff2po drop the msgctxt: the reference and the source
    // text say which message each entry is.
    let Some((converted, said)) = toolkit(dir, "translate.convert.po2xliff", &["it.po", "it.xlf"])
    else {
        return;
    };
    assert!(converted, "po2xliff: {said}");
    let Some((back, said)) = toolkit(dir, "translate.convert.xliff2po", &["it.xlf", "back.po"])
    else {
        return;
    };
    assert!(back, "xliff2po: {said}");
    assert!(!read(&dir.join("back.po")).contains("msgctxt"));
    let said = ok(dir, &["import", "--locale", "it", "--dry-run", "back.po"]);
    assert!(
        said.contains("4 unchanged") && said.contains(" 0 rejected"),
        "{said}"
    );

    // A translator's edit in polib: the missing message and the stale one.
    let edit = "import polib\npo = polib.pofile('back.po')\nfor e in po:\n    if e.msgid.startswith('Pump 5'):\n        e.msgstr = 'La pompa 5 è nuova.'\n    if e.msgid.startswith('Pump 2'):\n        e.msgstr = e.msgstr.replace('20', '25')\n        e.flags.remove('fuzzy')\npo.save('back.po')\n";
    let Some((edited, said)) = tool(dir, "python3", &["-c", edit]) else {
        return;
    };
    assert!(edited, "polib: {said}");
    let said = ok(dir, &["import", "--locale", "it", "back.po"]);
    assert!(said.contains("imported 2 translations"), "{said}");
    assert_eq!(counts(dir), (6, 0, 0));
    let catalog = read(&dir.join("locales/it/pumps.ftl"));
    assert!(
        catalog.contains("La pompa 5 è nuova.") && catalog.contains("IT Pump 2 moves 25 litres"),
        "{catalog}"
    );
}

#[test]
fn a_po_entry_without_msgctxt_whose_source_changed_is_rejected_with_its_line() {
    let tmp = project();
    let dir = tmp.path();
    let po = "msgid \"\"\nmsgstr \"\"\n\"Language: it\\n\"\n\n#: content/en/pumps.md:9\nmsgid \"Pump 4 stops at 4 bar.\"\nmsgstr \"La pompa 4 si ferma a 4 bar.\"\n\n#: content/en/pumps.md:9\nmsgid \"Pump 4 stops at 5 bar.\"\nmsgstr \"La pompa 4 si ferma a 5 bar.\"\n";
    write(&dir.join("old.po"), po);
    let (code, out, err) = bitext(dir, &["import", "--locale", "it", "old.po", "--force"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("old.po:5: rejected: no id") && err.contains("pumps.md:9"),
        "{out}{err}"
    );
    let catalog = read(&dir.join("locales/it/pumps.ftl"));
    assert!(
        catalog.contains("La pompa 4 si ferma a 5 bar."),
        "{catalog}"
    );
}
