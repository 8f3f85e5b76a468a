//! `bitext check` over the whole corpus: names learned, then every
//! translated page of the 24 locales aligned with its English source and
//! checked (1,344 pages). Run with `cargo bench -p project --bench check`.

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 5)]
fn check_all_locales(bencher: divan::Bencher) {
    let Some(root) = corpus::root("check bench") else {
        return;
    };
    let config = project::Config::from_toml(corpus::SITE_CONFIG, root.join("privacyguides"), None)
        .expect("a valid config");
    bencher.bench(|| {
        let report = project::check(&config, &project::CheckOptions::default()).expect("checked");
        report.findings.len()
    });
}
