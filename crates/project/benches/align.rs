//! Document mode over the whole corpus: every translated page of the 24
//! locales read, segmented and aligned with its English source (1,344
//! pairs of files). Run with `cargo bench -p project --bench align`.

use std::path::PathBuf;

fn main() {
    divan::main();
}

/// (source, translation) file pairs of the corpus; empty without it.
fn pairs() -> Vec<(PathBuf, PathBuf)> {
    let Some(root) = corpus::root("align bench") else {
        return Vec::new();
    };
    let site = root.join("privacyguides");
    let english = site.join("en");
    let mut out = Vec::new();
    let mut locales: Vec<PathBuf> = std::fs::read_dir(&site)
        .expect("listable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir() && !p.ends_with("en") && !p.ends_with("meta"))
        .collect();
    locales.sort();
    for dir in locales {
        for file in corpus::markdown_files(&dir) {
            let source = english.join(file.strip_prefix(&dir).expect("inside"));
            if source.is_file() {
                out.push((source, file));
            }
        }
    }
    out
}

#[divan::bench(sample_count = 5)]
fn align_all_locales(bencher: divan::Bencher) {
    let files = pairs();
    bencher.bench(|| {
        let mut paired = 0;
        for (source, translation) in &files {
            let aligned = project::align_files(source, translation, &markdown::Options::default())
                .expect("readable");
            paired += aligned.alignment.pairs.len();
        }
        paired
    });
}
