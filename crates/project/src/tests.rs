//! Tests of patterns, config errors and file discovery on temp folders.

use std::fs;
use std::path::Path;

use crate::{Config, Pattern, files, pages};

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().expect("a file has a parent")).expect("create folders");
    fs::write(path, text).expect("write file");
}

fn config(root: &Path, toml: &str) -> crate::Result<Config> {
    write(root, "bitext.toml", toml);
    Config::load(&root.join("bitext.toml"))
}

#[test]
fn patterns_match_folder_and_suffix_layouts() {
    let folder = Pattern::parse("content/{locale}/{path}.md").expect("valid");
    assert_eq!(
        folder.matches("content/it/a/b.md"),
        Some((Some("it"), "a/b"))
    );
    assert_eq!(folder.matches("content/it/a/b.txt"), None);
    // A page path is never empty and never starts with `/`.
    assert_eq!(folder.matches("content/it/.md"), None);
    assert_eq!(folder.matches("content/it//a.md"), None);
    assert_eq!(
        folder.matches("content/it/é.md.md"),
        Some((Some("it"), "é.md"))
    );
    let bare = Pattern::parse("{path}.md").expect("valid");
    assert_eq!(bare.matches("a/b.md"), Some((None, "a/b")));
    assert_eq!(bare.matches(".md"), None);
    assert_eq!(bare.matches("md"), None);
    let suffix = Pattern::parse("docs/{path}.{locale}.md").expect("valid");
    assert_eq!(suffix.matches("docs/x.it.md"), Some((Some("it"), "x")));
    assert_eq!(
        suffix.matches("docs/a.b.pt-BR.md"),
        Some((Some("pt-BR"), "a.b"))
    );
    assert_eq!(suffix.matches("docs/x.md"), None);
    assert_eq!(suffix.render("fr", "guide/intro"), "docs/guide/intro.fr.md");
    assert_eq!(folder.base_dir(), "content/");
}

#[test]
fn bad_patterns_are_refused_with_the_reason() {
    assert!(
        Pattern::parse("content/{lang}/{path}.md")
            .expect_err("unknown")
            .contains("{lang}")
    );
    assert!(
        Pattern::parse("content/en/page.md")
            .expect_err("no path")
            .contains("{path}")
    );
    assert!(
        Pattern::parse("{path}{locale}.md")
            .expect_err("adjacent")
            .contains("between")
    );
}

#[test]
fn config_errors_name_the_key_or_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err =
        config(dir.path(), "source_locale = \"en\"\nlocale = [\"it\"]\n").expect_err("unknown key");
    let text = err.to_string();
    assert!(
        text.contains("bitext.toml") && text.contains("line 2") && text.contains("locale"),
        "{text}"
    );

    let err = config(
        dir.path(),
        "[paths]\ntranslation = \"../out/{locale}/{path}.md\"\n",
    )
    .expect_err("escapes");
    assert!(
        err.to_string()
            .contains("`paths.translation` must stay inside the project root"),
        "{err}"
    );

    let err =
        config(dir.path(), "[paths]\ncatalog = \"locales/{path}.ftl\"\n").expect_err("no locale");
    assert!(
        err.to_string()
            .contains("`paths.catalog` must contain `{locale}`"),
        "{err}"
    );

    let err =
        config(dir.path(), "[paths]\nsource = \"content/en/page.md\"\n").expect_err("no path");
    assert!(
        err.to_string()
            .contains("`paths.source` must contain `{path}` exactly once"),
        "{err}"
    );
}

#[test]
fn source_may_live_outside_the_root() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = config(dir.path(), "[paths]\nsource = \"../english/{path}.md\"\n").expect("valid");
    assert_eq!(cfg.source.render("en", "a"), "../english/a.md");
}

#[test]
fn source_pages_are_found_under_relative_and_absolute_roots_outside_the_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (project, english) = (dir.path().join("project"), dir.path().join("english"));
    write(&english, "guide/a.md", "# A\n");
    write(&english, "b.md", "# B\n");
    write(&project, "content/it/b.md", "# Bi\n");
    let absolute = english.to_string_lossy().replace('\\', "/");
    for source in [
        "../english/{path}.md".to_owned(),
        format!("{absolute}/{{path}}.md"),
    ] {
        let cfg = config(
            &project,
            &format!("locales = [\"it\"]\n[paths]\nsource = \"{source}\"\n"),
        )
        .expect("valid");
        let found: Vec<String> = pages(&cfg)
            .expect("pages")
            .into_iter()
            .map(|p| p.path)
            .collect();
        assert_eq!(found, ["b", "guide/a"], "{source}");
        let it = files(&cfg).expect("files");
        assert!(
            it[0]
                .files
                .iter()
                .any(|f| f.page.path == "b" && f.translation_exists)
        );
    }
}

#[test]
fn extension_sets_keep_each_page_its_extension() {
    let pattern = Pattern::parse("docs/{path}.{md,mdx}").expect("valid");
    assert_eq!(pattern.matches("docs/a/b.md"), Some((None, "a/b")));
    assert_eq!(pattern.matches("docs/a/b.mdx"), Some((None, "a/b.mdx")));
    assert_eq!(pattern.matches("docs/a/b.png"), None);
    let translation = Pattern::parse("i18n/{locale}/current/{path}.{md,mdx}").expect("valid");
    assert_eq!(translation.render("zh", "a/b"), "i18n/zh/current/a/b.md");
    assert_eq!(
        translation.render("zh", "a/b.mdx"),
        "i18n/zh/current/a/b.mdx"
    );
    assert_eq!(
        translation.matches("i18n/zh/current/a/b.mdx"),
        Some((Some("zh"), "a/b.mdx"))
    );
    assert!(
        Pattern::parse("docs/{md,mdx}/{path}.md")
            .expect_err("not after {path}.")
            .contains("extension set")
    );
}

#[test]
fn suffix_layout_does_not_take_translations_for_sources() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    for rel in [
        "docs/index.md",
        "docs/index.it.md",
        "docs/guide/setup.md",
        "docs/guide/setup.pt-BR.md",
        "docs/v1.2.md",
    ] {
        write(root, rel, "# Hi\n");
    }
    let cfg = config(
        root,
        "source_locale = \"en\"\n[paths]\nsource = \"docs/{path}.md\"\ntranslation = \"docs/{path}.{locale}.md\"\n",
    )
    .expect("valid");
    let found: Vec<String> = pages(&cfg)
        .expect("listable")
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(found, ["guide/setup", "index", "v1.2"]);
    let by_locale = files(&cfg).expect("listable");
    let summary: Vec<(String, usize)> = by_locale
        .iter()
        .map(|l| {
            (
                l.locale.to_string(),
                l.files.iter().filter(|f| f.translation_exists).count(),
            )
        })
        .collect();
    assert_eq!(summary, [("it".to_owned(), 1), ("pt-BR".to_owned(), 1)]);
}

#[test]
fn defaults_apply_without_a_config_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "content/en/index.md", "# Hi\n");
    write(root, "content/en/guide/a.md", "# A\n");
    write(root, "content/it/index.md", "# Ciao\n");
    write(root, "locales/fr/index.ftl", "x = y\n");
    let cfg = Config::discover(root).expect("defaults");
    assert!(cfg.file.is_none());
    let by_locale = files(&cfg).expect("listable");
    let locales: Vec<&str> = by_locale.iter().map(|l| l.locale.as_str()).collect();
    assert_eq!(locales, ["fr", "it"]);
    let it = &by_locale[1];
    let present: Vec<(&str, bool)> = it
        .files
        .iter()
        .map(|f| (f.page.path.as_str(), f.translation_exists))
        .collect();
    assert_eq!(present, [("guide/a", false), ("index", true)]);
}

#[test]
fn configured_locales_are_taken_as_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = config(dir.path(), "locales = [\"pt_BR\", \"pt-br\", \"it\"]\n").expect("valid");
    let codes: Vec<&str> = cfg
        .locales
        .as_ref()
        .expect("configured")
        .iter()
        .map(|l| l.as_str())
        .collect();
    assert_eq!(codes, ["pt_BR", "it"]);
    let err = config(dir.path(), "locales = [\"EN\"]\n").expect_err("source locale");
    assert!(err.to_string().contains("lists the source locale"), "{err}");
}

#[test]
fn binary_and_invalid_utf8_files_are_refused_with_offsets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bin = dir.path().join("a.md");
    fs::write(&bin, b"# x\n\0\x01").expect("write");
    assert_eq!(
        crate::read_text(&bin).expect_err("binary").to_string(),
        format!("{}: binary file (NUL byte at offset 4)", bin.display())
    );
    let bad = dir.path().join("b.md");
    fs::write(&bad, b"caf\xe9\n").expect("write");
    assert_eq!(
        crate::read_text(&bad).expect_err("latin-1").to_string(),
        format!(
            "{}: not UTF-8 text (invalid byte at offset 3)",
            bad.display()
        )
    );
    let missing = dir.path().join("none.md");
    assert!(
        crate::read_text(&missing)
            .expect_err("missing")
            .to_string()
            .starts_with(&format!("cannot read {}", missing.display()))
    );
}

#[test]
fn an_output_that_would_not_change_is_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out/it.po");
    let modified = |p: &Path| {
        std::fs::metadata(p)
            .and_then(|m| m.modified())
            .expect("stat")
    };
    assert!(crate::write_atomic_if_changed(&path, &[b"ab", b"c"]).expect("written"));
    assert_eq!(std::fs::read(&path).expect("readable"), b"abc");
    // An old time, so that a rewrite would show.
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(old))
        .expect("settable");
    // The same bytes cut differently: nothing written.
    assert!(!crate::write_atomic_if_changed(&path, &[b"a", b"", b"bc"]).expect("checked"));
    assert_eq!(modified(&path), old);
    // Same length, other bytes; a prefix; a longer text: each is written.
    for (pieces, expected) in [
        (&[&b"abd"[..]][..], &b"abd"[..]),
        (&[&b"ab"[..]][..], &b"ab"[..]),
        (&[&b"ab"[..], &b"cd"[..]][..], &b"abcd"[..]),
    ] {
        assert!(crate::write_atomic_if_changed(&path, pieces).expect("written"));
        assert_eq!(std::fs::read(&path).expect("readable"), expected);
    }
    // A folder in the way is an error, not "unchanged".
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).expect("made");
    assert!(crate::write_atomic_if_changed(&folder, &[b""]).is_err());
    // No temp file is left beside the output.
    let names: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .expect("listable")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["it.po"]);
}

#[test]
fn pieces_are_written_whole_in_order_however_many() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("many.txt");
    // More pieces than one vectored write takes, empty ones among them.
    let numbers: Vec<String> = (0..2500).map(|n| format!("{n},")).collect();
    let mut pieces: Vec<&[u8]> = Vec::new();
    for (n, number) in numbers.iter().enumerate() {
        if n % 7 == 0 {
            pieces.push(b"");
        }
        pieces.push(number.as_bytes());
    }
    pieces.push(b"");
    assert!(crate::write_atomic_if_changed(&path, &pieces).expect("written"));
    assert_eq!(
        std::fs::read_to_string(&path).expect("readable"),
        numbers.concat()
    );
    // Only empty pieces: an empty file.
    assert!(crate::write_atomic_if_changed(&path, &[b"", b""]).expect("written"));
    assert_eq!(std::fs::read(&path).expect("readable"), b"");
}
