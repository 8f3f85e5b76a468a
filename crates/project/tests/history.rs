//! `sync` over the real history of one page (82 English versions), with an
//! Italian catalog: no translation is ever lost, ids stay sticky, and a
//! second sync changes nothing.

use std::collections::BTreeMap;
use std::path::Path;

use project::{Config, SyncOptions};

fn config(root: &Path) -> Config {
    let toml = "source_locale = \"en\"\nlocales = [\"it\"]\n";
    Config::from_toml(toml, root.to_path_buf(), None).expect("valid config")
}

/// Translates every message of the source catalog that the Italian one lacks.
fn translate_pending(root: &Path, translated: &mut BTreeMap<String, String>) -> usize {
    let source = catalog::parse(&read(&root.join("locales/en/page.ftl"))).expect("parses");
    let it_path = root.join("locales/it/page.ftl");
    let mut target = if it_path.is_file() {
        catalog::parse(&read(&it_path)).expect("parses")
    } else {
        catalog::Catalog::default()
    };
    let mut added = 0;
    for message in &source.messages {
        if target.get(&message.id).is_none() {
            let text = format!("IT {}", message.text);
            translated.insert(message.id.clone(), text.clone());
            target.messages.push(catalog::Message {
                id: message.id.clone(),
                text,
                source: Some(catalog::Fingerprint::of(&message.text)),
                ..catalog::Message::default()
            });
            added += 1;
        }
    }
    project::write_atomic(&it_path, catalog::write(&target).as_bytes()).expect("writable");
    added
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

#[test]
fn syncing_the_history_of_a_page_never_loses_a_translation() {
    let Some(root) = corpus::root("catalog history test") else {
        return;
    };
    let versions = corpus::markdown_files(&root.join("privacyguides-history/en"));
    assert_eq!(versions.len(), 82, "the history has 82 English versions");
    let dir = tempfile::tempdir().expect("temp dir");
    let config = config(dir.path());
    let page = dir.path().join("content/en/page.md");
    let mut translated: BTreeMap<String, String> = BTreeMap::new();
    let mut ids_by_text: BTreeMap<String, String> = BTreeMap::new();
    let mut steps = Vec::new();
    for (n, version) in versions.iter().enumerate() {
        project::write_atomic(&page, corpus::read(version).as_bytes()).expect("writable");
        let report = project::sync(&config, &SyncOptions::default()).expect("sync runs");
        let page_report = &report.pages[0];
        let stale: usize = page_report.locales.iter().map(|l| l.newly_stale).sum();
        let obsolete: usize = page_report.locales.iter().map(|l| l.newly_obsolete).sum();
        steps.push(format!(
            "{:>2} {}: {} segments, {} new, {} changed, {} removed; it: {stale} newly stale, {obsolete} newly obsolete",
            n + 1,
            version.file_name().expect("a file").to_string_lossy(),
            page_report.segments,
            page_report.added,
            page_report.changed,
            page_report.removed,
        ));

        // Sync is idempotent.
        let again = project::sync(&config, &SyncOptions::default()).expect("sync runs");
        assert!(
            again.written.is_empty(),
            "version {}: a second sync wrote {:?}",
            n + 1,
            again.written
        );

        // Every translation made so far is still attached or obsolete, with its text.
        if n > 0 {
            let target = catalog::parse(&read(&dir.path().join("locales/it/page.ftl")))
                .expect("the Italian catalog parses");
            for (id, text) in &translated {
                let found = target
                    .messages
                    .iter()
                    .chain(&target.obsolete)
                    .find(|m| &m.id == id)
                    .unwrap_or_else(|| panic!("version {}: translation {id} was lost", n + 1));
                assert_eq!(&found.text, text, "version {}: {id}", n + 1);
            }
            // A stale message keeps the source it was made from.
            for message in target.messages.iter().filter(|m| m.stale) {
                let previous = message
                    .previous
                    .as_deref()
                    .expect("stale messages keep their previous source");
                assert!(message.source.expect("fingerprint").matches(previous));
            }
        }

        // Ids are sticky: a text that stays in the page keeps its id.
        let source =
            catalog::parse(&read(&dir.path().join("locales/en/page.ftl"))).expect("parses");
        let mut seen = std::collections::HashSet::new();
        for message in &source.messages {
            assert!(
                seen.insert(message.id.clone()),
                "duplicate id {}",
                message.id
            );
            assert!(
                !source.retired.contains(&message.id),
                "retired id {} reused",
                message.id
            );
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for message in &source.messages {
            *counts.entry(message.text.as_str()).or_default() += 1;
        }
        // A text that appears once in both versions keeps its id.
        for message in &source.messages {
            if counts[message.text.as_str()] == 1
                && let Some(old) = ids_by_text.get(&message.text)
            {
                assert_eq!(
                    old,
                    &message.id,
                    "version {}: {:?} changed id",
                    n + 1,
                    message.text
                );
            }
        }
        ids_by_text = source
            .messages
            .iter()
            .filter(|m| counts[m.text.as_str()] == 1)
            .map(|m| (m.text.clone(), m.id.clone()))
            .collect();

        // Translate what is pending every tenth version (and the first).
        if n % 10 == 0 {
            translate_pending(dir.path(), &mut translated);
        }
    }
    println!("{}", steps.join("\n"));
    assert!(
        translated.len() > 100,
        "only {} translations made",
        translated.len()
    );
}
