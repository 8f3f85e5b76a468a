//! The command line on the Docusaurus corpus site (Chaos Mesh), copied to
//! temp projects: its own layout with an extension set, the dialect told
//! without configuration, a careless pattern that matches an image, and
//! the site read the other way round (Chinese source, English translation).

use std::path::Path;

mod support;
use support::{bitext, write};

/// Copies the folder `from` to `to`.
fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("a corpus folder") {
        let entry = entry.expect("an entry");
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::create_dir_all(to).expect("create folder");
            std::fs::copy(&path, &target).expect("copy a corpus file");
        }
    }
}

const ZH: &str = "i18n/zh/docusaurus-plugin-content-docs/current";

/// The Chaos Mesh site (configuration, English docs, Chinese translations).
fn chaos_mesh(corpus: &Path) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let site = corpus.join("docusaurus-chaosmesh/site");
    std::fs::copy(
        site.join("docusaurus.config.js"),
        tmp.path().join("docusaurus.config.js"),
    )
    .expect("copy the config");
    copy_dir(&site.join("docs"), &tmp.path().join("docs"));
    copy_dir(&site.join(ZH), &tmp.path().join(ZH));
    tmp
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("JSON output")
}

#[test]
fn the_chaos_mesh_layout_is_checked_page_by_page() {
    let Some(corpus) = corpus::root("chaos mesh layout") else {
        return;
    };
    let tmp = chaos_mesh(&corpus);
    let dir = tmp.path();
    write(
        &dir.join("bitext.toml"),
        &format!(
            "[paths]\nsource = \"docs/{{path}}.{{md,mdx}}\"\ntranslation = \"{}/{{path}}.{{md,mdx}}\"\n",
            ZH.replace("/zh/", "/{locale}/")
        ),
    );
    let (code, out, err) = bitext(dir, &["files", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let files = json(&out);
    assert_eq!(files["dialect"], "docusaurus", "{out}");
    let zh = &files["locales"][0];
    assert_eq!(zh["locale"], "zh");
    let pages = zh["files"].as_array().expect("files");
    // Both extensions are pages, and a translation keeps its page's.
    let mdx: Vec<&serde_json::Value> = pages
        .iter()
        .filter(|f| f["source"].as_str().is_some_and(|s| s.ends_with(".mdx")))
        .collect();
    assert!(mdx.len() >= 2, "{mdx:?}");
    assert!(mdx.iter().all(|f| {
        f["translation"]
            .as_str()
            .is_some_and(|t| t.ends_with(".mdx"))
    }));
    let translated = zh["translated"].as_u64().expect("a count");
    assert!(translated >= 70, "{translated} translated");

    let (code, out, err) = bitext(dir, &["check", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let report = json(&out);
    assert_eq!(
        report["summary"]["pages"].as_u64(),
        Some(translated),
        "every translated page checked"
    );
    let (_, human, _) = bitext(dir, &["files"]);
    assert!(
        human.starts_with("dialect docusaurus (found docusaurus.config.js)"),
        "{human}"
    );
}

#[test]
fn an_image_matched_by_a_careless_pattern_is_a_warning() {
    let Some(corpus) = corpus::root("careless pattern") else {
        return;
    };
    let tmp = chaos_mesh(&corpus);
    let dir = tmp.path();
    // Without an extension, the pattern takes every file of the folders.
    write(
        &dir.join("bitext.toml"),
        &format!(
            "[paths]\nsource = \"docs/{{path}}\"\ntranslation = \"{}/{{path}}\"\n",
            ZH.replace("/zh/", "/{locale}/")
        ),
    );
    let png = [
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
    ];
    std::fs::create_dir_all(dir.join("docs/img")).expect("create folder");
    std::fs::write(dir.join("docs/img/logo.png"), png).expect("write an image");
    let (code, out, err) = bitext(dir, &["check", "--format", "json"]);
    assert_eq!(code, 1, "findings, not a failed run: {err}");
    assert!(
        err.contains("warning: skipped docs/img/logo.png: not UTF-8 text"),
        "{err}"
    );
    assert_eq!(err.matches("skipped").count(), 1, "one warning: {err}");
    assert!(json(&out)["summary"]["pages"].as_u64() >= Some(70));
    // A pattern that matches nothing is an error naming it.
    write(
        &dir.join("bitext.toml"),
        "[paths]\nsource = \"documents/{path}.md\"\n",
    );
    let (code, _, err) = bitext(dir, &["check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no source page matches `documents/{path}.md`"),
        "{err}"
    );
}

#[test]
fn a_chinese_source_with_an_english_translation_is_checked_the_same_way() {
    let Some(corpus) = corpus::root("zh to en") else {
        return;
    };
    let tmp = chaos_mesh(&corpus);
    let dir = tmp.path();
    let mut structure = Vec::new();
    // English to Chinese, then Chinese to English: the translations in
    // `by-locale/<locale>`.
    for (source_locale, source, locale, translation) in
        [("en", "docs", "zh", ZH), ("zh", ZH, "en", "docs")]
    {
        copy_dir(&dir.join(translation), &dir.join("by-locale").join(locale));
        write(
            &dir.join("bitext.toml"),
            &format!(
                "source_locale = \"{source_locale}\"\nlocales = [\"{locale}\"]\n[paths]\nsource = \"{source}/{{path}}.{{md,mdx}}\"\ntranslation = \"by-locale/{{locale}}/{{path}}.{{md,mdx}}\"\n"
            ),
        );
        let (code, out, err) = bitext(dir, &["check", "--format", "json"]);
        assert_eq!(code, 1, "{locale}: {err}");
        let report = json(&out);
        let pages = report["summary"]["pages"].as_u64().expect("pages");
        assert!(pages >= 70, "{locale}: {pages} pages checked");
        let by_check = &report["summary"]["by_check"];
        let count = |check: &str| by_check[check].as_u64().unwrap_or(0);
        // Text left in the source language is counted, never every
        // English sentence of an English translation.
        assert!(count("untranslated") < 60, "{locale}: {by_check}");
        structure.push(count("structure"));
        std::fs::remove_dir_all(dir.join("by-locale")).expect("remove");
    }
    // The same pairs of pages, seen from either side, differ in structure
    // about as much one way as the other (a code block the translation
    // lacks is reported only where it has fewer: not quite symmetric).
    let (a, b) = (structure[0] as f64, structure[1] as f64);
    assert!(
        (a - b).abs() <= 0.25 * a.max(b),
        "structure findings {structure:?}"
    );
}

#[test]
fn a_docusaurus_site_needs_no_config_and_a_site_without_translations_says_so() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write(&dir.join("docusaurus.config.js"), "module.exports = {};\n");
    write(
        &dir.join("docs/guide/pumps.mdx"),
        "import Tabs from '@theme/Tabs';\n\n# Pumps\n\nA pump moves 40 litres a minute.\n",
    );
    write(
        &dir.join("i18n/zh/docusaurus-plugin-content-docs/current/guide/pumps.mdx"),
        "import Tabs from '@theme/Tabs';\n\n# 泵\n\n一台泵每分钟输送 45 升。\n",
    );
    let (code, out, err) = bitext(dir, &["files"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("found docusaurus.config.js; pages where Docusaurus keeps them"),
        "{out}"
    );
    assert!(
        out.contains(
            "zh 1 of 1 pages have a translation file; no catalogs (translated pages only)"
        ),
        "{out}"
    );
    assert!(!out.contains("catalog locales/"), "{out}");
    let (code, out, err) = bitext(dir, &["check", "--locale", "zh", "--format", "json"]);
    assert!(code < 2, "{err}");
    assert!(out.contains("\"check\":\"numbers\""), "{out}");
    // No Hunspell speaks Chinese: no note about a missing dictionary.
    assert!(!err.contains("spelling not checked"), "{err}");
    // A locale the site does not have.
    let (code, _, err) = bitext(dir, &["check", "--locale", "fr"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("unknown locale `fr` (this project has: zh)"),
        "{err}"
    );

    // Pages, and no translations at all.
    let empty = tempfile::tempdir().expect("temp dir");
    write(&empty.path().join("content/en/a.md"), "# A\n");
    let (code, _, err) = bitext(empty.path(), &["check", "--locale", "zh"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("no translations found at `content/{locale}/{path}.md`"),
        "{err}"
    );
}
