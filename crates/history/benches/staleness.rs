//! Staleness of every translated page from the history, next to one
//! `git log -1` process per file, on generated repositories: 2,000 commits
//! and 1,500 files, then MDN's scale (30,000 commits, 15,000 files) with
//! peak memory. Run with `cargo bench -p history --bench staleness`; it
//! needs `git` on the PATH (to generate the repositories and to compare).

#[path = "../tests/support/generate.rs"]
mod generate;

use std::process::Command;
use std::time::{Duration, Instant};

use generate::{Shape, Site, generate};

fn main() {
    // `cargo bench` passes `--bench`; this harness has no filters. Set
    // BITEXT_BENCH_SCALE to `small` or `mdn` to run one of the two.
    let scale = std::env::var("BITEXT_BENCH_SCALE").unwrap_or_default();
    if scale != "mdn" {
        small_scale();
    }
    if scale != "small" {
        mdn_scale();
    }
}

fn small_scale() {
    let small = Shape {
        pages: 100,
        locales: 14,
        commits: 2_000,
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let site = generate(tmp.path(), small);
    println!(
        "generated {} commits, {} files in {:.1?}",
        small.commits,
        small.files(),
        started.elapsed()
    );
    let ours = median((0..7).map(|_| staleness(tmp.path(), &site).0).collect());
    let started = Instant::now();
    let mut found = 0;
    for (source, translations) in &site.pages {
        for path in std::iter::once(source).chain(translations) {
            found += usize::from(!generate::git_log_last(tmp.path(), path).is_empty());
        }
    }
    let git = started.elapsed();
    assert_eq!(found, small.files());
    println!("\n| 2,000 commits, 1,500 files | time |");
    println!("|---|--:|");
    println!(
        "| bitext: index + staleness of 1,400 translated pages (median of 7) | {} |",
        ms(ours)
    );
    println!("| `git log -1` per file, 1,500 processes | {} |", ms(git));
    println!(
        "| ratio | **{:.0}×** faster |",
        git.as_secs_f64() / ours.as_secs_f64()
    );
}

fn mdn_scale() {
    let mdn = Shape {
        pages: 1_000,
        locales: 14,
        commits: 30_000,
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let site = generate(tmp.path(), mdn);
    println!(
        "\ngenerated {} commits, {} files in {:.1?}",
        mdn.commits,
        mdn.files(),
        started.elapsed()
    );
    if std::env::var_os("BITEXT_BENCH_VERBOSE").is_some() {
        let _ = Command::new("du")
            .args(["-sh", ".git/objects"])
            .current_dir(tmp.path())
            .status();
    }
    reset_peak_memory();
    let runs: Vec<(Duration, usize)> = (0..3).map(|_| staleness(tmp.path(), &site)).collect();
    let peak = peak_memory_kib();
    let behind: usize = runs[0].1;
    let ours = median(runs.iter().map(|r| r.0).collect());
    let started = Instant::now();
    let status = Command::new("git")
        .args(["log", "--name-only", "--format=%H"])
        .current_dir(tmp.path())
        .stdout(std::process::Stdio::null())
        .status()
        .expect("git log runs");
    assert!(status.success());
    let one_pass = started.elapsed();
    println!("\n| 30,000 commits, 15,000 files | figure |");
    println!("|---|--:|");
    println!(
        "| bitext: index + staleness of 14,000 translated pages (median of 3) | {} |",
        ms(ours)
    );
    println!(
        "| peak memory (resident, this process) | {:.1} MiB |",
        peak as f64 / 1024.0
    );
    println!(
        "| one `git log --name-only` pass (reference) | {} |",
        ms(one_pass)
    );
    println!("| commits behind, summed over pages | {behind} |");
}

/// Indexes the history and works out every translated page's staleness;
/// the time and the commits behind summed over the pages.
fn staleness(dir: &std::path::Path, site: &Site) -> (Duration, usize) {
    let started = Instant::now();
    let repo = history::Repo::discover(dir)
        .expect("opens")
        .expect("a repository");
    let index = repo.index(&mut |_, _| {}).expect("indexes");
    if std::env::var_os("BITEXT_BENCH_VERBOSE").is_some() {
        eprintln!("indexed in {:.1?}", started.elapsed());
    }
    let mut behind = 0;
    for (source, translations) in &site.pages {
        for translation in translations {
            let s = index.staleness(source, translation);
            assert!(s.base.is_some(), "{translation} has a base");
            behind += s.commits_behind;
        }
    }
    (started.elapsed(), behind)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// Resets the peak resident size that `/proc/self/status` reports (Linux).
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The peak resident size (VmHWM) in KiB, or 0 where it cannot be read.
fn peak_memory_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
