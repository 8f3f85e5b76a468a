//! Segments every Markdown file below the given folders N times, for profiling.
fn main() {
    let mut args = std::env::args().skip(1);
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let mut texts = Vec::new();
    let mut pending: Vec<std::path::PathBuf> = args.map(Into::into).collect();
    while let Some(p) = pending.pop() {
        if p.is_dir() {
            pending.extend(
                std::fs::read_dir(&p)
                    .expect("listable")
                    .map(|e| e.expect("entry").path()),
            );
        } else if p.extension().is_some_and(|e| e == "md" || e == "mdx") {
            texts.push(std::fs::read_to_string(&p).expect("readable"));
        }
    }
    let bare = std::env::var_os("BARE").is_some();
    // `DIALECT=hugo` reads the files in that dialect (MkDocs otherwise).
    let dialect = std::env::var("DIALECT")
        .ok()
        .and_then(|d| markdown::Dialect::from_name(&d))
        .unwrap_or_default();
    let options = markdown::Options::for_dialect(dialect);
    let mut n = 0;
    let start = std::time::Instant::now();
    for _ in 0..times {
        for t in &texts {
            n += if bare {
                markdown::bare_parse_with(t, dialect)
            } else {
                markdown::segment_with(t, &options).0.segments.len()
            };
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * times;
    eprintln!(
        "{:.1} MB/s",
        bytes as f64 / start.elapsed().as_secs_f64() / 1e6
    );
    println!("{} files, {n} segments", texts.len());
}
