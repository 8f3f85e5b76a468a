//! Every segment of every corpus file, written as a message, reads back to
//! the same text with bitext's reader and formats to exactly that text with
//! fluent-bundle.

use fluent_bundle::{FluentBundle, FluentResource};

#[test]
fn every_corpus_segment_formats_to_its_text() {
    let Some(root) = corpus::root("catalog corpus test") else {
        return;
    };
    let mut files = corpus::markdown_files(&root.join("privacyguides"));
    files.extend(corpus::markdown_files(&root.join("privacyguides-history")));
    assert!(files.len() >= 1400, "the corpus looks incomplete");
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in &files {
        let src = corpus::read(path);
        let (doc, _) = markdown::segment(&src);
        let catalog = catalog::Catalog {
            page: Some("page".to_owned()),
            messages: doc
                .segments
                .iter()
                .map(|s| catalog::Message {
                    id: s.id.to_string(),
                    text: s.text.clone(),
                    ..catalog::Message::default()
                })
                .collect(),
            ..catalog::Catalog::default()
        };
        let ftl = catalog::write(&catalog);
        match catalog::parse(&ftl) {
            Ok(read) => {
                if read != catalog {
                    failures.push(format!("{}: read back differs", path.display()));
                }
            }
            Err(errors) => failures.push(format!("{}: {errors:?}", path.display())),
        }
        let resource = match FluentResource::try_new(ftl) {
            Ok(resource) => resource,
            Err((_, errors)) => {
                failures.push(format!("{}: fluent-bundle: {errors:?}", path.display()));
                continue;
            }
        };
        let mut bundle = FluentBundle::default();
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .expect("ids are unique within a document");
        for segment in &doc.segments {
            let pattern = bundle
                .get_message(segment.id.as_str())
                .and_then(|m| m.value())
                .expect("every segment has a message");
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            checked += 1;
            if text != segment.text || !errors.is_empty() {
                failures.push(format!(
                    "{}:{} {}: formats to {text:?}, expected {:?} ({errors:?})",
                    path.display(),
                    segment.line,
                    segment.id,
                    segment.text
                ));
            }
        }
    }
    assert!(checked > 90_000, "only {checked} segments checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} segments do not round-trip:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
