//! Catalog mode over every corpus site, one per dialect: every page of
//! every locale, taken as a source page, is synced into catalogs; the
//! catalogs are copied as a target locale's (each translation the source
//! text itself); the build of that locale gives every page back byte for
//! byte. Also: each site's dialect is detected without configuration.

use std::path::{Path, PathBuf};

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().expect("a file has a folder")).expect("create folders");
    std::fs::copy(from, to).expect("copy a corpus file");
}

/// Every file below `dir` (relative paths, `/`-separated).
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).expect("a readable folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("below dir");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// Syncs, copies the source catalogs as locale `xx`, builds, and compares.
fn round_trip(name: &str, dialect: &str, pages: &[(String, PathBuf)]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    for (rel, original) in pages {
        copy(original, &root.join("src").join(rel));
    }
    std::fs::write(
        root.join("bitext.toml"),
        format!(
            "source_locale = \"src\"\nlocales = [\"xx\"]\n[paths]\nsource = \"src/{{path}}.{{md,mdx}}\"\ntranslation = \"out/{{locale}}/{{path}}.{{md,mdx}}\"\ncatalog = \"locales/{{locale}}/{{path}}.ftl\"\n[markdown]\ndialect = \"{dialect}\"\n"
        ),
    )
    .expect("write config");
    let config = project::Config::load(&root.join("bitext.toml")).expect("a valid config");
    project::sync(&config, &project::SyncOptions::default()).expect("sync");
    for rel in files(&root.join("locales/src")) {
        copy(
            &root.join("locales/src").join(&rel),
            &root.join("locales/xx").join(&rel),
        );
    }
    project::build(&config, &project::BuildOptions::default()).expect("build");
    let mut failures = Vec::new();
    for (rel, original) in pages {
        let built = std::fs::read(root.join("out/xx").join(rel)).unwrap_or_default();
        if built != std::fs::read(original).expect("a corpus file") {
            failures.push(rel.clone());
        }
    }
    assert!(
        failures.is_empty(),
        "{name}: {} of {} pages do not build back:\n{}",
        failures.len(),
        pages.len(),
        failures.join("\n")
    );
    eprintln!(
        "{name}: {} pages synced and built back byte for byte",
        pages.len()
    );
}

#[test]
fn every_page_of_every_dialect_builds_back_from_identity_catalogs() {
    let Some(root) = corpus::root("dialect round trip") else {
        return;
    };
    for site in corpus::DIALECT_SITES {
        let base = root.join(site.root);
        let mut pages = Vec::new();
        for dir in std::iter::once(site.source).chain(site.translations.iter().copied()) {
            for rel in files(&base.join(dir)) {
                if rel.ends_with(".md") || rel.ends_with(".mdx") {
                    pages.push((format!("{dir}/{rel}"), base.join(dir).join(&rel)));
                }
            }
        }
        round_trip(site.name, site.dialect, &pages);
    }
    let pg = root.join("privacyguides");
    let pages: Vec<(String, PathBuf)> = files(&pg)
        .into_iter()
        .filter(|rel| rel.ends_with(".md"))
        .map(|rel| (rel.clone(), pg.join(&rel)))
        .collect();
    round_trip("privacyguides", "mkdocs", &pages);
}

#[test]
fn each_corpus_site_has_its_dialect_detected() {
    let Some(root) = corpus::root("dialect detection") else {
        return;
    };
    for site in corpus::DIALECT_SITES {
        let base = root.join(site.root);
        let source = project::Pattern::parse(&format!("{}/{{path}}.md", site.source))
            .expect("a valid pattern");
        let (dialect, why) = project::detect_dialect(&base, &source);
        assert_eq!(dialect.name(), site.dialect, "{}: {why}", site.name);
    }
    let source = project::Pattern::parse("en/{path}.md").expect("a valid pattern");
    let (dialect, why) = project::detect_dialect(&root.join("privacyguides"), &source);
    assert_eq!(dialect.name(), "mkdocs", "privacyguides: {why}");
}
