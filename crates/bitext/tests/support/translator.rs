//! A translator at work on a file bitext exported: some messages
//! translated, the rest left as they were, the file written back in its
//! format.

use std::collections::HashMap;
use std::path::Path;

use exchange::{Format, MessageState, Pending, Submitted, XliffVersion};

/// The formats a translator's file comes in: `--format` value and extension.
pub const FORMATS: [(&str, &str); 5] = [
    ("ftl", "ftl"),
    ("po", "po"),
    ("xliff", "xliff"),
    ("xliff12", "xlf"),
    ("json", "json"),
];

/// `text`, a file in `format` (a `--format` value) for locale `it`, with
/// the messages `pick` gives a translation translated (and marked done:
/// not fuzzy, not `initial`), written back by the format's writer. Every
/// format must hold each message's source text.
pub fn translate(
    text: &str,
    format: &str,
    mut pick: impl FnMut(&Submitted) -> Option<String>,
) -> String {
    let ext = FORMATS
        .iter()
        .find(|(f, _)| *f == format)
        .map_or(format, |(_, ext)| ext);
    let read_as = Format::from_name(&format!("x.{ext}")).expect("a known format");
    let entries = exchange::read(read_as, text).expect("the file reads back");
    // A translator edits the file, which keeps the fingerprint of the
    // translation it was exported with: (written, exported) to put back.
    let mut kept_fingerprints = Vec::new();
    let messages: Vec<Pending> = entries
        .into_iter()
        .map(|e| {
            let picked = pick(&e);
            if let (Some(new), Some(exported)) = (&picked, e.exported) {
                kept_fingerprints.push((
                    catalog::Fingerprint::of(new).to_string(),
                    exported.to_string(),
                ));
            }
            let state = match (&picked, &e.translation) {
                (Some(_), _) => MessageState::Current,
                (None, Some(_)) => MessageState::Stale,
                (None, None) => MessageState::Missing,
            };
            Pending {
                page: e.page.clone().unwrap_or_default().into(),
                file: "content/en/page.md".into(),
                line: e.line,
                state,
                source: e
                    .source_text
                    .clone()
                    .expect("every format holds the source"),
                kind: "paragraph",
                heading: None,
                previous: None,
                diff: None,
                translation: picked.or(e.translation),
                id: e.id,
            }
        })
        .collect();
    let header = exchange::FileHeader {
        source: "en",
        target: Some("it"),
        project: "test",
    };
    let mut text = match format {
        "ftl" => exchange::pending_ftl(&messages, header),
        "po" => exchange::pending_po(&messages, "it", "test"),
        "xliff" => exchange::xliff(&messages, header, XliffVersion::V2),
        "xliff12" => exchange::xliff(&messages, header, XliffVersion::V1_2),
        "json" => exchange::messages_json(&messages, header),
        other => panic!("no writer for {other}"),
    };
    for (written, exported) in kept_fingerprints {
        text = text.replace(&written, &exported);
    }
    text
}

/// What translators did, as a test keeps it: per id, the translation and
/// the source text it was made from.
pub type Model = HashMap<String, (String, String)>;

/// Page `page`'s Italian catalog and `status` against `model`: every
/// translation of an id the page still has is in the catalog with its
/// text, and translated, stale and missing are the model's (`when` says
/// at which step, for the failure). Returns the stale count.
pub fn compare(dir: &Path, page: &str, model: &Model, when: &str) -> u64 {
    let read = |path: String| std::fs::read_to_string(dir.join(path)).unwrap_or_default();
    let source =
        catalog::parse(&read(format!("locales/en/{page}.ftl"))).expect("the source catalog parses");
    let target = catalog::parse(&read(format!("locales/it/{page}.ftl")))
        .expect("the Italian catalog parses");
    let (mut translated, mut stale, mut missing) = (0, 0, 0);
    for message in &source.messages {
        match model.get(&message.id) {
            Some((translation, from)) => {
                let kept = target.get(&message.id).map(|m| m.text.as_str());
                assert_eq!(
                    kept,
                    Some(translation.as_str()),
                    "{when}: {} lost or changed",
                    message.id
                );
                if *from == message.text {
                    translated += 1;
                } else {
                    stale += 1;
                }
            }
            None => missing += 1,
        }
    }
    let status: serde_json::Value =
        serde_json::from_str(&super::ok(dir, &["status", "--format", "json"])).expect("JSON");
    let counts = &status["locales"]["it"]["pages"][page];
    let n = |k: &str| counts[k].as_u64().unwrap_or(u64::MAX);
    assert_eq!(
        (n("translated"), n("stale"), n("missing")),
        (translated, stale, missing),
        "{when}: status against the model"
    );
    stale
}
