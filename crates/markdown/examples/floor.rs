//! The floor that `cargo xtask bench` compares bitext with: reading the
//! given files, a bare pulldown-cmark pass over them (the segmenter's
//! options), and the segmenter itself, single-threaded, in this process.
//! Prints `read <s>`, `bare <s>`, `segment <s>` and `bytes <n>`, each
//! time the median of 5 runs. A first argument `--dialect=NAME` reads the
//! files in that dialect (MkDocs otherwise).

use std::time::{Duration, Instant};

fn median(mut runs: Vec<Duration>) -> f64 {
    runs.sort();
    runs[runs.len() / 2].as_secs_f64()
}

fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    let dialect = match files.first().and_then(|a| a.strip_prefix("--dialect=")) {
        Some(name) => {
            let dialect = markdown::Dialect::from_name(name).expect("a known dialect");
            files.remove(0);
            dialect
        }
        None => markdown::Dialect::Mkdocs,
    };
    let options = markdown::Options::for_dialect(dialect);
    let read = || -> Vec<String> {
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap_or_default())
            .collect()
    };
    let time = |f: &dyn Fn() -> usize| {
        median(
            (0..5)
                .map(|_| {
                    let started = Instant::now();
                    std::hint::black_box(f());
                    started.elapsed()
                })
                .collect(),
        )
    };
    let texts = read();
    println!("read {}", time(&|| read().len()));
    println!(
        "bare {}",
        time(&|| texts
            .iter()
            .map(|t| markdown::bare_parse_with(t, dialect))
            .sum())
    );
    println!(
        "segment {}",
        time(&|| texts
            .iter()
            .map(|t| markdown::segment_with(t, &options).0.segments.len())
            .sum())
    );
    println!("bytes {}", texts.iter().map(String::len).sum::<usize>());
}
