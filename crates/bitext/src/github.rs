//! `bitext check --format github`: workflow commands GitHub turns into
//! annotations, within what it shows (10 errors and 10 warnings a step),
//! and a Markdown step summary.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use project::{CheckReport, PageFinding, Severity};

use crate::check::github_escape;
use crate::output::{plural, shown};

/// How many annotations of each level GitHub shows for a step.
const SHOWN: usize = 10;

/// The findings worth an annotation, most important first: errors, then
/// warnings, each by confidence; at most [`SHOWN`] of each.
fn chosen(report: &CheckReport) -> Vec<&PageFinding> {
    let mut out = Vec::new();
    for severity in [Severity::Error, Severity::Warning] {
        let mut of_level: Vec<&PageFinding> = report
            .findings
            .iter()
            .filter(|f| f.finding.severity == severity)
            .collect();
        of_level.sort_by(|a, b| b.finding.confidence.total_cmp(&a.finding.confidence));
        out.extend(of_level.into_iter().take(SHOWN));
    }
    out
}

/// The annotations, then one notice with the totals.
pub(crate) fn annotations(report: &CheckReport, cwd: &Path, out: &mut dyn Write) {
    let chosen = chosen(report);
    for f in &chosen {
        let level = match f.finding.severity {
            Severity::Error => "error",
            _ => "warning",
        };
        let _ = writeln!(
            out,
            "::{level} file={},line={},title={}::{}",
            github_escape(&shown(&f.path, cwd), true),
            f.finding.line,
            github_escape(&format!("bitext {}", f.finding.check.name()), true),
            github_escape(&f.finding.message, false)
        );
    }
    let count = |s: Severity| {
        report
            .findings
            .iter()
            .filter(|f| f.finding.severity == s)
            .count()
    };
    let _ = writeln!(
        out,
        "::notice title=bitext check::{}",
        github_escape(
            &format!(
                "{} errors, {} warnings, {} notes in {} of {}; {} shown as annotations (the most certain of each level); the step summary and `bitext check` list them all",
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Info),
                plural(report.pages, "page"),
                plural(report.locales, "locale"),
                chosen.len()
            ),
            false
        )
    );
}

/// The step summary: per locale its pages and findings by check, then the
/// pages with the most findings.
pub(crate) fn step_summary(report: &CheckReport, cwd: &Path, failed: bool) -> String {
    let mut out = format!(
        "## bitext check: {}\n\n",
        if failed { "failed" } else { "passed" }
    );
    let mut by_locale: BTreeMap<&str, BTreeMap<&'static str, usize>> = BTreeMap::new();
    let mut pages: BTreeMap<&str, usize> = BTreeMap::new();
    for (locale, _) in &report.checked {
        by_locale.entry(locale.as_str()).or_default();
        *pages.entry(locale.as_str()).or_default() += 1;
    }
    for f in &report.findings {
        *by_locale
            .entry(f.locale.as_str())
            .or_default()
            .entry(f.finding.check.name())
            .or_default() += 1;
    }
    out.push_str("| locale | pages | findings | by check |\n|---|--:|--:|---|\n");
    for (locale, checks) in &by_locale {
        let total: usize = checks.values().sum();
        let listed: Vec<String> = checks.iter().map(|(c, n)| format!("{c} {n}")).collect();
        out.push_str(&format!(
            "| {locale} | {} | {total} | {} |\n",
            pages.get(locale).copied().unwrap_or(0),
            listed.join(", ")
        ));
    }
    let mut per_page: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for f in &report.findings {
        let entry = per_page.entry(shown(&f.path, cwd)).or_default();
        match f.finding.severity {
            Severity::Error => entry.0 += 1,
            _ => entry.1 += 1,
        }
    }
    let mut top: Vec<(String, (usize, usize))> = per_page.into_iter().collect();
    top.sort_by(|a, b| (b.1.0, b.1.1).cmp(&(a.1.0, a.1.1)).then(a.0.cmp(&b.0)));
    if !top.is_empty() {
        out.push_str(
            "\n**Pages with the most findings**\n\n| page | errors | warnings |\n|---|--:|--:|\n",
        );
        for (page, (errors, warnings)) in top.iter().take(SHOWN) {
            out.push_str(&format!("| `{page}` | {errors} | {warnings} |\n"));
        }
    }
    out.push_str("\nRun `bitext check` (or `bitext report --html DIR`) for every finding with its lines.\n\n");
    out
}
