//! Document mode over the whole corpus: the names of every page learned
//! from its 24 translations, then every translated page of the 24 locales
//! read, segmented and aligned with its English source (1,344 pairs of
//! files). Run with `cargo bench -p project --bench align`.

fn main() {
    divan::main();
}

/// The corpus site as a project, or `None` without the corpus.
fn site() -> Option<project::Config> {
    let root = corpus::root("align bench")?;
    let site = root.join("privacyguides");
    Some(project::Config::from_toml(corpus::SITE_CONFIG, site, None).expect("a valid config"))
}

#[divan::bench(sample_count = 5)]
fn align_all_locales(bencher: divan::Bencher) {
    let Some(config) = site() else {
        return;
    };
    let locales = project::locales(&config).expect("listable");
    bencher.bench(|| {
        let sources = project::Sources::load(&config).expect("readable");
        let mut paired = 0;
        for locale in &locales {
            for page in project::align_locale(&config, &sources, locale)
                .expect("readable")
                .pages
            {
                paired += page.aligned.alignment.pairs.len();
            }
        }
        paired
    });
}
