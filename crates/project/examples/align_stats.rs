//! Alignment figures for locales of the corpus: pages, source segments,
//! pairs, mean confidence, unpaired on each side, lost containers.
//! `cargo run --release -p project --example align_stats -- it fr he`

fn main() {
    let Some(root) = corpus::root("align_stats") else {
        return;
    };
    let site = root.join("privacyguides");
    let english = site.join("en");
    let locales: Vec<String> = std::env::args().skip(1).collect();
    println!("locale  pages  source  pairs  mean-conf  unpaired-src  unpaired-tr  broken");
    for locale in &locales {
        let (mut pages, mut source, mut pairs, mut conf, mut us, mut ut, mut broken) =
            (0, 0, 0, 0.0f64, 0, 0, 0);
        for file in corpus::markdown_files(&site.join(locale)) {
            let rel = file.strip_prefix(site.join(locale)).expect("inside");
            let source_file = english.join(rel);
            if !source_file.is_file() {
                continue;
            }
            let a = project::align_files(&source_file, &file, &markdown::Options::default())
                .expect("readable");
            pages += 1;
            source += a.source.segments.len();
            pairs += a.alignment.pairs.len();
            conf += a
                .alignment
                .pairs
                .iter()
                .map(|p| f64::from(p.confidence))
                .sum::<f64>();
            us += a.alignment.unpaired_source.len();
            ut += a.alignment.unpaired_translation.len();
            broken += a.diagnostics.len();
        }
        println!(
            "{locale:<7} {pages:>5}  {source:>6}  {pairs:>5}  {:>9.3}  {us:>12}  {ut:>11}  {broken:>6}",
            conf / pairs.max(1) as f64
        );
    }
}
