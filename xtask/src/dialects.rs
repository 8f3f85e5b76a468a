//! `cargo xtask bench dialects`: the segmenter's speed per byte on each
//! corpus site of another dialect (Hugo, Docusaurus/MDX, MDN), against its
//! speed on the MkDocs site (privacyguides, every locale), one thread, in
//! the floor example's process.

use std::path::{Path, PathBuf};
use std::process::Command;

/// (dialect, folder below the corpus root) of each site measured.
const SITES: [(&str, &str); 4] = [
    ("mkdocs", "privacyguides"),
    ("hugo", "hugo-otel/site/content"),
    ("docusaurus", "docusaurus-chaosmesh/site"),
    ("mdn", "mdn/site"),
];

/// Every Markdown or MDX file below `dir`.
fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "mdx") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Seconds per megabyte of segmenting one site, and its size in MB.
fn per_mb(floor: &Path, dialect: &str, files: &[PathBuf]) -> Option<(f64, f64)> {
    let out = Command::new(floor)
        .arg(format!("--dialect={dialect}"))
        .args(files)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let value = |key: &str| -> Option<f64> {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.trim().parse().ok())
    };
    let mb = value("bytes ")? / 1e6;
    Some((value("segment ")? / mb, mb))
}

/// Prints the table; false when the MkDocs site is missing.
pub fn run(corpus_root: &Path, floor: &Path) -> bool {
    println!(
        "\nSegmenting each dialect's corpus site, one thread (seconds per MB; ratio to MkDocs):"
    );
    let mut mkdocs = None;
    for (dialect, folder) in SITES {
        let files = pages(&corpus_root.join(folder));
        if files.is_empty() {
            println!(
                "- {dialect}: skipped, no pages at {}",
                corpus_root.join(folder).display()
            );
            if dialect == "mkdocs" {
                return false;
            }
            continue;
        }
        let Some((seconds, mb)) = per_mb(floor, dialect, &files) else {
            println!("- {dialect}: the floor example failed");
            return false;
        };
        let base = *mkdocs.get_or_insert(seconds);
        println!(
            "- {dialect} ({folder}, {} files, {mb:.1} MB): {:.1} MB/s, {:.2}× MkDocs' time per byte",
            files.len(),
            1.0 / seconds,
            seconds / base
        );
    }
    true
}
