//! `bitext files`: which translation and catalog each source page maps to.

use std::io::Write;
use std::path::Path;

use model::Locale;
use serde::Serialize;

use crate::Style;
use crate::args::{Args, FilesArgs, Format};
use crate::output::shown;

#[derive(Serialize)]
struct Report {
    version: u32,
    dialect: &'static str,
    dialect_reason: String,
    source_locale: String,
    locales: Vec<LocaleJson>,
}

#[derive(Serialize)]
struct LocaleJson {
    locale: String,
    pages: usize,
    translated: usize,
    files: Vec<FileJson>,
}

#[derive(Serialize)]
struct FileJson {
    path: String,
    source: String,
    translation: String,
    translation_exists: bool,
    catalog: String,
    catalog_exists: bool,
}

pub fn run(
    cmd: &FilesArgs,
    args: &Args,
    cwd: &Path,
    style: Style,
    out: &mut dyn Write,
) -> project::Result<u8> {
    let config = crate::config(args, cwd)?;
    let mut by_locale = project::files(&config)?;
    if let Some(wanted) = &cmd.locale {
        let wanted = Locale::new(wanted.as_str());
        by_locale.retain(|l| l.locale == wanted);
    }
    let root = &config.root;
    let report = Report {
        version: crate::output::JSON_VERSION,
        dialect: config.markdown.dialect.name(),
        dialect_reason: config.dialect_reason.clone(),
        source_locale: config.source_locale.to_string(),
        locales: by_locale
            .iter()
            .map(|l| LocaleJson {
                locale: l.locale.to_string(),
                pages: l.files.len(),
                translated: l.files.iter().filter(|f| f.translation_exists).count(),
                files: l
                    .files
                    .iter()
                    .filter(|f| !cmd.missing || !f.translation_exists)
                    .map(|f| FileJson {
                        path: f.page.path.clone(),
                        source: shown(&f.page.source, root),
                        translation: shown(&f.translation, root),
                        translation_exists: f.translation_exists,
                        catalog: shown(&f.catalog, root),
                        catalog_exists: f.catalog_exists,
                    })
                    .collect(),
            })
            .collect(),
    };
    let written = match cmd.format {
        Format::Json => {
            let text =
                serde_json::to_string_pretty(&report).expect("the report serialises to JSON");
            writeln!(out, "{text}")
        }
        Format::Human => human(&report, &config, style, out),
    };
    // A closed pipe is not a failure of the run.
    drop(written);
    Ok(0)
}

fn human(
    report: &Report,
    config: &project::Config,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} {}",
        style.bold(&format!("dialect {}", report.dialect)),
        style.dim(&format!("({})", report.dialect_reason))
    )?;
    if report.locales.is_empty() {
        writeln!(
            out,
            "no target locales found: no file matches `{}` (set `locales` in bitext.toml to list them)",
            config.translation
        )?;
        return Ok(());
    }
    // A site of translated pages only (no catalog in any locale) is told
    // so once a locale, not on every line.
    let catalogs = report
        .locales
        .iter()
        .any(|l| l.files.iter().any(|f| f.catalog_exists));
    for (i, l) in report.locales.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{} {}",
            style.bold(&l.locale),
            style.dim(&format!(
                "{} of {} pages have a translation file{}",
                l.translated,
                l.pages,
                if catalogs {
                    ""
                } else {
                    "; no catalogs (translated pages only)"
                }
            ))
        )?;
        let source_width = l.files.iter().map(|f| f.source.len()).max().unwrap_or(0);
        let translation_width = l
            .files
            .iter()
            .map(|f| f.translation.len())
            .max()
            .unwrap_or(0);
        for f in &l.files {
            let state = if f.translation_exists {
                style.good("present")
            } else {
                style.bad("missing")
            };
            let catalog = if f.catalog_exists {
                style.good("present")
            } else {
                style.dim("none")
            };
            if catalogs {
                writeln!(
                    out,
                    "  {:<source_width$}  ->  {:<translation_width$}  {state}  catalog {} {catalog}",
                    f.source, f.translation, f.catalog
                )?;
            } else {
                writeln!(
                    out,
                    "  {:<source_width$}  ->  {:<translation_width$}  {state}",
                    f.source, f.translation
                )?;
            }
        }
    }
    Ok(())
}
