//! `bitext report --html DIR`: a dashboard of a project's translations in
//! one self-contained page (the data inline, no network when viewed), and
//! a badge per locale.

mod badge;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use project::{Check, PageFinding, Severity};
use serde::Serialize;

use crate::Style;
use crate::args::{Args, ReportArgs};
use crate::catalogs::locales;

/// The page, with `/*DATA*/` where the report's data goes.
const TEMPLATE: &str = include_str!("report.html");

/// The longest line of a page shown beside a finding, in characters.
const SHOWN_LINE: usize = 400;

#[derive(Serialize)]
struct ReportJson {
    version: u32,
    project: String,
    locales: Vec<LocaleJson>,
    pages: Vec<PageJson>,
}

#[derive(Serialize, Default)]
struct LocaleJson {
    locale: String,
    pages: usize,
    current: usize,
    stale: usize,
    missing: usize,
    unknown: usize,
    /// Segments translated and current, of all the source's.
    percent: f64,
    errors: usize,
    warnings: usize,
    typos: usize,
}

#[derive(Serialize)]
struct PageJson {
    locale: String,
    page: String,
    path: String,
    source_path: String,
    /// `current`, `stale`, `missing` or `unknown` (no base revision known).
    state: &'static str,
    percent: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    commits_behind: Option<usize>,
    errors: usize,
    warnings: usize,
    typos: usize,
    findings: Vec<FindingJson>,
}

#[derive(Serialize)]
struct FindingJson {
    check: &'static str,
    severity: &'static str,
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_line: Option<usize>,
    message: String,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_text: Option<String>,
}

/// The lines of the files findings point at, each file read once.
#[derive(Default)]
struct Lines(HashMap<PathBuf, Vec<String>>);

impl Lines {
    /// Line `line` (from 1) of `path`, shortened; empty when it cannot be read.
    fn get(&mut self, path: &Path, line: usize) -> String {
        let lines = self.0.entry(path.to_owned()).or_insert_with(|| {
            std::fs::read_to_string(path)
                .map(|t| t.lines().map(str::to_owned).collect())
                .unwrap_or_default()
        });
        let text = lines.get(line.wrapping_sub(1)).map_or("", String::as_str);
        let mut shown: String = text.chars().take(SHOWN_LINE).collect();
        if shown.len() < text.len() {
            shown.push('…');
        }
        shown
    }
}

/// A path as the report shows it: relative to the project when inside it.
fn shown_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

/// The share of `counts` translated, to one decimal (as status's JSON).
fn percent(counts: &project::Counts) -> f64 {
    (counts.percent() * 10.0).round() / 10.0
}

/// A page's state from its counts and staleness.
fn state(counts: &project::Counts, staleness: Option<&project::PageStaleness>) -> &'static str {
    if counts.total > 0 && counts.translated + counts.stale == 0 {
        "missing"
    } else if counts.stale > 0 || staleness.is_some_and(|s| s.changed == Some(true)) {
        "stale"
    } else if staleness.is_some_and(|s| s.base.is_none()) {
        "unknown"
    } else {
        "current"
    }
}

fn finding_json(f: &PageFinding, lines: &mut Lines) -> FindingJson {
    FindingJson {
        check: f.finding.check.name(),
        severity: f.finding.severity.name(),
        line: f.finding.line,
        source_line: f.finding.source_line,
        message: f.finding.message.clone(),
        text: lines.get(&f.path, f.finding.line),
        source_text: f.finding.source_line.map(|l| lines.get(&f.source_path, l)),
    }
}

/// The report's data: status and findings joined page by page.
fn data(
    config: &project::Config,
    status: &project::StatusReport,
    check: &project::CheckReport,
) -> ReportJson {
    let root = &config.root;
    let mut by_page: HashMap<(&str, &str), Vec<&PageFinding>> = HashMap::new();
    for f in &check.findings {
        by_page
            .entry((f.locale.as_str(), &*f.page))
            .or_default()
            .push(f);
    }
    let mut lines = Lines::default();
    let mut out = ReportJson {
        version: 1,
        project: root
            .file_name()
            .map_or_else(|| "bitext".to_owned(), |n| n.to_string_lossy().into_owned()),
        locales: Vec::new(),
        pages: Vec::new(),
    };
    for locale in &status.locales {
        let code = locale.locale.as_str();
        let mut summary = LocaleJson {
            locale: code.to_owned(),
            percent: percent(&locale.counts),
            ..LocaleJson::default()
        };
        for (page, counts) in &locale.pages {
            let staleness = locale.staleness.get(page);
            let state = state(counts, staleness);
            let findings = by_page.remove(&(code, page.as_str())).unwrap_or_default();
            let count = |s: Severity| findings.iter().filter(|f| f.finding.severity == s).count();
            let (path, source_path) = match findings.first() {
                Some(f) => (shown_path(root, &f.path), shown_path(root, &f.source_path)),
                None => (
                    config.translation.render(code, page),
                    config.source.render(config.source_locale.as_str(), page),
                ),
            };
            let page = PageJson {
                locale: code.to_owned(),
                page: page.clone(),
                path,
                source_path,
                state,
                percent: percent(counts),
                commits_behind: staleness
                    .filter(|s| s.base.is_some())
                    .map(|s| s.commits_behind),
                errors: count(Severity::Error),
                warnings: count(Severity::Warning),
                typos: findings
                    .iter()
                    .filter(|f| f.finding.check == Check::Spelling)
                    .count(),
                findings: findings
                    .iter()
                    .map(|f| finding_json(f, &mut lines))
                    .collect(),
            };
            summary.pages += 1;
            match state {
                "current" => summary.current += 1,
                "stale" => summary.stale += 1,
                "missing" => summary.missing += 1,
                _ => summary.unknown += 1,
            }
            summary.errors += page.errors;
            summary.warnings += page.warnings;
            summary.typos += page.typos;
            out.pages.push(page);
        }
        out.locales.push(summary);
    }
    out
}

/// The page with `data` inline. Every `<` of the JSON is escaped, so no
/// text of a page can end the script element that holds it.
fn html(data: &ReportJson) -> String {
    let json = serde_json::to_string(data)
        .expect("the report's data is plain JSON")
        .replace('<', "\\u003c");
    TEMPLATE.replacen("/*DATA*/", &json, 1)
}

pub fn run(
    cmd: &ReportArgs,
    args: &Args,
    cwd: &Path,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> project::Result<u8> {
    let config = crate::config(args, cwd)?;
    let only = locales(&cmd.locale);
    let status = project::status_progress(
        &config,
        only.as_deref(),
        true,
        &mut crate::progress::history(),
    )?;
    let options = project::CheckOptions {
        locales: only,
        page: None,
        changed_since: None,
        no_cache: false,
    };
    let check = project::check_progress(&config, &options, &mut |_, _| {})?;
    for note in status.notes.iter().chain(&check.notes) {
        if !style.quiet {
            let _ = writeln!(err, "{}: {note}", style.warning("note"));
        }
    }
    let data = data(&config, &status, &check);
    let dir = cwd.join(&cmd.html);
    project::write_atomic(&dir.join("index.html"), html(&data).as_bytes())?;
    for locale in &data.locales {
        project::write_atomic(
            &dir.join("badges").join(format!("{}.svg", locale.locale)),
            badge::svg(&locale.locale, locale.percent).as_bytes(),
        )?;
    }
    let _ = writeln!(
        out,
        "{} {} ({} in {}, {}) and {}",
        style.bold("wrote"),
        dir.join("index.html").display(),
        crate::output::plural(data.pages.len(), "page"),
        crate::output::plural(data.locales.len(), "locale"),
        crate::output::plural(check.findings.len(), "finding"),
        crate::output::plural(data.locales.len(), "badge")
    );
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_of_a_page_can_close_the_data_script() {
        let data = ReportJson {
            version: 1,
            project: "</script><script>alert(1)</script>".to_owned(),
            locales: Vec::new(),
            pages: Vec::new(),
        };
        let page = html(&data);
        let script = page
            .split("<script id=\"data\" type=\"application/json\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .expect("the data script");
        let parsed: serde_json::Value = serde_json::from_str(script).expect("JSON");
        assert_eq!(parsed["project"], "</script><script>alert(1)</script>");
    }

    #[test]
    fn a_page_is_missing_stale_unknown_or_current() {
        let counts = |translated, stale| project::Counts {
            total: 4,
            translated,
            stale,
            ..Default::default()
        };
        assert_eq!(state(&counts(0, 0), None), "missing");
        assert_eq!(state(&counts(3, 1), None), "stale");
        assert_eq!(state(&counts(4, 0), None), "current");
    }
}
