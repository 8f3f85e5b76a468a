//! `bitext check`: findings in the shapes people and CI read.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use project::{Check, PageFinding, Severity};
use serde::Serialize;

use crate::Style;
use crate::args::{Args, CheckArgs, CheckFormat, FailOn};
use crate::catalogs::locales;
use crate::output::{LastShown, plural, shown};

mod junit;
mod sarif;

/// One finding of `{"findings": [...], "summary": {...}}`, which is
/// written a finding at a time.
#[derive(Serialize)]
struct FindingJson<'a> {
    check: &'static str,
    severity: &'static str,
    locale: &'a str,
    path: &'a str,
    line: usize,
    source_path: &'a str,
    source_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    segment_id: Option<&'a str>,
    message: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<RelatedJson<'a>>,
    /// How sure what produced the finding is (0–1), two decimals.
    confidence: f32,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    path: String,
    line: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct SummaryJson {
    pages: usize,
    locales: usize,
    findings: usize,
    errors: usize,
    warnings: usize,
    by_check: BTreeMap<&'static str, usize>,
}

/// Findings rendered by one thread at a time in the JSON report.
const JSON_PART: usize = 4096;

/// `findings` as JSON objects separated by commas, rendered on every core
/// a batch at a time and written in order: a large site has millions, and
/// a batch is all that is held.
fn write_findings_json(
    findings: &[PageFinding],
    cwd: &Path,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    for (b, batch) in findings.chunks(JSON_PART * cores).enumerate() {
        let parts: Vec<Vec<u8>> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(JSON_PART)
                .map(|part| scope.spawn(move || findings_json(part, cwd)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("rendering findings does not panic"))
                .collect()
        });
        for (k, part) in parts.iter().enumerate() {
            if b > 0 || k > 0 {
                out.write_all(b",")?;
            }
            out.write_all(part)?;
        }
    }
    Ok(())
}

/// `findings` as JSON objects separated by commas.
fn findings_json(findings: &[PageFinding], cwd: &Path) -> Vec<u8> {
    let mut out = Vec::with_capacity(findings.len() * 256);
    let (mut path, mut source_path) = (LastShown::new(cwd), LastShown::new(cwd));
    for (k, f) in findings.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        let finding = FindingJson {
            check: f.finding.check.name(),
            severity: f.finding.severity.name(),
            locale: f.locale.as_str(),
            path: path.get(&f.path),
            line: f.finding.line,
            source_path: source_path.get(&f.source_path),
            source_line: f.finding.source_line,
            segment_id: f.finding.segment_id.as_deref(),
            message: &f.finding.message,
            related: f
                .finding
                .related
                .iter()
                .map(|r| RelatedJson {
                    path: related_path(f, r.in_source, cwd),
                    line: r.line,
                    message: &r.message,
                })
                .collect(),
            confidence: (f.finding.confidence * 100.0).round() / 100.0,
        };
        let _ = serde_json::to_writer(&mut out, &finding);
    }
    out
}

/// `bitext check --learn-words LOCALE`: the locale checked, its recurring
/// unknown words added to its word list.
fn learn_words(
    cmd: &CheckArgs,
    config: &project::Config,
    locale: &str,
    cwd: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> project::Result<u8> {
    let locale = model::Locale::new(locale);
    let options = project::CheckOptions {
        locales: Some(vec![locale.clone()]),
        page: cmd.page.clone(),
        changed_since: None,
        no_cache: cmd.no_cache,
    };
    if config.check.level(Check::Spelling, &locale).is_none() {
        return Err(project::Error::Usage {
            message: format!(
                "--learn-words {locale}: spelling is off for {locale} ([check.severity] or [check.locale.{locale}] in bitext.toml)"
            ),
        });
    }
    let report = project::check_progress(config, &options, &mut crate::progress::history())?;
    if let Some(note) = report
        .notes
        .iter()
        .find(|n| n.starts_with("spelling not checked"))
    {
        return Err(project::Error::Usage {
            message: format!("--learn-words {locale}: {note}"),
        });
    }
    let learned = project::spelling::learn_words(config, &locale, &report, cmd.min_pages)?;
    let path = shown(&learned.path, cwd);
    match cmd.format {
        CheckFormat::Json => {
            let added: Vec<serde_json::Value> = learned
                .added
                .iter()
                .map(|(word, pages)| serde_json::json!({"word": word, "pages": pages}))
                .collect();
            let _ = writeln!(
                out,
                "{}",
                serde_json::json!({"version": crate::output::JSON_VERSION, "locale": locale.as_str(), "word_list": path, "added": added})
            );
        }
        _ => {
            for (word, pages) in &learned.added {
                let _ = writeln!(out, "{word}  ({})", plural(*pages, "page"));
            }
            let _ = writeln!(
                err,
                "{}",
                if learned.added.is_empty() {
                    format!(
                        "no word unknown to the {locale} dictionary is on {} or more; {path} unchanged",
                        plural(cmd.min_pages, "page")
                    )
                } else {
                    format!(
                        "added {} to {path}: review them (a typo repeated on many pages is still a typo)",
                        plural(learned.added.len(), "word")
                    )
                }
            );
        }
    }
    Ok(0)
}

/// Where a related place is, as shown.
pub(crate) fn related_path(f: &PageFinding, in_source: bool, cwd: &Path) -> String {
    shown(if in_source { &f.source_path } else { &f.path }, cwd)
}

fn fails(severity: Severity, fail_on: FailOn) -> bool {
    match fail_on {
        FailOn::Never => false,
        FailOn::Info => true,
        FailOn::Warning => severity >= Severity::Warning,
        FailOn::Error => severity >= Severity::Error,
    }
}

/// A GitHub workflow command's property or message, escaped as the runner wants.
pub(crate) fn github_escape(text: &str, property: bool) -> String {
    let mut out = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

pub fn run(
    cmd: &CheckArgs,
    args: &Args,
    cwd: &Path,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> project::Result<u8> {
    if let Some(name) = &cmd.explain {
        let Some(check) = Check::from_name(name) else {
            return Err(project::Error::UnknownCheck {
                name: name.clone(),
                known: Check::ALL.map(Check::name).join(", "),
            });
        };
        let _ = writeln!(
            out,
            "{} (default severity: {})\n\n{}",
            style.bold(check.name()),
            if check.on_by_default() {
                check.default_severity().name()
            } else {
                "off"
            },
            check.explain()
        );
        return Ok(0);
    }
    let config = crate::config(args, cwd)?;
    if let Some(locale) = &cmd.learn_words {
        return learn_words(cmd, &config, locale, cwd, out, err);
    }
    let options = project::CheckOptions {
        locales: locales(&cmd.locale),
        page: cmd.page.clone(),
        changed_since: cmd.changed_since.clone(),
        no_cache: cmd.no_cache,
    };
    let mut report = project::check_progress(&config, &options, &mut crate::progress::history())?;
    for note in &report.notes {
        if !style.quiet {
            let _ = writeln!(err, "{}: {note}", style.warning("note"));
        }
    }
    if args.verbose {
        let _ = writeln!(
            err,
            "cache: {} of {} pages from {}",
            report.cached,
            report.pages,
            crate::output::cache_from(&config, options.no_cache, "check")
        );
    }
    let mut known = 0;
    if let Some(file) = &cmd.baseline {
        let path = cwd.join(file);
        let keys = baseline(&path)?;
        let before = report.findings.len();
        report.findings.retain(|f| !keys.contains(&key_of(f, cwd)));
        known = before - report.findings.len();
    }
    let failing = report
        .findings
        .iter()
        .filter(|f| fails(f.finding.severity, cmd.fail_on))
        .count();
    let code = u8::from(failing > 0);
    let count = |s: Severity| {
        report
            .findings
            .iter()
            .filter(|f| f.finding.severity == s)
            .count()
    };
    match cmd.format {
        CheckFormat::Json => {
            let mut by_check = BTreeMap::new();
            for f in &report.findings {
                *by_check.entry(f.finding.check.name()).or_insert(0) += 1;
            }
            let mut out = std::io::BufWriter::new(out);
            let _ = write!(
                out,
                "{{\"version\":{},\"findings\":[",
                crate::output::JSON_VERSION
            );
            let _ = write_findings_json(&report.findings, cwd, &mut out);
            let summary = SummaryJson {
                pages: report.pages,
                locales: report.locales,
                findings: report.findings.len(),
                errors: count(Severity::Error),
                warnings: count(Severity::Warning),
                by_check,
            };
            let _ = out.write_all(b"],\"summary\":");
            let _ = serde_json::to_writer(&mut out, &summary);
            let _ = out.write_all(b"}\n");
            let _ = out.flush();
        }
        CheckFormat::Github => {
            crate::github::annotations(&report, cwd, out);
            if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
                let summary = crate::github::step_summary(&report, cwd, failing > 0);
                let written = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path)
                    .and_then(|mut file| file.write_all(summary.as_bytes()));
                if let Err(e) = written {
                    let _ = writeln!(
                        err,
                        "{}: the step summary {} could not be written: {e}",
                        style.warning("warning"),
                        std::path::Path::new(&path).display()
                    );
                }
            }
        }
        CheckFormat::Sarif => {
            let options = sarif::Options {
                aggregate: cmd.sarif_aggregate,
                run_size: sarif::RUN_SIZE,
            };
            let mut out = std::io::BufWriter::new(out);
            let _ = sarif::write(&report, cwd, options, &mut out);
            let _ = out.flush();
        }
        CheckFormat::Junit => {
            let _ = junit::write(&report, cwd, out);
        }
        CheckFormat::Human => {
            let mut lines = project::LineReader::default();
            grouped(&report.findings, cmd.limit, &mut lines, (cwd, style), out);
            if style.quiet {
                // Findings only; the exit code says the rest.
            } else if report.waived > 0 || known > 0 {
                let _ = writeln!(
                    out,
                    "{} waived, {} already in the baseline (not shown)",
                    plural(report.waived, "finding"),
                    known
                );
            }
            if !style.quiet {
                let _ = writeln!(
                    out,
                    "{}: {} in {} of {} ({}, {})",
                    if failing > 0 {
                        style.bad("check failed")
                    } else {
                        style.good("check passed")
                    },
                    plural(report.findings.len(), "finding"),
                    plural(report.pages, "page"),
                    plural(report.locales, "locale"),
                    plural(count(Severity::Error), "error"),
                    plural(count(Severity::Warning), "warning")
                );
            }
        }
    }
    let _ = err.flush();
    Ok(code)
}

/// What identifies a finding across runs: lines move when a page is
/// edited, so a finding about a segment is known by the segment's id.
pub(crate) type Key = (String, String, String, String, String);

pub(crate) fn key_of(f: &PageFinding, cwd: &Path) -> Key {
    let place = match &f.finding.segment_id {
        Some(id) => id.clone(),
        None => f.finding.line.to_string(),
    };
    (
        f.finding.check.name().to_owned(),
        f.locale.to_string(),
        shown(&f.path, cwd),
        place,
        f.finding.message.clone(),
    )
}

/// The keys of the findings of a saved JSON run.
fn baseline(path: &Path) -> project::Result<std::collections::HashSet<Key>> {
    let error = |message: String| project::Error::Baseline {
        path: path.to_path_buf(),
        message,
    };
    let text = project::read_text(path)?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| error(e.to_string()))?;
    let findings = json["findings"]
        .as_array()
        .ok_or_else(|| error("no \"findings\" list".to_owned()))?;
    let text_of = |v: &serde_json::Value| v.as_str().map(str::to_owned);
    findings
        .iter()
        .map(|f| {
            let place =
                text_of(&f["segment_id"]).or_else(|| f["line"].as_u64().map(|l| l.to_string()));
            match (
                text_of(&f["check"]),
                text_of(&f["locale"]),
                text_of(&f["path"]),
                place,
                text_of(&f["message"]),
            ) {
                (Some(c), Some(l), Some(p), Some(at), Some(m)) => Ok((c, l, p, at, m)),
                _ => Err(error(format!(
                    "a finding lacks check, locale, path, line or message: {f}"
                ))),
            }
        })
        .collect()
}

/// The findings by page, each page with a header that counts them, the
/// pages of a locale worst first (errors, then warnings), at most `limit`
/// findings of a page shown (most severe first), then a line per locale.
fn grouped(
    findings: &[PageFinding],
    limit: Option<usize>,
    lines: &mut project::LineReader,
    (cwd, style): (&Path, Style),
    out: &mut dyn Write,
) {
    let severities = |list: &[&PageFinding]| {
        let n = |s: Severity| list.iter().filter(|f| f.finding.severity == s).count();
        (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
    };
    let counts = |(e, w, i): (usize, usize, usize)| {
        let mut parts = Vec::new();
        for (n, what) in [(e, "error"), (w, "warning"), (i, "info")] {
            if n > 0 {
                parts.push(if what == "info" {
                    format!("{n} info")
                } else {
                    plural(n, what)
                });
            }
        }
        parts.join(", ")
    };
    let mut k = 0;
    while k < findings.len() {
        let locale = &findings[k].locale;
        let end = findings[k..]
            .iter()
            .position(|f| f.locale != *locale)
            .map_or(findings.len(), |p| k + p);
        // The locale's pages, in report order, then worst first.
        let mut pages: Vec<Vec<&PageFinding>> = Vec::new();
        for f in &findings[k..end] {
            match pages.iter_mut().find(|p| p[0].path == f.path) {
                Some(page) => page.push(f),
                None => pages.push(vec![f]),
            }
        }
        pages.sort_by_key(|p| {
            let (e, w, i) = severities(p);
            (std::cmp::Reverse((e, w, i)), p[0].path.clone())
        });
        for page in &pages {
            let header = format!(
                "── {} ({}): {}",
                shown(&page[0].path, cwd),
                locale,
                counts(severities(page))
            );
            let _ = writeln!(out, "{}\n", style.bold(&header));
            let mut shown_here: Vec<&&PageFinding> = page.iter().collect();
            shown_here.sort_by_key(|f| (std::cmp::Reverse(f.finding.severity), f.finding.line));
            let cut = limit.unwrap_or(usize::MAX).min(shown_here.len());
            let mut kept: Vec<&&PageFinding> = shown_here[..cut].to_vec();
            kept.sort_by_key(|f| f.finding.line);
            for f in kept {
                human(f, lines, cwd, style, out);
            }
            if cut < page.len() {
                let _ = writeln!(
                    out,
                    "{}\n",
                    style.dim(&format!(
                        "… and {} more finding{} on this page (--limit {cut})",
                        page.len() - cut,
                        if page.len() - cut == 1 { "" } else { "s" }
                    ))
                );
            }
        }
        let all: Vec<&PageFinding> = findings[k..end].iter().collect();
        k = end;
        if style.quiet {
            continue;
        }
        let _ = writeln!(
            out,
            "{}\n",
            style.bold(&format!(
                "{locale}: {} on {} with findings ({})",
                plural(all.len(), "finding"),
                plural(pages.len(), "page"),
                counts(severities(&all))
            ))
        );
    }
}

/// One finding as rustc shows a diagnostic: the translated line, then the
/// source line and the related places.
fn human(
    f: &PageFinding,
    lines: &mut project::LineReader,
    cwd: &Path,
    style: Style,
    out: &mut dyn Write,
) {
    let finding = &f.finding;
    let label = format!("{}[{}]", finding.severity.name(), finding.check.name());
    let label = match finding.severity {
        Severity::Error => style.error(&label),
        _ => style.warning(&label),
    };
    let width = finding
        .line
        .to_string()
        .len()
        .max(finding.source_line.map_or(0, |l| l.to_string().len()));
    let pad = " ".repeat(width);
    let clip = |text: &str| -> String {
        let text = text.trim_end();
        if text.chars().count() > 110 {
            format!("{}…", text.chars().take(110).collect::<String>())
        } else {
            text.to_owned()
        }
    };
    let _ = writeln!(out, "{label}: {}", finding.message);
    let _ = writeln!(
        out,
        "{pad}{} {}:{}",
        style.dim("-->"),
        shown(&f.path, cwd),
        finding.line
    );
    let _ = writeln!(out, "{pad} {}", style.dim("|"));
    let _ = writeln!(
        out,
        "{:>width$} {} {}",
        finding.line,
        style.dim("|"),
        clip(lines.line(&f.path, finding.line))
    );
    if let Some(line) = finding.source_line {
        let _ = writeln!(
            out,
            "{pad} {} source {}:{line}",
            style.dim("="),
            shown(&f.source_path, cwd)
        );
        let text = clip(lines.line(&f.source_path, line));
        let _ = writeln!(out, "{line:>width$} {} {text}", style.dim("|"));
    }
    for r in &finding.related {
        let file = if r.in_source { &f.source_path } else { &f.path };
        let text = clip(lines.line(file, r.line));
        let _ = writeln!(
            out,
            "{pad} {} {}: {}:{}: {}",
            style.dim("="),
            r.message,
            related_path(f, r.in_source, cwd),
            r.line,
            text
        );
    }
    let _ = writeln!(out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn json_findings_rendered_in_parts_are_those_rendered_at_once() {
        // Several batches of several parts, pages changing within a part
        // and across part boundaries, some with related places.
        let cwd = Path::new("/site");
        let findings: Vec<PageFinding> = (0..JSON_PART * 5 + 17)
            .map(|k| PageFinding {
                locale: model::Locale::new(if k % 3 == 0 { "it" } else { "fr" }),
                page: Arc::from(format!("page{}", k / 1000).as_str()),
                path: Arc::from(Path::new(&format!("/site/content/it/page{}.md", k / 1000))),
                source_path: Arc::from(Path::new(&format!("/site/content/en/page{}.md", k / 700))),
                finding: project::Finding {
                    check: Check::ALL[k % Check::ALL.len()],
                    severity: Severity::Warning,
                    line: k + 1,
                    source_line: (k % 2 == 0).then_some(k),
                    segment_id: (k % 5 == 0).then(|| format!("id-{k}")),
                    message: format!("finding \"{k}\""),
                    related: Vec::new(),
                    confidence: (k % 10) as f32 / 10.0,
                },
            })
            .collect();
        let mut parts = Vec::new();
        write_findings_json(&findings, cwd, &mut parts).expect("written to memory");
        assert_eq!(parts, findings_json(&findings, cwd));
        let parsed: serde_json::Value =
            serde_json::from_slice(&[b"[", parts.as_slice(), b"]"].concat()).expect("JSON");
        assert_eq!(parsed.as_array().map(Vec::len), Some(findings.len()));
        assert_eq!(parsed[4096]["path"], "content/it/page4.md");
    }
}
