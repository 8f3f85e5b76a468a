//! `bitext pending`: what a translator has to do for one locale.

use std::io::Write;
use std::path::Path;

use crate::args::{Args, ExportFormat, PendingArgs, PendingFormat};
use crate::export::{emit, file_text};
use model::Locale;

pub fn run(cmd: &PendingArgs, args: &Args, cwd: &Path, out: &mut dyn Write) -> project::Result<u8> {
    let config = crate::config(args, cwd)?;
    let locale = Locale::new(cmd.locale.as_str());
    let page = cmd.page.as_deref();
    // PO is made a page at a time on the cores that find the messages; the
    // other formats take the whole list.
    let pieces = match cmd.format {
        PendingFormat::Po => project::pending_po_pieces(&config, &locale, page)?,
        format => {
            let pending = project::pending(&config, &locale, page)?;
            let text = whole(format, &pending, &locale, &config);
            // The process ends with this command, and its memory goes back
            // whole: freeing thousands of messages one by one first only
            // takes time.
            std::mem::forget(pending);
            vec![text]
        }
    };
    let pieces: Vec<&[u8]> = pieces.iter().map(String::as_bytes).collect();
    emit(cmd.output.as_deref(), cwd, &pieces, out)?;
    Ok(0)
}

/// The text of `pending` in a format written in one piece.
fn whole(
    format: PendingFormat,
    pending: &[project::Pending],
    locale: &Locale,
    config: &project::Config,
) -> String {
    let format = match format {
        PendingFormat::Markdown => return markdown(pending, locale),
        PendingFormat::Json => ExportFormat::Json,
        PendingFormat::Ftl => ExportFormat::Ftl,
        PendingFormat::Po => ExportFormat::Po,
        PendingFormat::Xliff => ExportFormat::Xliff,
        PendingFormat::Xliff12 => ExportFormat::Xliff12,
    };
    file_text(format, pending, Some(locale), config)
}

fn markdown(pending: &[project::Pending], locale: &Locale) -> String {
    let missing = pending
        .iter()
        .filter(|p| p.state == project::MessageState::Missing)
        .count();
    let mut out = format!(
        "# Pending for `{locale}`: {} missing, {} stale\n",
        missing,
        pending.len() - missing
    );
    let mut page = "";
    for p in pending {
        if *p.page != *page {
            page = &p.page;
            out.push_str(&format!("\n## {page}\n"));
        }
        out.push_str(&format!("\n### `{}` ({})\n\n", p.id, p.state.name()));
        if let Some(heading) = &p.heading {
            out.push_str(&format!("Under: {heading}\n\n"));
        }
        quote(&mut out, "Source", &p.source);
        if let Some(changes) = &p.diff {
            quote(&mut out, "Changed", &project::render_word_diff(changes));
        }
        if let Some(translation) = &p.translation {
            quote(&mut out, "Current translation", translation);
        }
    }
    out
}

fn quote(out: &mut String, label: &str, text: &str) {
    out.push_str(&format!("{label}:\n\n"));
    for line in text.split('\n') {
        out.push_str(&format!("> {line}\n"));
    }
    out.push('\n');
}
