//! Segments the whole corpus (every Markdown file of every locale and the
//! history), single-threaded, next to a bare pulldown-cmark pass over the
//! same bytes (the floor). Run with `cargo bench -p markdown`.

use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// The corpus texts, or none (after saying so) on a machine without it.
fn texts() -> Vec<String> {
    let Some(root) = corpus::root("segment bench") else {
        return Vec::new();
    };
    let mut files = corpus::markdown_files(&root.join("privacyguides"));
    files.extend(corpus::markdown_files(&root.join("privacyguides-history")));
    files.iter().map(|p| corpus::read(p)).collect()
}

fn bytes(texts: &[String]) -> usize {
    texts.iter().map(String::len).sum()
}

#[divan::bench(sample_count = 20)]
fn segment_corpus(bencher: Bencher) {
    let texts = texts();
    bencher.counter(BytesCount::new(bytes(&texts))).bench(|| {
        let mut segments = 0;
        for text in &texts {
            segments += markdown::segment(divan::black_box(text)).0.segments.len();
        }
        segments
    });
}

#[divan::bench(sample_count = 20)]
fn pulldown_cmark_bare(bencher: Bencher) {
    let texts = texts();
    bencher.counter(BytesCount::new(bytes(&texts))).bench(|| {
        let mut events = 0;
        for text in &texts {
            // The same extensions the segmenter turns on.
            events += markdown::bare_parse(divan::black_box(text));
        }
        events
    });
}

#[divan::bench(sample_count = 20)]
fn segment_and_assemble_corpus(bencher: Bencher) {
    let texts = texts();
    bencher.counter(BytesCount::new(bytes(&texts))).bench(|| {
        let mut len = 0;
        for text in &texts {
            let (doc, _) = markdown::segment(divan::black_box(text));
            len += assemble::assemble(&doc.skeleton, &doc.texts())
                .expect("one text per slot")
                .len();
        }
        len
    });
}
