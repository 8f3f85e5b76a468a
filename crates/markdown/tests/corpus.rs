//! Invariants over the whole shared corpus: every Markdown file of every
//! locale segments and reassembles byte for byte, and segment texts are clean.

use std::path::PathBuf;

fn files() -> Option<Vec<PathBuf>> {
    let root = corpus::root("markdown corpus tests")?;
    let mut files = corpus::markdown_files(&root.join("privacyguides"));
    files.extend(corpus::markdown_files(&root.join("privacyguides-history")));
    assert!(
        files.len() >= 1400 + 86,
        "the corpus looks incomplete: {} files",
        files.len()
    );
    Some(files)
}

#[test]
fn every_corpus_file_round_trips() {
    let Some(files) = files() else { return };
    let mut failures = Vec::new();
    let mut segments = 0;
    for path in &files {
        let src = corpus::read(path);
        let (doc, _) = markdown::segment(&src);
        segments += doc.segments.len();
        let rebuilt = assemble::assemble(&doc.skeleton, &doc.texts()).expect("one text per slot");
        if rebuilt != src {
            let at = rebuilt
                .bytes()
                .zip(src.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(src.len().min(rebuilt.len()));
            failures.push(format!("{}: first difference at byte {at}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files do not round-trip:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    eprintln!("{} files, {segments} segments, all round-trip", files.len());
}

#[test]
fn source_segment_texts_have_no_container_syntax_or_indentation() {
    // Translations are exported with damage (a translated `!!!` line is a
    // paragraph), so this holds for the English sources only.
    let Some(root) = corpus::root("markdown corpus tests") else {
        return;
    };
    let mut files = corpus::markdown_files(&root.join("privacyguides/en"));
    files.extend(corpus::markdown_files(
        &root.join("privacyguides-history/en"),
    ));
    let mut bad = Vec::new();
    for path in &files {
        let src = corpus::read(path);
        let (doc, _) = markdown::segment(&src);
        for s in &doc.segments {
            let first = s.text.chars().next();
            if first.is_none_or(char::is_whitespace)
                || s.text.contains("!!!")
                || s.text.contains("???")
            {
                bad.push(format!(
                    "{}:{} {} {:?}",
                    path.display(),
                    s.line,
                    s.kind,
                    s.text
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} unclean segments:\n{}",
        bad.len(),
        bad[..bad.len().min(40)].join("\n")
    );
}

/// The segments the workspace issue names for the Signal section of the seed page's English source.
#[test]
fn seed_page_source_has_the_expected_segments() {
    let Some(root) = corpus::root("markdown corpus tests") else {
        return;
    };
    let dir = root.join("privacyguides-history/en");
    let path = corpus::markdown_files(&dir)
        .into_iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("041-"))
        })
        .expect("en/041 is in the history");
    let (doc, _) = markdown::segment(&corpus::read(&path));
    let find = |kind: model::SegmentKind, pred: &dyn Fn(&str) -> bool| {
        doc.segments
            .iter()
            .find(|s| s.kind == kind && pred(&s.text))
            .map(|s| s.text.as_str())
    };
    use model::SegmentKind::*;
    assert_eq!(find(Heading, &|t| t == "Signal"), Some("Signal"));
    let body = find(Paragraph, &|t| t.starts_with("**Signal** is a mobile app"))
        .expect("the admonition body paragraph");
    assert!(body.ends_with("voice and video calling."), "{body}");
    assert_eq!(find(LinkText, &|t| t == "Homepage"), Some("Homepage"));
    assert_eq!(
        find(AttributeTitle, &|t| t == "Privacy Policy"),
        Some("Privacy Policy")
    );
    assert_eq!(find(ImageAlt, &|t| t == "Signal logo"), Some("Signal logo"));
    assert_eq!(find(LinkText, &|t| t == "Google Play"), Some("Google Play"));
    let signal_body = doc
        .segments
        .iter()
        .find(|s| s.text.starts_with("**Signal** is"))
        .expect("found above");
    let path: Vec<String> = signal_body
        .containers
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(path, ["!!! recommendation"]);
    for s in &doc.segments {
        assert!(
            !s.text.starts_with(char::is_whitespace),
            "indented: {:?}",
            s.text
        );
        assert!(
            !s.text.contains("!!!") && !s.text.contains("???"),
            "marker: {:?}",
            s.text
        );
    }
}
