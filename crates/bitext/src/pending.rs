//! `bitext pending`: what a translator has to do for one locale.

use std::io::Write;
use std::path::Path;

use model::Locale;
use serde::Serialize;

use crate::args::{Args, PendingArgs, PendingFormat};

#[derive(Serialize)]
struct PendingJson<'a> {
    locale: String,
    messages: Vec<MessageJson<'a>>,
}

#[derive(Serialize)]
struct MessageJson<'a> {
    page: &'a str,
    id: &'a str,
    status: &'static str,
    source: &'a str,
    heading: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<Vec<ChangeJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    translation: Option<&'a str>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    kind: &'static str,
    text: &'a str,
}

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
    match &cmd.output {
        // Like the catalogs sync writes, an output that would not change
        // is left as it is.
        Some(file) => {
            project::write_atomic_if_changed(&cwd.join(file), &pieces)?;
        }
        None => {
            for piece in &pieces {
                let _ = out.write_all(piece);
            }
        }
    }
    Ok(0)
}

/// The text of `pending` in a format written in one piece.
fn whole(
    format: PendingFormat,
    pending: &[project::Pending],
    locale: &Locale,
    config: &project::Config,
) -> String {
    match format {
        PendingFormat::Json => {
            let json = PendingJson {
                locale: locale.to_string(),
                messages: pending
                    .iter()
                    .map(|p| MessageJson {
                        page: &p.page,
                        id: &p.id,
                        status: p.state.name(),
                        source: &p.source,
                        heading: p.heading.as_deref(),
                        previous: p.previous.as_deref(),
                        diff: p.diff.as_ref().map(|changes| {
                            changes
                                .iter()
                                .map(|c| ChangeJson {
                                    kind: c.kind.name(),
                                    text: &c.text,
                                })
                                .collect()
                        }),
                        translation: p.translation.as_deref(),
                    })
                    .collect(),
            };
            let mut text = serde_json::to_string_pretty(&json).expect("plain data");
            text.push('\n');
            text
        }
        PendingFormat::Ftl => project::pending_ftl(pending, locale.as_str()),
        PendingFormat::Po => {
            project::pending_po(pending, locale.as_str(), &project::project_name(config))
        }
        PendingFormat::Xliff => {
            project::pending_xliff(pending, config.source_locale.as_str(), locale.as_str())
        }
        PendingFormat::Markdown => markdown(pending, locale),
    }
}

fn markdown(pending: &[project::Pending], locale: &Locale) -> String {
    let missing = pending
        .iter()
        .filter(|p| p.state == project::PendingState::Missing)
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
