//! `cargo xtask bench history`: staleness on real repositories, each
//! skipped with a note where its mirror is absent. Mirrors are bare-less
//! clones at `<mirrors>/<owner>+<name>/repo` (`BITEXT_MIRRORS`, else
//! `../.mirror` beside the workspace), cloned into a temp dir and set up
//! as a user would have them:
//!
//! - privacyguides.org at the last commit that kept its translations
//!   (27 locales in `i18n/`, 1,593 pages): `bitext status` against one
//!   `git log -1` per page file (source and translations);
//! - MDN `de` at full scale: `mdn/content` (the `Josh-Cena/mdn-content`
//!   mirror) beside `mdn/translated-content-de`, pinned with
//!   `l10n.sourceCommit`: `bitext status`, its peak memory, and its
//!   answers against `git diff --quiet PIN HEAD -- PATH` on 200 pages
//!   spread over the site;
//! - opentelemetry.io (pinned with `default_lang_commit`).
//!
//! `status` is timed cold (`--no-cache`), warm (its cache filled, nothing
//! changed), and warm after a commit of one edited translation (CI after
//! a push). On each, the check cold and with its cache: nothing changed, one
//! translated page edited, one source page edited.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The privacyguides.org commit before translations left the repository.
const PRIVACYGUIDES_AT: &str = "2df34055~1";

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A clone of the mirror of `owner/name` in `work`, or `None` (said) when absent.
fn clone(mirrors: &Path, repo: &str, work: &Path, into: &str) -> Option<PathBuf> {
    let mirror = mirrors.join(repo.replace('/', "+")).join("repo");
    if !mirror.is_dir() {
        println!("- {repo}: skipped, no mirror at {}", mirror.display());
        return None;
    }
    let dir = work.join(into);
    // A mirror may lack its largest files: the checkout of those fails,
    // the pages are there.
    let _ = Command::new("git")
        .args(["clone", "-q", &mirror.to_string_lossy(), into])
        .current_dir(work)
        .output();
    if !dir.join(".git").is_dir() {
        println!("- {repo}: skipped, the mirror does not clone");
        return None;
    }
    Some(dir)
}

/// What `status` took on a site: cold (`--no-cache`) and warm (after a
/// run that filled its cache, nothing changed), each the median wall
/// seconds of 3 runs and the peak memory of one (MiB).
struct Status {
    cold: f64,
    cold_memory: Option<f64>,
    warm: f64,
    warm_memory: Option<f64>,
    /// Warm after a commit of one edited translation (as CI runs after a
    /// push), median of 3 such commits.
    committed: Option<f64>,
    /// The cold run's output.
    output: String,
}

impl Status {
    /// Measures status in `dir`; `translation` is a translated page whose
    /// edits are committed for the last figure.
    fn measure(bitext: &str, dir: &Path, translation: &Path) -> Status {
        let (cold, cold_memory, output) = status(bitext, dir, &["--no-cache"], 3);
        let _ = status(bitext, dir, &[], 1);
        let (warm, warm_memory, _) = status(bitext, dir, &[], 3);
        let original = std::fs::read_to_string(translation).ok();
        let mut times = Vec::new();
        for k in 0..3 {
            let (Some(text), Some(folder)) = (&original, translation.parent()) else {
                break;
            };
            let _ = std::fs::write(
                translation,
                format!("{text}\nOne more sentence, number {k}.\n"),
            );
            let name = translation.to_string_lossy();
            // Only that file: a mirror missing a large object leaves a
            // checkout with other changes staged.
            let committed = git(
                folder,
                &[
                    "-c",
                    "user.name=bench",
                    "-c",
                    "user.email=bench@example.org",
                    "commit",
                    "-q",
                    "-m",
                    "bench",
                    "--",
                    &name,
                ],
            )
            .is_some();
            if !committed {
                break;
            }
            times.push(status(bitext, dir, &[], 1).0);
        }
        times.sort_by(f64::total_cmp);
        Status {
            cold,
            cold_memory,
            warm,
            warm_memory,
            committed: times.get(1).copied(),
            output,
        }
    }

    /// "cold X s (M MiB), warm Y s (N MiB), one translation committed Z s".
    fn line(&self) -> String {
        let mib = |m: Option<f64>| m.map_or("?".to_owned(), |m| format!("{m:.0}"));
        format!(
            "cold (`--no-cache`) {:.2} s ({} MiB), warm {:.2} s ({} MiB), warm after one translation committed {}",
            self.cold,
            mib(self.cold_memory),
            self.warm,
            mib(self.warm_memory),
            self.committed
                .map_or("?".to_owned(), |t| format!("{t:.2} s")),
        )
    }
}

/// Median wall seconds of `runs` runs of `bitext status --format json`
/// with `more` arguments in `dir`, the peak memory of the first (MiB),
/// and its output.
fn status(bitext: &str, dir: &Path, more: &[&str], runs: usize) -> (f64, Option<f64>, String) {
    let mut times = Vec::new();
    let mut output = String::new();
    let mut memory = None;
    let args: Vec<&str> = ["status", "--format", "json"]
        .into_iter()
        .chain(more.iter().copied())
        .collect();
    for k in 0..runs {
        let (seconds, kib, out) = crate::bench::run_timed(dir, bitext, &args, true, k == 0);
        times.push(seconds);
        if let Some(out) = out {
            output = String::from_utf8_lossy(&out.stdout).into_owned();
        }
        memory = memory.or(kib.map(|k| k as f64 / 1024.0));
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], memory, output)
}

/// The check on a real site with and without its cache: cold (`--no-cache`,
/// one run, with its peak memory), then, after a run that fills the cache,
/// warm with nothing changed and with one page edited before each run
/// (`translation`, then `source`; each edit differs from the last), median
/// of 3. Prints one line.
fn check_cache(label: &str, bitext: &str, dir: &Path, translation: &Path, source: &Path) {
    let args = ["check", "--format", "json"];
    let (cold, memory, _) = crate::bench::run_timed(
        dir,
        bitext,
        &["check", "--format", "json", "--no-cache"],
        false,
        true,
    );
    let _ = crate::bench::run_timed(dir, bitext, &args, false, false);
    let median = |edit: Option<&Path>| {
        let original = edit.and_then(|f| std::fs::read_to_string(f).ok());
        let mut times = Vec::new();
        for k in 0..3 {
            if let (Some(file), Some(text)) = (edit, &original) {
                let _ = std::fs::write(file, format!("{text}\nOne more sentence, number {k}.\n"));
            }
            times.push(crate::bench::run_timed(dir, bitext, &args, false, false).0);
        }
        if let (Some(file), Some(text)) = (edit, &original) {
            let _ = std::fs::write(file, text);
            let _ = crate::bench::run_timed(dir, bitext, &args, false, false);
        }
        times.sort_by(f64::total_cmp);
        times[1]
    };
    let warm = median(None);
    let translated = median(Some(translation));
    let edited_source = median(Some(source));
    println!(
        "- {label}: check cold {cold:.2} s ({} MiB); warm {warm:.2} s ({:.0}%), one translated page edited {translated:.2} s ({:.0}%), one source page edited {edited_source:.2} s ({:.0}%) (goals: 10%, 20%)",
        memory.map_or("?".to_owned(), |k| format!("{:.0}", k as f64 / 1024.0)),
        100.0 * warm / cold,
        100.0 * translated / cold,
        100.0 * edited_source / cold,
    );
}

pub fn run(root: &Path, bitext: &str) -> bool {
    let mirrors = std::env::var_os("BITEXT_MIRRORS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../.mirror"));
    let work = std::env::temp_dir().join(format!("bitext-history-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let _ = std::fs::create_dir_all(&work);
    println!("\nStaleness on real histories (`bitext status --format json`, median of 3):");
    privacyguides(&mirrors, &work, bitext);
    mdn(&mirrors, &work, bitext);
    opentelemetry(&mirrors, &work, bitext);
    let _ = std::fs::remove_dir_all(&work);
    true
}

fn privacyguides(mirrors: &Path, work: &Path, bitext: &str) {
    let Some(dir) = clone(
        mirrors,
        "privacyguides/privacyguides.org",
        work,
        "privacyguides",
    ) else {
        return;
    };
    if git(&dir, &["checkout", "-q", PRIVACYGUIDES_AT]).is_none() {
        println!("- privacyguides.org: skipped, no commit {PRIVACYGUIDES_AT}");
        return;
    }
    let _ = std::fs::write(
        dir.join("bitext.toml"),
        "[paths]\nsource = \"docs/{path}.md\"\ntranslation = \"i18n/{locale}/{path}.md\"\n",
    );
    let status = Status::measure(bitext, &dir, &dir.join("i18n/fr/tools.md"));
    let files: Vec<String> = git(&dir, &["ls-files", "docs/*.md", "i18n/*.md"])
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect();
    let started = std::time::Instant::now();
    for f in &files {
        let _ = git(&dir, &["log", "-1", "--format=%H", "--", f]);
    }
    let per_file = started.elapsed().as_secs_f64();
    println!(
        "- privacyguides.org at {PRIVACYGUIDES_AT} ({} page files): bitext status {}; one `git log -1` per file {per_file:.2} s: cold {:.1}×, warm {:.1}× (goal 50×)",
        files.len(),
        status.line(),
        per_file / status.cold,
        per_file / status.warm,
    );
    check_cache(
        "privacyguides.org",
        bitext,
        &dir,
        &dir.join("i18n/it/tools.md"),
        &dir.join("docs/tools.md"),
    );
}

fn mdn(mirrors: &Path, work: &Path, bitext: &str) {
    let Some(content) = clone(mirrors, "Josh-Cena/mdn-content", work, "content") else {
        return;
    };
    let Some(de) = clone(
        mirrors,
        "mdn/translated-content-de",
        work,
        "translated-content-de",
    ) else {
        return;
    };
    let _ = std::fs::write(
        de.join("bitext.toml"),
        "source_locale = \"en-us\"\n[paths]\nsource = \"../content/files/en-us/{path}/index.md\"\ntranslation = \"files/{locale}/{path}/index.md\"\n",
    );
    let status = Status::measure(
        bitext,
        &de,
        &de.join("files/de/web/css/reference/properties/background-color/index.md"),
    );
    let output = &status.output;
    let commits = git(&content, &["rev-list", "--count", "HEAD"]).unwrap_or_default();
    let json: serde_json::Value = serde_json::from_str(output).unwrap_or_default();
    let pages = json["locales"]["de"]["pages"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    // 200 pinned pages spread over the site, against git's own answer.
    let pinned: Vec<(&String, &serde_json::Value)> = pages
        .iter()
        .filter(|(_, p)| p["base"]["method"] == "pin")
        .collect();
    let step = (pinned.len() / 200).max(1);
    let (mut agree, mut asked) = (0, 0);
    for (page, p) in pinned.iter().step_by(step).take(200) {
        let pin = p["base"]["commit"].as_str().unwrap_or_default();
        let path = format!("files/en-us/{page}/index.md");
        let same = Command::new("git")
            .args(["diff", "--quiet", pin, "HEAD", "--", &path])
            .current_dir(&content)
            .status()
            .is_ok_and(|s| s.success());
        asked += 1;
        if p["changed"].as_bool() == Some(!same) {
            agree += 1;
        }
    }
    println!(
        "- MDN de ({} pages, {} pinned; source history of {} commits): bitext status {} (goal under 5 s and 500 MiB); changed agrees with `git diff --quiet PIN HEAD -- PATH` on {agree} of {asked} pages",
        pages.len(),
        pinned.len(),
        commits.trim(),
        status.line(),
    );
    let page = "web/css/reference/properties/color/index.md";
    check_cache(
        "MDN de",
        bitext,
        &de,
        &de.join("files/de").join(page),
        &content.join("files/en-us").join(page),
    );
}

fn opentelemetry(mirrors: &Path, work: &Path, bitext: &str) {
    let Some(dir) = clone(mirrors, "open-telemetry/opentelemetry.io", work, "otel") else {
        return;
    };
    let status = Status::measure(
        bitext,
        &dir,
        &dir.join("content/ja/docs/concepts/signals/_index.md"),
    );
    let json: serde_json::Value = serde_json::from_str(&status.output).unwrap_or_default();
    let mut methods: std::collections::BTreeMap<String, usize> = Default::default();
    for locale in json["locales"].as_object().into_iter().flatten() {
        for page in locale.1["pages"].as_object().into_iter().flatten() {
            if let Some(m) = page.1["base"]["method"].as_str() {
                *methods.entry(m.to_owned()).or_default() += 1;
            }
        }
    }
    println!(
        "- opentelemetry.io: bitext status {}; bases by method {methods:?}",
        status.line()
    );
    check_cache(
        "opentelemetry.io",
        bitext,
        &dir,
        &dir.join("content/ja/docs/concepts/_index.md"),
        &dir.join("content/en/docs/concepts/_index.md"),
    );
}
