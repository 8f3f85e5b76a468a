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
    version: u32,
    locale: String,
    imported: usize,
    stale: usize,
    unchanged: usize,
    untranslated: usize,
    needs_review: usize,
    rejected: Vec<RejectedJson>,
    /// With `--dry-run`: nothing was written, `written` is what would be.
    dry_run: bool,
    written: Vec<String>,
    /// Document mode only (no files given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<DocumentsJson>,
}

#[derive(Serialize)]
struct DocumentsJson {
    imported: usize,
    generated: usize,
    missing: usize,
    unpaired: Vec<UnpairedJson>,
    diagnostics: Vec<BrokenJson>,
}

#[derive(Serialize)]
struct UnpairedJson {
    file: String,
    line: usize,
    kind: &'static str,
    text: String,
}

#[derive(Serialize)]
struct BrokenJson {
    file: String,
    kind: &'static str,
    line: Option<usize>,
    source_line: Option<usize>,
    message: String,
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
        UnknownSource { reference } => (
            "unknown-source",
            format!(
                "no id (a tool dropped the msgctxt), and no segment of {reference} has this source text (changed since the export?)"
            ),
        ),
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
        dry_run: cmd.dry_run,
    };
    let documents = files.is_empty();
    let report = if documents {
        project::import_documents(&config, &options)?
    } else {
        project::import(&config, &files, &options)?
    };
    let code = u8::from(!report.rejected.is_empty());
    if cmd.format == Format::Json {
        let json = ImportJson {
            version: crate::output::JSON_VERSION,
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
            dry_run: options.dry_run,
            written: report
                .written
                .iter()
                .map(|p| shown(p, &config.root))
                .collect(),
            pages: documents.then(|| DocumentsJson {
                imported: report.pages,
                generated: report.generated,
                missing: report.missing,
                unpaired: report
                    .unpaired
                    .iter()
                    .map(|u| UnpairedJson {
                        file: shown(&u.file, cwd),
                        line: u.line,
                        kind: u.kind,
                        text: u.text.clone(),
                    })
                    .collect(),
                diagnostics: report
                    .broken
                    .iter()
                    .map(|(file, d)| BrokenJson {
                        file: shown(file, cwd),
                        kind: d.kind,
                        line: d.line,
                        source_line: d.source_line,
                        message: d.message.clone(),
                    })
                    .collect(),
            }),
        };
        let _ = writeln!(out, "{}", serde_json::to_string(&json).expect("plain data"));
        return Ok(code);
    }
    for r in &report.rejected {
        let (name, message) = reason(&r.reason, cwd);
        // Page and id, when the entry had them.
        let what = match (&r.page, r.id.is_empty()) {
            (_, true) => String::new(),
            (Some(page), false) => format!(" {page}/{}", r.id),
            (None, false) => format!(" {}", r.id),
        };
        let _ = writeln!(
            err,
            "{}:{}: {}{what}: {message} [{name}]",
            shown(&r.file, cwd),
            r.line,
            style.warning("rejected"),
        );
    }
    for u in &report.unpaired {
        let text: String = u.text.replace('\n', " ").chars().take(70).collect();
        let _ = writeln!(
            err,
            "{}:{}: {} {} pairs with no source segment: {text}",
            shown(&u.file, cwd),
            u.line,
            style.warning("unpaired"),
            u.kind
        );
    }
    for (file, d) in &report.broken {
        let _ = writeln!(
            err,
            "{}:{}: {} {}",
            shown(file, cwd),
            d.line.unwrap_or(0),
            style.warning(d.kind),
            d.message
        );
    }
    if documents {
        let _ = writeln!(
            out,
            "aligned {} of {}; {} built by bitext skipped; {} source segments with no translation, {} translated segments with no source",
            plural(report.pages, "page"),
            options.locale,
            report.generated,
            report.missing,
            report.unpaired.len()
        );
    }
    let _ = writeln!(
        out,
        "{} {} into {}: {} up to date, {} stale; {} unchanged, {} untranslated, {} needing review skipped; {} rejected; {} {}",
        style.good(if options.dry_run {
            "would import"
        } else {
            "imported"
        }),
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
        if options.dry_run {
            "would write"
        } else {
            "wrote"
        },
        crate::output::written(&report.written)
    );
    if options.dry_run {
        for path in &report.written {
            let _ = writeln!(out, "  would write {}", shown(path, cwd));
        }
    }
    Ok(code)
}
