//! Catalogs over a real history: the 82 English versions of one
//! privacyguides page (`corpus/privacyguides-history/en`), synced one after
//! the other. At every version a translator works through each format
//! (Fluent, PO, XLIFF 2.0 and 1.2, JSON): the pending file imported back
//! unedited changes nothing, then the file with some messages translated
//! is imported. After each version the catalog is compared with a model
//! the test keeps itself (each id's translation and the source text it was
//! made from): no translation is ever lost, and the stale and missing
//! counts `status` gives are the model's.

use std::path::Path;

mod support;
use support::translator::{FORMATS, Model, compare, translate};
use support::{ok, read, write};

#[test]
fn every_format_round_trips_at_every_version_of_a_real_history() {
    let Some(root) = corpus::root("catalog_history") else {
        return;
    };
    let versions = corpus::markdown_files(&root.join("privacyguides-history/en"));
    assert_eq!(versions.len(), 82, "the corpus has 82 English versions");
    let tmp = support::project(&[]);
    let dir = tmp.path();
    let mut model = Model::new();
    let mut stale_seen = 0;
    for (v, version) in versions.iter().enumerate() {
        write(&dir.join("content/en/rtc.md"), &corpus::read(version));
        ok(dir, &["sync"]);
        for (f, (format, ext)) in FORMATS.iter().enumerate() {
            let file = format!("it.{ext}");
            ok(
                dir,
                &["pending", "--locale", "it", "--format", format, "-o", &file],
            );
            let catalog = catalog_text(dir);
            let said = ok(dir, &["import", "--locale", "it", &file]);
            assert_eq!(
                catalog_text(dir),
                catalog,
                "version {v}, {format} unedited: {said}"
            );
            // Some of the pending messages, a different share in each format.
            let edited = translate(&read(&dir.join(&file)), format, |e| {
                let picked = (e.id.bytes().map(usize::from).sum::<usize>() + v) % 10 == f;
                let source = e.source_text.clone()?;
                picked.then(|| {
                    let translation = format!("IT{v} {source}");
                    model.insert(e.id.clone(), (translation.clone(), source));
                    translation
                })
            });
            write(&dir.join(&file), &edited);
            ok(dir, &["import", "--locale", "it", &file]);
        }
        stale_seen += compare(dir, "rtc", &model, &format!("version {v}"));
    }
    // The history makes translations stale again and again.
    assert!(
        stale_seen > 100,
        "{stale_seen} stale messages counted over the history"
    );
    assert!(
        model.len() > 100,
        "the translator translated {} messages",
        model.len()
    );
}

/// The Italian catalog's text (empty before there is one).
fn catalog_text(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("locales/it/rtc.ftl")).unwrap_or_default()
}
