//! `pending` in pieces (a page at a time, formatted on the page workers)
//! makes the same PO file as the whole list formatted at once.

use std::path::Path;

use model::Locale;
use project::{Config, SyncOptions};

fn write(path: &Path, text: &str) {
    project::write_atomic(path, text.as_bytes()).expect("writable");
}

#[test]
fn po_pieces_are_the_whole_file_cut_at_page_boundaries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let toml = "source_locale = \"en\"\nlocales = [\"it\"]\n";
    let config = Config::from_toml(toml, root.to_path_buf(), None).expect("valid config");
    let pages = [
        (
            "a",
            "# Alpha\n\nThe first page.\n\n- one item\n- two \"quoted\"\n",
        ),
        ("b/c", "# Gamma\n\nA line\nand its continuation.\n"),
        ("d", "No heading here, only\ttabs and a \\ backslash.\n"),
    ];
    for (path, text) in pages {
        write(&root.join(format!("content/en/{path}.md")), text);
    }
    project::sync(&config, &SyncOptions::default()).expect("synced");
    // Translate page a whole, then change one of its sentences: one stale
    // message with a previous source, the rest missing.
    let source = std::fs::read_to_string(root.join("locales/en/a.ftl")).expect("synced catalog");
    let source = catalog::parse(&source).expect("parses");
    let mut it = catalog::Catalog::default();
    for message in &source.messages {
        it.messages.push(catalog::Message {
            id: message.id.clone(),
            text: format!("IT {}", message.text),
            source: Some(catalog::Fingerprint::of(&message.text)),
            ..catalog::Message::default()
        });
    }
    write(&root.join("locales/it/a.ftl"), &catalog::write(&it));
    write(
        &root.join("content/en/a.md"),
        "# Alpha\n\nThe first page, changed.\n\n- one item\n- two \"quoted\"\n",
    );
    project::sync(&config, &SyncOptions::default()).expect("synced");

    let locale = Locale::new("it");
    let all = project::pending(&config, &locale, None).expect("pending");
    let states: Vec<(&str, &str)> = all.iter().map(|p| (&*p.page, p.state.name())).collect();
    assert_eq!(
        states,
        [
            ("a", "stale"),
            ("b/c", "missing"),
            ("b/c", "missing"),
            ("d", "missing"),
        ]
    );
    let pieces = project::pending_po_pieces(&config, &locale, None).expect("pending");
    // The header, then one piece per page (page a's has its stale entry).
    assert_eq!(pieces.len(), 1 + pages.len());
    assert!(
        pieces[1].contains("#, fuzzy\n#| msgid \"The first page.\""),
        "{}",
        pieces[1]
    );
    assert_eq!(
        pieces.concat(),
        project::pending_po(&all, "it", &project::project_name(&config))
    );
    // A page filter keeps the same shape.
    let some = project::pending_po_pieces(&config, &locale, Some("b/*")).expect("pending");
    assert_eq!(some.len(), 2);
    let filtered = project::pending(&config, &locale, Some("b/*")).expect("pending");
    assert_eq!(
        some.concat(),
        project::pending_po(&filtered, "it", &project::project_name(&config))
    );
}
