//! `bitext import`: translators' files back into a locale's catalogs.

use std::io::Write;
use std::path::Path;

use model::Locale;
use serde::Serialize;

use crate::Style;
use crate::args::{Args, Format, ImportArgs};
use crate::output::{plural, shown};

#[derive(Serialize)]
struct ImportJson {
    locale: String,
    imported: usize,
    stale: usize,
    unchanged: usize,
    untranslated: usize,
    needs_review: usize,
    rejected: Vec<RejectedJson>,
    written: Vec<String>,
}

#[derive(Serialize)]
struct RejectedJson {
    file: String,
    line: usize,
    page: Option<String>,
    id: String,
    reason: &'static str,
    message: String,
}

fn reason(r: &project::RejectReason, cwd: &Path) -> (&'static str, String) {
    use project::RejectReason::*;
    match r {
        UnknownPage => ("unknown-page", "the project has no such page".to_owned()),
        UnknownId => (
            "unknown-id",
            "the page has no segment with this id (removed since the export?)".to_owned(),
        ),
        AmbiguousId { pages } => (
            "ambiguous-id",
            format!(
                "no page given and these pages have this id: {}",
                pages.join(", ")
            ),
        ),
        Duplicate { file, line } => (
            "duplicate",
            format!("imported already from {}:{line}", shown(file, cwd)),
        ),
        Conflict { local } => (
            "conflict",
            format!(
                "the catalog has an up-to-date translation that differs (use --force to overwrite): {}",
                local.replace('\n', " ")
            ),
        ),
    }
}

pub fn run(
    cmd: &ImportArgs,
    args: &Args,
    cwd: &Path,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> project::Result<u8> {
    let config = crate::config(args, cwd)?;
    let files: Vec<_> = cmd.files.iter().map(|f| cwd.join(f)).collect();
    let options = project::ImportOptions {
        locale: Locale::new(cmd.locale.as_str()),
        force: cmd.force,
    };
    let report = project::import(&config, &files, &options)?;
    let code = u8::from(!report.rejected.is_empty());
    if cmd.format == Format::Json {
        let json = ImportJson {
            locale: options.locale.to_string(),
            imported: report.imported,
            stale: report.stale,
            unchanged: report.unchanged,
            untranslated: report.untranslated,
            needs_review: report.needs_review,
            rejected: report
                .rejected
                .iter()
                .map(|r| {
                    let (reason, message) = reason(&r.reason, cwd);
                    RejectedJson {
                        file: shown(&r.file, cwd),
                        line: r.line,
                        page: r.page.clone(),
                        id: r.id.clone(),
                        reason,
                        message,
                    }
                })
                .collect(),
            written: report
                .written
                .iter()
                .map(|p| shown(p, &config.root))
                .collect(),
        };
        let _ = writeln!(out, "{}", serde_json::to_string(&json).expect("plain data"));
        return Ok(code);
    }
    for r in &report.rejected {
        let (name, message) = reason(&r.reason, cwd);
        let page = r
            .page
            .as_deref()
            .map(|p| format!("{p}/"))
            .unwrap_or_default();
        let _ = writeln!(
            err,
            "{}:{}: {} {page}{}: {message} [{name}]",
            shown(&r.file, cwd),
            r.line,
            style.warning("rejected"),
            r.id
        );
    }
    let _ = writeln!(
        out,
        "{} {} into {}: {} up to date, {} stale; {} unchanged, {} untranslated, {} needing review skipped; {} rejected; wrote {}",
        style.good("imported"),
        plural(report.imported + report.stale, "translation"),
        options.locale,
        report.imported,
        report.stale,
        report.unchanged,
        report.untranslated,
        report.needs_review,
        if report.rejected.is_empty() {
            "0".to_owned()
        } else {
            style.bad(&report.rejected.len().to_string())
        },
        plural(report.written.len(), "catalog")
    );
    Ok(code)
}
