//! Importing hand-made translated pages (document mode) on the corpus: the
//! site's pages are copied unchanged into a temporary project, synced, and
//! the Italian pages imported into catalogs by alignment; a build then
//! gives back every page whose structure matches its source byte for byte.

use std::path::Path;

use model::Locale;
use project::{BuildOptions, Config, ImportOptions, SyncOptions};

/// Copies the corpus site (every locale) into `root/content`.
fn copy_site(site: &Path, root: &Path) {
    for dir in std::fs::read_dir(site).expect("listable") {
        let dir = dir.expect("entry").path();
        let name = dir
            .file_name()
            .expect("named")
            .to_string_lossy()
            .to_string();
        if !dir.is_dir() || name == "meta" {
            continue;
        }
        for file in corpus::markdown_files(&dir) {
            let rel = file.strip_prefix(site).expect("inside");
            let target = root.join("content").join(rel);
            std::fs::create_dir_all(target.parent().expect("a folder")).expect("creatable");
            std::fs::copy(&file, &target).expect("copied");
        }
    }
}

#[test]
fn italian_pages_import_and_build_back_byte_for_byte() {
    let Some(corpus_root) = corpus::root("document import test") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    copy_site(&corpus_root.join("privacyguides"), root);
    let config = Config::discover(root).expect("default config");
    project::sync(&config, &SyncOptions::default()).expect("synced");
    let it = Locale::new("it");
    let options = ImportOptions {
        locale: it.clone(),
        force: false,
        dry_run: false,
    };
    let report = project::import_documents(&config, &options).expect("imported");
    eprintln!(
        "it: {} pages, {} imported, {} stale (for review), {} untranslated, {} source segments missing, {} unpaired translated segments, {} broken containers, {} catalogs written",
        report.pages,
        report.imported,
        report.stale,
        report.untranslated,
        report.missing,
        report.unpaired.len(),
        report.broken.len(),
        report.written.len()
    );
    assert_eq!(report.pages, 56);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    // The Italian site is partly translated: segments left in English are
    // untranslated, not imported.
    assert!(report.imported > 1_000, "most pairs are confident");
    assert!(report.untranslated > 1_000);
    assert!(report.stale > 0, "some pairs need review");
    assert!(report.stale * 4 < report.imported);
    assert!(report.written.len() > 40, "{}", report.written.len());

    // A second import finds everything in place.
    let again = project::import_documents(&config, &options).expect("imported");
    assert_eq!((again.imported, again.stale), (0, 0));
    assert!(again.written.is_empty());
    assert_eq!(again.unchanged, report.imported + report.stale);

    // Built back, every confident pair gives the translated page's own
    // text at its place. (No page of the corpus has exactly its source's
    // structure: exports reformat attribute lists, link titles and blank
    // lines, which live in the skeleton; see below for such pages.)
    let sources = project::Sources::load(&config).expect("readable");
    let aligned = project::align_locale(&config, &sources, &it).expect("aligned");
    let build_options = |force| BuildOptions {
        locales: Some(vec![it.clone()]),
        check: false,
        force,
        pseudo: false,
    };
    project::build(&config, &build_options(true)).expect("built");
    let mut compared = 0;
    for page in &aligned.pages {
        let built = corpus::read(&page.path);
        let built = markdown::segment(&built).0;
        let a = &page.aligned;
        assert_eq!(built.segments.len(), a.source.segments.len());
        for (source, translation) in a.alignment.one_to_one() {
            assert_eq!(
                built.segments[source].text,
                a.translation[translation].text,
                "{}: source segment {source} built from the translation at line {}",
                page.path.display(),
                a.translation[translation].line
            );
            compared += 1;
        }
    }
    eprintln!("it: {compared} aligned segments built back as the translation has them");

    // Pages with their source's structure: each Italian page rewritten in
    // memory on its source's skeleton (paired segments in Italian, the rest
    // in English), imported and built back: all byte for byte.
    let mut derived = Vec::new();
    for page in &aligned.pages {
        let a = &page.aligned;
        let mut texts: Vec<std::borrow::Cow<'_, str>> =
            a.source.texts().into_iter().map(Into::into).collect();
        for (source, translation) in a.alignment.one_to_one() {
            let kind = a.source.segments[source].kind;
            let text = &a.translation[translation].text;
            texts[source] = markdown::fit(&a.source.skeleton, source, kind, text);
        }
        let texts: Vec<&str> = texts.iter().map(AsRef::as_ref).collect();
        let text = assemble::assemble(&a.source.skeleton, &texts).expect("one text per segment");
        project::write_atomic(&page.path, text.as_bytes()).expect("writable");
        derived.push((page.path.clone(), text));
    }
    let forced = ImportOptions {
        locale: it.clone(),
        force: true,
        dry_run: false,
    };
    let report = project::import_documents(&config, &forced).expect("imported");
    // Most derived pages are what the build above wrote already.
    assert_eq!(report.pages + report.generated, 56);
    assert!(report.unpaired.is_empty(), "{:?}", report.unpaired.first());
    let build = project::build(&config, &build_options(false)).expect("built");
    assert!(
        build.refused.is_empty() && build.changed.is_empty(),
        "{:?}",
        build.refused.first().or(build.changed.first())
    );
    // Pages left wholly in English have no Italian catalog to build from.
    assert_eq!(build.unchanged + build.without_catalog, 56, "{build:?}");
    assert!(build.unchanged > 40, "{build:?}");
    for (path, text) in &derived {
        assert_eq!(corpus::read(path), *text);
    }
}
