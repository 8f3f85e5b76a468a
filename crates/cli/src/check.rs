//! `bitext check`: findings in the shapes people and CI read.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use project::{Check, PageFinding, Severity};
use serde::Serialize;

use crate::Style;
use crate::args::{Args, CheckArgs, CheckFormat, FailOn};
use crate::catalogs::locales;
use crate::output::{plural, shown};

#[derive(Serialize)]
struct CheckJson {
    findings: Vec<FindingJson>,
    summary: SummaryJson,
}

#[derive(Serialize)]
struct FindingJson {
    check: &'static str,
    severity: &'static str,
    locale: String,
    path: String,
    line: usize,
    source_path: String,
    source_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    segment_id: Option<String>,
    message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<RelatedJson>,
}

#[derive(Serialize)]
struct RelatedJson {
    path: String,
    line: usize,
    message: String,
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

/// Where a related place is, as shown.
fn related_path(f: &PageFinding, in_source: bool, cwd: &Path) -> String {
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
fn github_escape(text: &str, property: bool) -> String {
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
            check.default_severity().name(),
            check.explain()
        );
        return Ok(0);
    }
    let config = crate::config(args, cwd)?;
    let options = project::CheckOptions {
        locales: locales(&cmd.locale),
    };
    let report = project::check(&config, &options)?;
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
            let json = CheckJson {
                findings: report
                    .findings
                    .iter()
                    .map(|f| FindingJson {
                        check: f.finding.check.name(),
                        severity: f.finding.severity.name(),
                        locale: f.locale.to_string(),
                        path: shown(&f.path, cwd),
                        line: f.finding.line,
                        source_path: shown(&f.source_path, cwd),
                        source_line: f.finding.source_line,
                        segment_id: f.finding.segment_id.clone(),
                        message: f.finding.message.clone(),
                        related: f
                            .finding
                            .related
                            .iter()
                            .map(|r| RelatedJson {
                                path: related_path(f, r.in_source, cwd),
                                line: r.line,
                                message: r.message.clone(),
                            })
                            .collect(),
                    })
                    .collect(),
                summary: SummaryJson {
                    pages: report.pages,
                    locales: report.locales,
                    findings: report.findings.len(),
                    errors: count(Severity::Error),
                    warnings: count(Severity::Warning),
                    by_check,
                },
            };
            let _ = writeln!(out, "{}", serde_json::to_string(&json).expect("plain data"));
        }
        CheckFormat::Github => {
            for f in &report.findings {
                let level = match f.finding.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
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
        }
        CheckFormat::Human => {
            for f in &report.findings {
                human(f, cwd, style, out);
            }
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
    let _ = err.flush();
    Ok(code)
}

/// One finding as rustc shows a diagnostic: the translated line, then the
/// source line and the related places.
fn human(f: &PageFinding, cwd: &Path, style: Style, out: &mut dyn Write) {
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
        clip(&f.line_text)
    );
    if let (Some(line), Some(text)) = (finding.source_line, &f.source_line_text) {
        let _ = writeln!(
            out,
            "{pad} {} source {}:{line}",
            style.dim("="),
            shown(&f.source_path, cwd)
        );
        let _ = writeln!(out, "{line:>width$} {} {}", style.dim("|"), clip(text));
    }
    for (r, text) in finding.related.iter().zip(&f.related_text) {
        let _ = writeln!(
            out,
            "{pad} {} {}: {}:{}: {}",
            style.dim("="),
            r.message,
            related_path(f, r.in_source, cwd),
            r.line,
            clip(text)
        );
    }
    let _ = writeln!(out);
}
