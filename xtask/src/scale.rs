//! `cargo xtask bench scale`: how bitext's time and memory grow with the
//! size of a site. A site of N pages is generated in a temp dir from the
//! corpus, in its shape (one English page and 24 translations of it, so
//! N / 25 source pages): source page k is the corpus page k mod 56 in
//! folder `copy-{k / 56}/`, with a comment naming its copy appended, and
//! each translation the same corpus page in that locale, varied the same
//! way. Nothing from the corpus is written outside the temp dir. Then, one
//! process each: extraction (`sync`), `check` of every locale (cold, which
//! fills the check cache, then warm), `status`, and `build` of every
//! locale from empty target catalogs, with wall time and peak resident
//! memory.

use std::path::{Path, PathBuf};

use crate::bench::{corpus_locales, markdown_files, run_timed};

/// The sizes measured, in pages (source and translated).
pub const SIZES: [usize; 3] = [1_000, 10_000, 50_000];

/// The pages of one locale of the corpus, as (relative path, text).
type Pages = Vec<(PathBuf, String)>;

/// One step at one size.
struct Step {
    name: &'static str,
    seconds: f64,
    max_kib: Option<u64>,
    ok: bool,
}

/// Runs `bitext args` in `dir` once.
fn step(dir: &Path, bitext: &str, name: &'static str, args: &[&str]) -> Step {
    let (seconds, max_kib, output) = run_timed(dir, bitext, args, false, true);
    // check exits 1 when it finds something: that is a run that finished.
    let ok = output.is_some_and(|o| matches!(o.status.code(), Some(0 | 1)));
    Step {
        name,
        seconds,
        max_kib,
        ok,
    }
}

/// Writes a site of about `pages` pages under `site`; returns the number
/// of pages written (source and translated) and their bytes.
fn generate(
    site: &Path,
    pages: usize,
    english: &Pages,
    locales: &[(String, Pages)],
) -> (usize, u64) {
    let per_page = 1 + locales.len();
    let sources = pages.div_ceil(per_page);
    let (mut written, mut bytes) = (0, 0u64);
    let mut write = |path: PathBuf, text: &str| {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if std::fs::write(&path, text).is_ok() {
            written += 1;
            bytes += text.len() as u64;
        }
    };
    for k in 0..sources {
        let (rel, text) = &english[k % english.len()];
        let copy = k / english.len();
        let rel = Path::new(&format!("copy-{copy}")).join(rel);
        let mark = format!("\n<!-- copy {copy} -->\n");
        write(site.join("content/en").join(&rel), &format!("{text}{mark}"));
        for (locale, pages) in locales {
            if let Some((_, text)) = pages.get(k % english.len()) {
                write(
                    site.join("content").join(locale).join(&rel),
                    &format!("{text}{mark}"),
                );
            }
        }
    }
    (written, bytes)
}

/// Reads the pages of each locale of the corpus, aligned by position with
/// the English pages (a locale missing a page gets none there).
fn read_corpus(corpus: &Path) -> (Pages, Vec<(String, Pages)>) {
    let read = |dir: &Path, files: &[PathBuf]| -> Pages {
        files
            .iter()
            .filter_map(|f| Some((f.clone(), std::fs::read_to_string(dir.join(f)).ok()?)))
            .collect()
    };
    let english_files = markdown_files(&corpus.join("en"));
    let english = read(&corpus.join("en"), &english_files);
    let names = corpus_locales(corpus);
    let locales = names
        .into_iter()
        .map(|name| {
            let dir = corpus.join(&name);
            let pages: Pages = english
                .iter()
                .map(|(rel, source)| {
                    let text =
                        std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|_| source.clone());
                    (rel.clone(), text)
                })
                .collect();
            (name, pages)
        })
        .collect();
    (english, locales)
}

/// Generates each size, runs the steps, prints a table. `sizes` may be
/// given on the command line (`cargo xtask bench scale 1000 5000`).
pub fn run(corpus: &Path, bitext: &str, work: &Path, sizes: &[usize]) -> bool {
    let (english, locales) = read_corpus(corpus);
    if english.is_empty() {
        eprintln!("bench scale: no English pages in {}", corpus.display());
        return false;
    }
    let quoted: Vec<String> = locales.iter().map(|(l, _)| format!("\"{l}\"")).collect();
    let list = quoted.join(", ");
    println!(
        "\nScale: sites generated from the corpus in its shape (1 English page + {} translations), one process per step, one run each",
        locales.len()
    );
    println!(
        "\n| pages | MB | step | wall | per 1,000 pages | peak memory |\n|--:|--:|---|--:|--:|--:|"
    );
    let mut per_page: Vec<(usize, Vec<(&'static str, f64)>)> = Vec::new();
    let mut all_ok = true;
    for &size in sizes {
        let site = work.join(format!("scale-{size}"));
        let _ = std::fs::remove_dir_all(&site);
        let (pages, bytes) = generate(&site, size, &english, &locales);
        let _ = std::fs::write(
            site.join("bitext.toml"),
            format!("source_locale = \"en\"\nlocales = [{list}]\n"),
        );
        // Build writes beside the translations, from empty catalogs.
        let _ = std::fs::write(
            site.join("build.toml"),
            format!(
                "source_locale = \"en\"\nlocales = [{list}]\n[paths]\nsource = \"content/en/{{path}}.md\"\ntranslation = \"built/{{locale}}/{{path}}.md\"\ncatalog = \"locales/{{locale}}/{{path}}.ftl\"\n"
            ),
        );
        let mut steps = vec![
            step(&site, bitext, "extract", &["sync"]),
            // The first check fills the cache; the second takes from it.
            step(&site, bitext, "check", &["check", "--format", "json"]),
            step(&site, bitext, "check, warm", &["check", "--format", "json"]),
            step(&site, bitext, "status", &["status", "--format", "json"]),
        ];
        for rel in markdown_files(&site.join("content/en")) {
            for (locale, _) in &locales {
                let catalog = site
                    .join("locales")
                    .join(locale)
                    .join(rel.with_extension("ftl"));
                if let Some(dir) = catalog.parent() {
                    let _ = std::fs::create_dir_all(dir);
                }
                let _ = std::fs::write(&catalog, "");
            }
        }
        steps.push(step(
            &site,
            bitext,
            "build",
            &["--config", "build.toml", "build"],
        ));
        // What the peers make: one PO file of every message to translate
        // (the source pages read and segmented, the empty catalogs read).
        let po = site.join("pending.po").to_string_lossy().into_owned();
        let first = locales.first().map_or("it", |(l, _)| l.as_str());
        steps.push(step(
            &site,
            bitext,
            "extract (one PO)",
            &[
                "--config",
                "build.toml",
                "pending",
                "--locale",
                first,
                "--format",
                "po",
                "-o",
                &po,
            ],
        ));
        let mut row = Vec::new();
        for s in &steps {
            all_ok &= s.ok;
            println!(
                "| {pages} | {:.0} | {}{} | {:.2} s | {:.3} s | {} |",
                bytes as f64 / 1e6,
                s.name,
                if s.ok { "" } else { " (failed)" },
                s.seconds,
                s.seconds * 1000.0 / pages as f64,
                s.max_kib.map_or("n/a".to_owned(), |k| format!(
                    "{:.0} MiB",
                    k as f64 / 1024.0
                )),
            );
            row.push((s.name, s.seconds / pages as f64));
        }
        // The peers' extraction of the same source pages, at 10,000 pages
        // (at the corpus's size their ratio measures start-up, not work).
        if size == 10_000 {
            let extract = steps
                .iter()
                .find(|s| s.name == "extract (one PO)")
                .map(|s| s.seconds);
            peers_at(&site, pages, extract);
        }
        per_page.push((pages, row));
        if std::env::var_os("BITEXT_SCALE_KEEP").is_none() {
            let _ = std::fs::remove_dir_all(&site);
        }
    }
    if let (Some((small, first)), Some((large, last))) = (per_page.first(), per_page.last())
        && per_page.len() > 1
    {
        for ((name, a), (_, b)) in first.iter().zip(last) {
            println!(
                "- {name}: time per page at {large} pages is {:.2}× that at {small} pages",
                b / a
            );
        }
    }
    all_ok
}

/// Runs the peer tools found on the PATH on the source pages of `site`
/// and prints their extraction time against bitext's (`extract`).
fn peers_at(site: &Path, pages: usize, extract: Option<f64>) {
    let english = markdown_files(&site.join("content/en"));
    let work = site.join("peers");
    let _ = std::fs::create_dir_all(&work);
    let (mut rows, mut skipped) = (Vec::new(), Vec::new());
    crate::bench::peers(
        &work,
        &site.join("content/en"),
        &english,
        &mut rows,
        &mut skipped,
    );
    for row in rows.iter().filter(|r| r.step == "extract") {
        let ratio = extract.map_or(String::new(), |bitext| {
            format!(
                ": bitext's one PO ({bitext:.2} s) {:.1}× faster",
                row.m.seconds / bitext
            )
        });
        println!(
            "- extraction at {pages} pages ({} source pages), {}: {:.2} s{ratio} (goals: 10× mdbook-i18n-helpers, 50× po4a)",
            english.len(),
            row.tool,
            row.m.seconds
        );
    }
    for s in skipped {
        println!("- extraction at {pages} pages: skipped {s}");
    }
}
