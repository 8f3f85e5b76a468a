//! `bitext export`: every message of a locale, or a template, as one
//! translator's file; and the writing of translator's files, which
//! `bitext pending` shares.

use std::io::Write;
use std::path::Path;

use model::Locale;

use crate::args::{Args, ExportArgs, ExportFormat};

pub fn run(cmd: &ExportArgs, args: &Args, cwd: &Path, out: &mut dyn Write) -> project::Result<u8> {
    let config = crate::config(args, cwd)?;
    let locale = cmd.locale.as_deref().map(Locale::new);
    let messages = project::export(&config, locale.as_ref(), cmd.page.as_deref())?;
    let text = file_text(cmd.format, &messages, locale.as_ref(), &config);
    emit(cmd.output.as_deref(), cwd, &[text.as_bytes()], out)?;
    Ok(0)
}

/// `messages` as a translator's file in `format` for `locale` (none: a
/// template of the source).
pub(crate) fn file_text(
    format: ExportFormat,
    messages: &[project::Pending],
    locale: Option<&Locale>,
    config: &project::Config,
) -> String {
    let name = project::project_name(config);
    let header = project::FileHeader {
        source: config.source_locale.as_str(),
        target: locale.map(Locale::as_str),
        project: &name,
    };
    match format {
        ExportFormat::Json => project::messages_json(messages, header),
        ExportFormat::Ftl => project::pending_ftl(messages, header),
        ExportFormat::Po => {
            let mut text = project::po_header(header.target.unwrap_or(""), &name);
            text.push_str(&project::po_entries(messages));
            text
        }
        ExportFormat::Xliff => project::xliff(messages, header, project::XliffVersion::V2),
        ExportFormat::Xliff12 => project::xliff(messages, header, project::XliffVersion::V1_2),
    }
}

/// Writes `pieces` to `output` (atomically, and only if it would change,
/// as sync writes catalogs) or to standard output.
pub(crate) fn emit(
    output: Option<&Path>,
    cwd: &Path,
    pieces: &[&[u8]],
    out: &mut dyn Write,
) -> project::Result<()> {
    match output {
        Some(file) => {
            project::write_atomic_if_changed(&cwd.join(file), pieces)?;
        }
        None => {
            for piece in pieces {
                let _ = out.write_all(piece);
            }
        }
    }
    Ok(())
}
