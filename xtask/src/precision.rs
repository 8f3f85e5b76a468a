//! `cargo xtask precision`: how many of `bitext check`'s findings are
//! true, measured on a labelled set. The check runs on the corpus sites
//! (privacyguides in 24 locales, the Hugo, Docusaurus and MDN sites), each
//! copied to a temp dir with its configuration; each finding is keyed by
//! site, check, locale, path, line and a hash of its message, and joined
//! with the labels in `tests/precision/labels.tsv` (a person's verdict,
//! true or false, and why, after reading the translated and the source
//! line). Prints precision per check, site, script and severity, lists how
//! many findings have no label yet, and writes `PRECISION.md`.
//!
//! `cargo xtask precision sample N FILE` writes N unlabelled findings,
//! spread over sites, scripts and checks, with their lines, for labelling;
//! `cargo xtask precision false` lists the findings labelled false that
//! are still reported.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The labels, relative to the workspace.
const LABELS: &str = "tests/precision/labels.tsv";

/// A corpus site: its name, and how to set it up in `dir` from the corpus.
struct Site {
    name: &'static str,
    setup: fn(corpus: &Path, dir: &Path) -> bool,
}

const SITES: [Site; 4] = [
    Site {
        name: "privacyguides",
        setup: privacyguides,
    },
    Site {
        name: "hugo-otel",
        setup: hugo,
    },
    Site {
        name: "docusaurus-chaosmesh",
        setup: docusaurus,
    },
    Site {
        name: "mdn",
        setup: mdn,
    },
];

fn copy(from: &Path, to: &Path) -> bool {
    if from.is_dir() {
        let Ok(entries) = std::fs::read_dir(from) else {
            return false;
        };
        entries
            .flatten()
            .all(|e| copy(&e.path(), &to.join(e.file_name())))
    } else {
        to.parent()
            .is_some_and(|p| std::fs::create_dir_all(p).is_ok())
            && std::fs::copy(from, to).is_ok()
    }
}

fn privacyguides(corpus: &Path, dir: &Path) -> bool {
    let site = corpus.join("privacyguides");
    let mut locales = Vec::new();
    for entry in std::fs::read_dir(&site).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && name != "meta" {
            if name != "en" {
                locales.push(format!("\"{name}\""));
            }
            if !copy(&entry.path(), &dir.join(&name)) {
                return false;
            }
        }
    }
    locales.sort();
    std::fs::write(
        dir.join("bitext.toml"),
        format!(
            "locales = [{}]\n[markdown]\ndialect = \"mkdocs\"\n[paths]\nsource = \"{{locale}}/{{path}}.md\"\ntranslation = \"{{locale}}/{{path}}.md\"\n",
            locales.join(", ")
        ),
    )
    .is_ok()
}

fn hugo(corpus: &Path, dir: &Path) -> bool {
    copy(&corpus.join("hugo-otel/site"), dir)
}

fn docusaurus(corpus: &Path, dir: &Path) -> bool {
    let site = corpus.join("docusaurus-chaosmesh/site");
    copy(&site.join("docs"), &dir.join("docs"))
        && copy(&site.join("i18n"), &dir.join("i18n"))
        && copy(&site.join("docusaurus.config.js"), &dir.join("docusaurus.config.js"))
        && std::fs::write(
            dir.join("bitext.toml"),
            "[paths]\nsource = \"docs/{path}.{md,mdx}\"\ntranslation = \"i18n/{locale}/docusaurus-plugin-content-docs/current/{path}.{md,mdx}\"\n",
        )
        .is_ok()
}

fn mdn(corpus: &Path, dir: &Path) -> bool {
    let site = corpus.join("mdn/site");
    copy(&site.join("content"), &dir.join("content"))
        && copy(&site.join("translated-content"), &dir.join("translated-content"))
        && std::fs::write(
            dir.join("bitext.toml"),
            "source_locale = \"en-us\"\n[paths]\nsource = \"content/files/en-us/{path}/index.md\"\ntranslation = \"translated-content/files/{locale}/{path}/index.md\"\n",
        )
        .is_ok()
}

/// One finding of a run, with what labelling needs.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub site: &'static str,
    pub check: String,
    pub severity: String,
    pub locale: String,
    pub path: String,
    pub line: u64,
    pub message: String,
    pub source_path: String,
    pub source_line: u64,
    /// The translated and the source line, as the files have them.
    pub text: String,
    pub source_text: String,
    /// How sure the check was (0–1).
    pub confidence: f64,
}

impl Found {
    /// The key a label is stored under: site, check, locale, path, line
    /// and a hash of the message (a finding that changes needs a new label).
    pub fn key(&self) -> String {
        format!(
            "{}\t{}\t{}\t{}\t{}\t{:016x}",
            self.site,
            self.check,
            self.locale,
            self.path,
            self.line,
            fnv(&self.message)
        )
    }
}

/// FNV-1a, 64 bits.
fn fnv(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x100_0000_01b3);
    }
    hash
}

/// The writing system of a locale.
pub(crate) fn script(locale: &str) -> &'static str {
    match locale.split(['-', '_']).next().unwrap_or_default() {
        "ru" | "uk" | "bg" | "sr" => "Cyrillic",
        "zh" | "ja" | "ko" => "CJK",
        "ar" | "fa" | "ur" => "Arabic",
        "he" => "Hebrew",
        "hi" | "mr" | "ne" => "Devanagari",
        "bn" => "Bengali",
        "el" => "Greek",
        "th" => "Thai",
        _ => "Latin",
    }
}

/// Line `n` of the file at `path`, shortened.
fn line_of(path: &Path, n: u64) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let line = text
        .split('\n')
        .nth(n.saturating_sub(1) as usize)
        .unwrap_or_default();
    line.chars().take(400).collect()
}

/// Every finding of `bitext check` on every corpus site.
pub(crate) fn findings(bitext: &str, corpus: &Path, work: &Path) -> Option<Vec<Found>> {
    let mut out = Vec::new();
    for site in &SITES {
        let dir = work.join(site.name);
        let _ = std::fs::remove_dir_all(&dir);
        if !(site.setup)(corpus, &dir) {
            eprintln!(
                "precision: cannot set up {} from {}",
                site.name,
                corpus.display()
            );
            return None;
        }
        let output = Command::new(bitext)
            .args(["check", "--format", "json"])
            .current_dir(&dir)
            .output()
            .ok()?;
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
        for f in json["findings"].as_array().into_iter().flatten() {
            let text = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
            let number = |k: &str| f[k].as_u64().unwrap_or_default();
            let (path, source_path) = (text("path"), text("source_path"));
            out.push(Found {
                site: site.name,
                check: text("check"),
                severity: text("severity"),
                locale: text("locale"),
                line: number("line"),
                source_line: number("source_line"),
                message: text("message"),
                confidence: f["confidence"].as_f64().unwrap_or(1.0),
                text: line_of(&dir.join(&path), number("line")),
                source_text: line_of(&dir.join(&source_path), number("source_line")),
                path,
                source_path,
            });
        }
    }
    Some(out)
}

/// The labels: key → (true or false, why).
fn labels(root: &Path) -> BTreeMap<String, (bool, String)> {
    let text = std::fs::read_to_string(root.join(LABELS)).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            if fields.len() < 8 {
                return None;
            }
            let key = fields[..6].join("\t");
            let verdict = match fields[6] {
                "true" => true,
                "false" => false,
                _ => return None,
            };
            Some((key, (verdict, fields[7].to_owned())))
        })
        .collect()
}

/// A finding's label: by its key, or else by its place (site, check,
/// locale, path and line) when one label is there: a finding reworded
/// since (a count in its message changed, one of its facts was set
/// aside) keeps its verdict. The second value says whether by place.
fn verdict(labelled: &BTreeMap<String, (bool, String)>, f: &Found) -> Option<(bool, bool)> {
    if let Some((v, _)) = labelled.get(&f.key()) {
        return Some((*v, false));
    }
    let key = f.key();
    let place = key.rsplit_once('\t').map_or(key.as_str(), |(p, _)| p);
    let mut at_place = labelled
        .range(format!("{place}\t")..)
        .take_while(|(k, _)| k.starts_with(&format!("{place}\t")));
    match (at_place.next(), at_place.next()) {
        (Some((_, (v, _))), None) => Some((*v, true)),
        _ => None,
    }
}

/// Precision of a group: (true, labelled).
type Tally = BTreeMap<String, (usize, usize)>;

fn add(tally: &mut Tally, key: String, verdict: bool) {
    let entry = tally.entry(key).or_default();
    entry.1 += 1;
    if verdict {
        entry.0 += 1;
    }
}

fn table(title: &str, tally: &Tally) -> String {
    let mut out = format!(
        "\n### By {title}\n\n| {title} | true | labelled | precision |\n|---|--:|--:|--:|\n"
    );
    for (key, (t, n)) in tally {
        out.push_str(&format!(
            "| {key} | {t} | {n} | {:.1}% |\n",
            100.0 * *t as f64 / (*n).max(1) as f64
        ));
    }
    out
}

pub fn run(root: &Path, args: &[String]) -> bool {
    let corpus = std::env::var_os("BITEXT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let built = Command::new(&cargo)
        .args(["build", "--release", "-q", "-p", "bitext"])
        .current_dir(root)
        .status()
        .is_ok_and(|s| s.success());
    if !built {
        eprintln!("precision: cargo build failed");
        return false;
    }
    let bitext = root
        .join("target/release/bitext")
        .to_string_lossy()
        .into_owned();
    let work = std::env::temp_dir().join(format!("bitext-precision-{}", std::process::id()));
    let Some(found) = findings(&bitext, &corpus, &work) else {
        let _ = std::fs::remove_dir_all(&work);
        return false;
    };
    let _ = std::fs::remove_dir_all(&work);
    if args.first().map(String::as_str) == Some("sample") {
        let n: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(100);
        let Some(file) = args.get(2) else {
            eprintln!("usage: cargo xtask precision sample N FILE");
            return false;
        };
        return sample(root, &found, n, Path::new(file));
    }
    if args.first().map(String::as_str) == Some("false") {
        return list_false(root, &found);
    }
    report(root, &found)
}

/// Prints the findings still reported that are labelled false, with why
/// and the message, for working on a check.
fn list_false(root: &Path, found: &[Found]) -> bool {
    let labelled = labels(root);
    for f in found {
        let Some((false, by_place)) = verdict(&labelled, f) else {
            continue;
        };
        let why = labelled
            .get(&f.key())
            .map_or("(labelled at this place, reworded since)", |(_, why)| why);
        println!(
            "{} {} {}:{}{}\n  why: {why}\n  message: {}",
            f.check,
            f.locale,
            f.path,
            f.line,
            if by_place { " (reworded)" } else { "" },
            f.message
        );
    }
    // And those labelled true that are gone: lost, or reworded (a finding
    // at the same place by the same check is shown).
    let keys: std::collections::BTreeSet<String> = found.iter().map(Found::key).collect();
    for (key, (verdict, why)) in &labelled {
        if !*verdict || keys.contains(key) {
            continue;
        }
        let place: Vec<&str> = key.split('\t').take(5).collect();
        let now = found.iter().find(|f| {
            [f.site, f.check.as_str(), f.locale.as_str(), f.path.as_str()] == place[..4]
                && f.line.to_string() == place[4]
        });
        println!(
            "gone (true) {}\n  why: {why}\n  now: {}",
            place.join(" "),
            now.map_or("nothing", |f| f.message.as_str())
        );
    }
    true
}

/// Writes `n` unlabelled findings spread over (site, script, check), with
/// their lines, one per line of `file` (tab-separated: key, severity,
/// message, translated line, source file and line, source line).
fn sample(root: &Path, found: &[Found], n: usize, file: &Path) -> bool {
    let labelled = labels(root);
    let mut groups: BTreeMap<(String, String, String), Vec<&Found>> = BTreeMap::new();
    for f in found.iter().filter(|f| verdict(&labelled, f).is_none()) {
        groups
            .entry((
                f.site.to_owned(),
                script(&f.locale).to_owned(),
                f.check.clone(),
            ))
            .or_default()
            .push(f);
    }
    // Round robin over the groups, each taking its findings spread out.
    let mut picked = Vec::new();
    let mut round = 0;
    while picked.len() < n && groups.values().any(|g| g.len() > round) {
        for g in groups.values() {
            if g.len() > round && picked.len() < n {
                // A stride through the group, different each round.
                let k = (round * 7919 + g.len() / 2) % g.len();
                if !picked.iter().any(|p: &&Found| p.key() == g[k].key()) {
                    picked.push(g[k]);
                }
            }
        }
        round += 1;
    }
    let clean = |s: &str| s.replace(['\t', '\n'], " ");
    let lines: Vec<String> = picked
        .iter()
        .map(|f| {
            format!(
                "{}\t{}\t{}\t{}\t{}:{}\t{}",
                f.key(),
                f.severity,
                clean(&f.message),
                clean(&f.text),
                f.source_path,
                f.source_line,
                clean(&f.source_text)
            )
        })
        .collect();
    if std::fs::write(file, lines.join("\n") + "\n").is_err() {
        return false;
    }
    println!(
        "{} findings to label written to {}",
        picked.len(),
        file.display()
    );
    true
}

/// Joins the findings with the labels, prints and writes `PRECISION.md`.
fn report(root: &Path, found: &[Found]) -> bool {
    let labelled = labels(root);
    let (mut by_check, mut by_site, mut by_script, mut by_severity) =
        (Tally::new(), Tally::new(), Tally::new(), Tally::new());
    let mut by_confidence = Tally::new();
    let mut by_place = 0;
    let (mut all, mut error, mut not_counted) = ((0, 0), (0, 0), (0, 0));
    let mut unlabelled: BTreeMap<String, usize> = BTreeMap::new();
    let mut total: BTreeMap<String, usize> = BTreeMap::new();
    let (mut error_by_check, mut error_total) = (Tally::new(), BTreeMap::new());
    for f in found {
        *total.entry(f.check.clone()).or_default() += 1;
        if f.severity == "error" {
            *error_total.entry(f.check.clone()).or_default() += 1;
            if let Some((v, _)) = verdict(&labelled, f) {
                add(&mut error_by_check, f.check.clone(), v);
            }
        }
        let Some((verdict, moved)) = verdict(&labelled, f) else {
            *unlabelled.entry(f.check.clone()).or_default() += 1;
            continue;
        };
        by_place += usize::from(moved);
        let verdict = &verdict;
        add(&mut by_check, f.check.clone(), *verdict);
        add(&mut by_site, f.site.to_owned(), *verdict);
        add(&mut by_script, script(&f.locale).to_owned(), *verdict);
        add(&mut by_severity, f.severity.clone(), *verdict);
        let band = if f.confidence >= 0.9 {
            "≥ 0.9"
        } else if f.confidence >= 0.7 {
            "0.7–0.9"
        } else {
            "< 0.7"
        };
        add(&mut by_confidence, format!("{} {band}", f.check), *verdict);
        let bump = |t: &mut (usize, usize)| {
            t.1 += 1;
            if *verdict {
                t.0 += 1;
            }
        };
        if matches!(f.check.as_str(), "untranslated" | "stub") {
            bump(&mut not_counted);
        } else {
            bump(&mut all);
        }
        if f.severity == "error" {
            bump(&mut error);
        }
    }
    let pct = |(t, n): (usize, usize)| 100.0 * t as f64 / n.max(1) as f64;
    let counted = |c: &str| !matches!(c, "untranslated" | "stub");
    let weighted_all = weighted(&by_check, &total, counted);
    let weighted_error = weighted(&error_by_check, &error_total, counted);
    let labelled_count: usize = by_check.values().map(|(_, n)| n).sum();
    let corpus_commit = "privacyguides 1ac4dd75, opentelemetry.io dd5997c8, Chaos Mesh ee8caafa, mdn/content 44a853a7 with translated-content-de 4954be9d";
    let date = Command::new("date")
        .arg("+%Y-%m-%d")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    let mut md = format!(
        "# Precision\n\nMeasured by `cargo xtask precision` on {date}: `bitext check` on the corpus sites ({corpus_commit}), each finding joined with its label in `{LABELS}` (a person's verdict after reading the translated and the source line). {labelled_count} labelled findings ({by_place} of them reworded since, their label found by check and line); {} findings in all.\n\n| | true | labelled | precision | goal |\n|---|--:|--:|--:|---|\n| findings at `error` | {} | {} | {:.1}% | ≥ 95% |\n| all but `untranslated` and `stub` | {} | {} | {:.1}% | ≥ 85% |\n| `untranslated` and `stub` | {} | {} | {:.1}% | |\n\nMost of the sample is drawn evenly over site, script and check (`cargo xtask precision sample`), so rare checks weigh more in it than in a run; 30 findings each of the Hugo and the Docusaurus site were drawn at random from all they report, as a maintainer meets them. Weighted by how many findings each check makes, precision at `error` is {:.1}% and of all but `untranslated` and `stub` {:.1}%.\n",
        found.len(),
        error.0,
        error.1,
        pct(error),
        all.0,
        all.1,
        pct(all),
        not_counted.0,
        not_counted.1,
        pct(not_counted),
        weighted_error,
        weighted_all,
    );
    md.push_str(&table("check", &by_check));
    md.push_str(&table("site", &by_site));
    md.push_str(&table("script", &by_script));
    md.push_str(&table("severity", &by_severity));
    md.push_str(&table("check and confidence", &by_confidence));
    md.push_str("\n### Not labelled yet\n\n| check | findings | not labelled |\n|---|--:|--:|\n");
    for (check, n) in &total {
        md.push_str(&format!(
            "| {check} | {n} | {} |\n",
            unlabelled.get(check).copied().unwrap_or(0)
        ));
    }
    md.push_str(CALIBRATION);
    print!("{md}");
    std::fs::write(root.join("PRECISION.md"), md).is_ok()
}

/// Precision over the checks `keep` names, each check's labelled
/// precision weighed by how many findings it makes (`total`); checks
/// without labels are left out.
fn weighted(tally: &Tally, total: &BTreeMap<String, usize>, keep: impl Fn(&str) -> bool) -> f64 {
    let (mut sum, mut weight) = (0.0, 0.0);
    for (check, (t, n)) in tally {
        if !keep(check) || *n == 0 {
            continue;
        }
        let w = total.get(check).copied().unwrap_or(0) as f64;
        sum += w * *t as f64 / *n as f64;
        weight += w;
    }
    if weight == 0.0 {
        0.0
    } else {
        100.0 * sum / weight
    }
}

/// How severities follow from the labels (kept in step with the checks' defaults).
const CALIBRATION: &str = "
## Calibration

A check reports `error` only where its labelled findings are 95% true or
more; the others report `warning` or `info` (the defaults in
`checks::Check::default_severity`, shown by `bitext check --explain`).
A project can raise or lower any check with `[check.severity]`.
";
