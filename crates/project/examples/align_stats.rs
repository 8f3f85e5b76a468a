//! Alignment figures for locales of the corpus: pages, source segments,
//! pairs, mean confidence, unpaired on each side, lost containers, and
//! merges or splits (a translated segment paired with two source segments,
//! or the reverse).
//! `cargo run --release -p project --example align_stats -- it fr he`

use std::collections::HashMap;

fn main() {
    let Some(root) = corpus::root("align_stats") else {
        return;
    };
    let config = project::Config::from_toml(corpus::SITE_CONFIG, root.join("privacyguides"), None)
        .expect("a valid config");
    let sources = project::Sources::load(&config).expect("readable");
    let locales: Vec<String> = std::env::args().skip(1).collect();
    println!("locale  pages  source  pairs  mean-conf  unpaired-src  unpaired-tr  broken  merged");
    for locale in &locales {
        let (mut pages, mut source, mut pairs, mut conf, mut us, mut ut, mut broken, mut merged) =
            (0, 0, 0, 0.0f64, 0, 0, 0, 0);
        let aligned =
            project::align_locale(&config, &sources, &model::Locale::new(locale.as_str()))
                .expect("readable");
        for page in aligned.pages {
            let a = page.aligned;
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
            let mut per_translation: HashMap<usize, usize> = HashMap::new();
            let mut per_source: HashMap<usize, usize> = HashMap::new();
            for p in &a.alignment.pairs {
                *per_translation.entry(p.translation).or_default() += 1;
                *per_source.entry(p.source).or_default() += 1;
            }
            merged += per_translation.values().filter(|&&n| n > 1).count()
                + per_source.values().filter(|&&n| n > 1).count();
        }
        println!(
            "{locale:<7} {pages:>5}  {source:>6}  {pairs:>5}  {:>9.3}  {us:>12}  {ut:>11}  {broken:>6}  {merged:>6}",
            conf / pairs.max(1) as f64
        );
    }
}
