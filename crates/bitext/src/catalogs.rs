//! `bitext sync`, `bitext build` and `bitext status`: catalog mode.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use model::Locale;
use serde::Serialize;

use crate::Style;
use crate::args::{Args, BuildArgs, Format, StatusArgs, StatusFormat, SyncArgs};
use crate::output::{plural, short_commit, shown};

pub(crate) fn locales(list: &[String]) -> Option<Vec<Locale>> {
    (!list.is_empty()).then(|| list.iter().map(|l| Locale::new(l.as_str())).collect())
}

#[derive(Serialize)]
struct SyncJson {
    version: u32,
    pages: Vec<PageSyncJson>,
    written: Vec<String>,
}

#[derive(Serialize)]
struct PageSyncJson {
    page: String,
    segments: usize,
    added: usize,
    changed: usize,
    removed: usize,
    locales: BTreeMap<String, LocaleSyncJson>,
}

#[derive(Serialize)]
struct LocaleSyncJson {
    stale: usize,
    obsolete: usize,
    pruned: usize,
}

pub fn sync(
    cmd: &SyncArgs,
    args: &Args,
    cwd: &Path,
    style: Style,
    out: &mut dyn Write,
) -> project::Result<u8> {
    let config = crate::config(args, cwd)?;
    let options = project::SyncOptions { prune: cmd.prune };
    let report = project::sync(&config, &options)?;
    let root = &config.root;
    if cmd.format == Format::Json {
        let json = SyncJson {
            version: crate::output::JSON_VERSION,
            pages: report
                .pages
                .iter()
                .map(|p| PageSyncJson {
                    page: p.page.clone(),
                    segments: p.segments,
                    added: p.added,
                    changed: p.changed,
                    removed: p.removed,
                    locales: p
                        .locales
                        .iter()
                        .map(|l| {
                            (
                                l.locale.to_string(),
                                LocaleSyncJson {
                                    stale: l.newly_stale,
                                    obsolete: l.newly_obsolete,
                                    pruned: l.pruned,
                                },
                            )
                        })
                        .collect(),
                })
                .collect(),
            written: report.written.iter().map(|p| shown(p, root)).collect(),
        };
        let _ = writeln!(out, "{}", serde_json::to_string(&json).expect("plain data"));
        return Ok(0);
    }
    let (mut added, mut changed, mut removed, mut stale, mut obsolete, mut pruned) =
        (0, 0, 0, 0, 0, 0);
    for page in &report.pages {
        added += page.added;
        changed += page.changed;
        removed += page.removed;
        let mut notes = Vec::new();
        for l in &page.locales {
            stale += l.newly_stale;
            obsolete += l.newly_obsolete;
            pruned += l.pruned;
            let mut parts = Vec::new();
            if l.newly_stale > 0 {
                parts.push(format!("{} stale", l.newly_stale));
            }
            if l.newly_obsolete > 0 {
                parts.push(format!("{} obsolete", l.newly_obsolete));
            }
            if l.pruned > 0 {
                parts.push(format!("{} pruned", l.pruned));
            }
            if !parts.is_empty() {
                notes.push(format!("{}: {}", l.locale, parts.join(", ")));
            }
        }
        if page.added + page.changed + page.removed > 0 || !notes.is_empty() {
            let mut line = format!(
                "{}  {} new, {} changed, {} removed",
                style.bold(&page.page),
                page.added,
                page.changed,
                page.removed
            );
            if !notes.is_empty() {
                line.push_str(&format!("; {}", notes.join("; ")));
            }
            let _ = writeln!(out, "{line}");
        }
    }
    let _ = writeln!(
        out,
        "{} {} ({} new, {} changed, {} removed segments; translations: {} newly stale, {} newly obsolete, {} pruned); wrote {}",
        style.good("synced"),
        plural(report.pages.len(), "page"),
        added,
        changed,
        removed,
        stale,
        obsolete,
        pruned,
        crate::output::written(&report.written)
    );
    Ok(0)
}

#[derive(Serialize)]
struct BuildJson {
    version: u32,
    check: bool,
    changed: Vec<String>,
    unchanged: usize,
    without_catalog: usize,
    refused: Vec<String>,
}

pub fn build(
    cmd: &BuildArgs,
    args: &Args,
    cwd: &Path,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> project::Result<u8> {
    let config = crate::config(args, cwd)?;
    let options = project::BuildOptions {
        locales: locales(&cmd.locale),
        check: cmd.check,
        force: cmd.force,
        pseudo: cmd.pseudo,
    };
    let report = project::build(&config, &options)?;
    let root = &config.root;
    let code = if !report.refused.is_empty() {
        2
    } else if cmd.check && !report.changed.is_empty() {
        1
    } else {
        0
    };
    if cmd.format == Format::Json {
        let json = BuildJson {
            version: crate::output::JSON_VERSION,
            check: cmd.check,
            changed: report.changed.iter().map(|p| shown(p, root)).collect(),
            unchanged: report.unchanged,
            without_catalog: report.without_catalog,
            refused: report.refused.iter().map(|p| shown(p, root)).collect(),
        };
        let _ = writeln!(out, "{}", serde_json::to_string(&json).expect("plain data"));
        return Ok(code);
    }
    let refusal = if cmd.check {
        "would not be overwritten"
    } else {
        "not overwritten"
    };
    for path in &report.refused {
        let _ = writeln!(
            err,
            "{}: {} was not generated by bitext or was edited since; {refusal} (use --force)",
            style.error("error"),
            shown(path, root)
        );
    }
    if !report.refused.is_empty() {
        if !cmd.check {
            let _ = writeln!(err, "nothing was written");
        }
        return Ok(code);
    }
    let verb = if cmd.check { "out of date" } else { "wrote" };
    for path in &report.changed {
        let _ = writeln!(out, "{verb} {}", shown(path, root));
    }
    let summary = if cmd.check {
        format!(
            "{} out of date, {} up to date",
            plural(report.changed.len(), "page"),
            report.unchanged
        )
    } else {
        format!(
            "built {}, {} unchanged",
            plural(report.changed.len(), "page"),
            report.unchanged
        )
    };
    let without = if report.without_catalog > 0 {
        format!(
            " ({} without a catalog skipped)",
            plural(report.without_catalog, "page")
        )
    } else {
        String::new()
    };
    let _ = writeln!(out, "{summary}{without}");
    Ok(code)
}

#[derive(Serialize)]
struct CountsJson {
    total: usize,
    translated: usize,
    stale: usize,
    missing: usize,
    obsolete: usize,
    percent: f64,
}

impl From<project::Counts> for CountsJson {
    fn from(c: project::Counts) -> CountsJson {
        CountsJson {
            total: c.total,
            translated: c.translated,
            stale: c.stale,
            missing: c.missing,
            obsolete: c.obsolete,
            percent: (c.percent() * 10.0).round() / 10.0,
        }
    }
}

#[derive(Serialize)]
struct LocaleJson {
    #[serde(flatten)]
    counts: CountsJson,
    /// With `--typos`: the spelling check's findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    typos: Option<usize>,
    pages: BTreeMap<String, PageJson>,
}

/// The spelling check's findings of each locale's pages (`--typos`), by
/// (locale, page); `None` when not asked.
struct Typos(Option<std::collections::HashMap<(String, String), usize>>);

impl Typos {
    fn count(config: &project::Config, cmd: &StatusArgs) -> project::Result<Typos> {
        if !cmd.typos {
            return Ok(Typos(None));
        }
        let options = project::CheckOptions {
            locales: locales(&cmd.locale),
            page: None,
            changed_since: None,
            no_cache: cmd.no_cache,
        };
        let report = project::check_progress(config, &options, &mut |_, _| {})?;
        let mut counts = std::collections::HashMap::new();
        for f in &report.findings {
            if f.finding.check == project::Check::Spelling {
                *counts
                    .entry((f.locale.to_string(), f.page.to_string()))
                    .or_insert(0) += 1;
            }
        }
        Ok(Typos(Some(counts)))
    }

    fn of_page(&self, locale: &str, page: &str) -> Option<usize> {
        let counts = self.0.as_ref()?;
        Some(
            counts
                .get(&(locale.to_owned(), page.to_owned()))
                .copied()
                .unwrap_or(0),
        )
    }

    fn of_locale(&self, locale: &str) -> Option<usize> {
        let counts = self.0.as_ref()?;
        Some(
            counts
                .iter()
                .filter(|((l, _), _)| l == locale)
                .map(|(_, n)| n)
                .sum(),
        )
    }
}

#[derive(Serialize)]
struct PageJson {
    #[serde(flatten)]
    counts: CountsJson,
    /// `catalog`: the page's messages; `page`: a hand-made translated page
    /// without catalog messages, stale where its source changed since.
    counted_from: &'static str,
    /// In a git repository: the source revision the translation was made
    /// from, and how it was found (`method: "unknown"` with a `reason`).
    #[serde(skip_serializing_if = "Option::is_none")]
    base: Option<BaseJson>,
    /// Whether the source's text differs between the base and now.
    #[serde(skip_serializing_if = "Option::is_none")]
    changed: Option<bool>,
    /// Commits that changed the source page after the base.
    #[serde(skip_serializing_if = "Option::is_none")]
    commits_behind: Option<usize>,
    /// Days since the first of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    days_behind: Option<i64>,
    /// A pin that was not used, and why, with its line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pin_problem: Option<PinProblemJson>,
    /// opentelemetry.io's `drifted_from_default`, as the page sets it.
    #[serde(skip_serializing_if = "Option::is_none")]
    drifted_from_default: Option<String>,
    /// With `--typos`: the spelling check's findings on the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    typos: Option<usize>,
}

#[derive(Serialize)]
struct BaseJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    commit: Option<String>,
    method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

#[derive(Serialize)]
struct PinProblemJson {
    line: usize,
    message: String,
}

impl PageJson {
    fn new(
        counts: project::Counts,
        hand_made: bool,
        s: Option<&project::PageStaleness>,
    ) -> PageJson {
        PageJson {
            counts: counts.into(),
            counted_from: if hand_made { "page" } else { "catalog" },
            base: s.map(|s| BaseJson {
                commit: s.base.as_ref().map(|b| b.commit.clone()),
                method: s.base.as_ref().map_or("unknown", |b| b.method.name()),
                reason: s.reason.clone(),
            }),
            changed: s.and_then(|s| s.changed),
            commits_behind: s.filter(|s| s.base.is_some()).map(|s| s.commits_behind),
            days_behind: s.and_then(|s| s.days_behind),
            pin_problem: s
                .and_then(|s| s.pin_problem.as_ref())
                .map(|p| PinProblemJson {
                    line: p.line,
                    message: p.message.clone(),
                }),
            drifted_from_default: s.and_then(|s| s.drifted.clone()),
            typos: None,
        }
    }
}

#[derive(Serialize)]
struct StatusJson {
    version: u32,
    locales: BTreeMap<String, LocaleJson>,
}

pub fn status(
    cmd: &StatusArgs,
    args: &Args,
    cwd: &Path,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> project::Result<u8> {
    let config = crate::config(args, cwd)?;
    if let Some(rev) = &cmd.changed_since {
        let impact = project::impact(&config, rev, locales(&cmd.locale).as_deref())?;
        let text = match cmd.format {
            StatusFormat::Json => crate::impact::json(&impact),
            StatusFormat::Markdown | StatusFormat::Human => crate::impact::markdown(&impact, rev),
        };
        let _ = write!(out, "{text}");
        return Ok(0);
    }
    let full = project::status_progress(
        &config,
        locales(&cmd.locale).as_deref(),
        !cmd.no_cache,
        &mut crate::progress::history(),
    )?;
    for note in &full.notes {
        if !style.quiet {
            let _ = writeln!(err, "{}: {note}", style.warning("note"));
        }
    }
    if args.verbose {
        let _ = writeln!(
            err,
            "cache: {} of {} translated pages' staleness from {}",
            full.cached,
            full.dated,
            crate::output::cache_from(&config, cmd.no_cache, "status")
        );
    }
    let typos = Typos::count(&config, cmd)?;
    let report = &full.locales;
    match cmd.format {
        StatusFormat::Json => {
            let json = StatusJson {
                version: crate::output::JSON_VERSION,
                locales: report
                    .iter()
                    .map(|l| {
                        (
                            l.locale.to_string(),
                            LocaleJson {
                                counts: l.counts.into(),
                                typos: typos.of_locale(l.locale.as_str()),
                                pages: l
                                    .pages
                                    .iter()
                                    .map(|(p, c)| {
                                        let mut page = PageJson::new(
                                            *c,
                                            l.hand_made.contains(p),
                                            l.staleness.get(p),
                                        );
                                        page.typos = typos.of_page(l.locale.as_str(), p);
                                        (p.clone(), page)
                                    })
                                    .collect(),
                            },
                        )
                    })
                    .collect(),
            };
            let _ = writeln!(out, "{}", serde_json::to_string(&json).expect("plain data"));
        }
        StatusFormat::Markdown => {
            let (typos_head, typos_rule) = match typos.0 {
                Some(_) => (" typos |", "--:|"),
                None => ("", ""),
            };
            let _ = writeln!(
                out,
                "| locale | page | translated | stale | missing | obsolete | total | % | base | behind |{typos_head}\n|---|---|--:|--:|--:|--:|--:|--:|---|--:|{typos_rule}"
            );
            for l in report {
                let row = |page: &str, c: &project::Counts, s: Option<&project::PageStaleness>| {
                    let (base, behind) = match s.map(|s| (s, &s.base)) {
                        Some((s, Some(b))) => (
                            format!("`{}` ({})", short_commit(&b.commit), b.method.name()),
                            format!(
                                "{} commits, {} days",
                                s.commits_behind,
                                s.days_behind.unwrap_or(0)
                            ),
                        ),
                        Some((s, None)) => (
                            format!("unknown: {}", s.reason.as_deref().unwrap_or("")),
                            String::new(),
                        ),
                        None => (String::new(), String::new()),
                    };
                    let count = match page {
                        "**all**" => typos.of_locale(l.locale.as_str()),
                        page => typos.of_page(l.locale.as_str(), page),
                    };
                    format!(
                        "| {} | {page} | {} | {} | {} | {} | {} | {:.1} | {base} | {behind} |{}",
                        l.locale,
                        c.translated,
                        c.stale,
                        c.missing,
                        c.obsolete,
                        c.total,
                        c.percent(),
                        count.map_or(String::new(), |n| format!(" {n} |"))
                    )
                };
                let _ = writeln!(out, "{}", row("**all**", &l.counts, None));
                for (page, c) in &l.pages {
                    let _ = writeln!(out, "{}", row(page, c, l.staleness.get(page)));
                }
            }
        }
        StatusFormat::Human => {
            let width = report
                .iter()
                .flat_map(|l| l.pages.iter().map(|(p, _)| p.len()))
                .max()
                .unwrap_or(0)
                .max(6);
            for l in report {
                let mut head = line(l.locale.as_str(), width + 2, &l.counts, style);
                if let Some(n) = typos.of_locale(l.locale.as_str()) {
                    head.push_str(&format!("  {}", plural(n, "typo")));
                }
                let _ = writeln!(out, "{}", style.bold(&head));
                for (page, c) in &l.pages {
                    let mut text = line(page, width, c, style);
                    if let Some(n) = typos.of_page(l.locale.as_str(), page) {
                        text.push_str(&format!("  {}", plural(n, "typo")));
                    }
                    match l.staleness.get(page).map(|s| (s, &s.base)) {
                        Some((s, Some(b))) if s.commits_behind > 0 => {
                            text.push_str(&style.dim(&format!(
                                "  base {} ({}), {} behind, {} days{}",
                                short_commit(&b.commit),
                                b.method.name(),
                                plural(s.commits_behind, "commit"),
                                s.days_behind.unwrap_or(0),
                                if s.changed == Some(false) {
                                    ", same text"
                                } else {
                                    ""
                                }
                            )));
                        }
                        Some((s, None)) => {
                            text.push_str(&style.warning(&format!(
                                "  staleness unknown: {}",
                                s.reason.as_deref().unwrap_or("no base")
                            )));
                        }
                        _ => {}
                    }
                    let _ = writeln!(out, "  {text}");
                }
            }
            if report.is_empty() {
                let _ = writeln!(out, "no target locales (set `locales` in bitext.toml)");
            }
        }
    }
    Ok(0)
}

fn line(name: &str, width: usize, c: &project::Counts, style: Style) -> String {
    let percent = format!("{:5.1}%", c.percent());
    let percent = if c.translated == c.total {
        style.good(&percent)
    } else {
        percent
    };
    let stale = format!("{:>4} stale", c.stale);
    let stale = if c.stale > 0 {
        style.warning(&stale)
    } else {
        stale
    };
    format!(
        "{name:<width$} {percent}  {:>4} translated {stale} {:>4} missing {:>4} obsolete  of {}",
        c.translated, c.missing, c.obsolete, c.total
    )
}
