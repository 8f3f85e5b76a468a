//! Catalog mode over the whole corpus site: `sync` then `build` of 56 pages
//! × 24 locales, starting from empty target catalogs, in a temp dir (files
//! are written, atomically, as the commands do). Run with
//! `cargo bench -p project`.

use std::path::Path;

use divan::Bencher;

fn main() {
    divan::main();
}

/// A project in `dir`: the English pages of the corpus as the source and an
/// empty catalog per page for each of the other locales. Returns false (after
/// saying so) on a machine without the corpus.
fn prepare(dir: &Path) -> bool {
    let Some(root) = corpus::root("catalog bench") else {
        return false;
    };
    let site = root.join("privacyguides");
    let source = site.join("en");
    let mut locales: Vec<String> = std::fs::read_dir(&site)
        .expect("listable")
        .map(|e| e.expect("entry"))
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|l| l != "en" && l != "meta")
        .collect();
    locales.sort();
    let quoted: Vec<String> = locales.iter().map(|l| format!("\"{l}\"")).collect();
    let toml = format!(
        "source_locale = \"en\"\nlocales = [{}]\n",
        quoted.join(", ")
    );
    std::fs::write(dir.join("bitext.toml"), toml).expect("writable");
    for file in corpus::markdown_files(&source) {
        let rel = file.strip_prefix(&source).expect("inside");
        project::write_atomic(
            &dir.join("content/en").join(rel),
            corpus::read(&file).as_bytes(),
        )
        .expect("writable");
        for locale in &locales {
            let catalog = dir
                .join("locales")
                .join(locale)
                .join(rel.with_extension("ftl"));
            project::write_atomic(&catalog, b"").expect("writable");
        }
    }
    true
}

#[divan::bench(sample_count = 10)]
fn sync_and_build_from_empty_catalogs(bencher: Bencher) {
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let ready = prepare(dir.path());
            (dir, ready)
        })
        .bench_local_values(|(dir, ready)| {
            if !ready {
                return (dir, 0);
            }
            let config = project::Config::discover(dir.path()).expect("config");
            let synced = project::sync(&config, &project::SyncOptions::default()).expect("sync");
            let built = project::build(&config, &project::BuildOptions::default()).expect("build");
            let files = synced.written.len() + built.changed.len();
            (dir, files)
        });
}
