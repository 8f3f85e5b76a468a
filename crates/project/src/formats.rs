//! Translator files for pending messages: Fluent and gettext PO. Both carry
//! the id, the source text, the nearest heading and, for stale messages, the
//! previous source and the current translation.

use crate::{Pending, PendingState};

/// The pending messages as one Fluent file: a missing message's value is its
/// source text, a stale one's is the current translation; the source, the
/// heading and the previous source are comments.
pub fn pending_ftl(pending: &[Pending]) -> String {
    let messages = pending
        .iter()
        .map(|p| {
            let mut notes = vec![format!("page: {}", p.page)];
            if let Some(heading) = &p.heading {
                notes.push(format!("heading: {}", one_line(heading)));
            }
            notes.push("source:".to_owned());
            notes.extend(p.source.split('\n').map(|l| format!("> {l}")));
            catalog::Message {
                id: p.id.clone(),
                text: p.translation.clone().unwrap_or_else(|| p.source.clone()),
                source: Some(catalog::Fingerprint::of(&p.source)),
                stale: p.state == PendingState::Stale,
                previous: p.previous.clone(),
                notes,
            }
        })
        .collect();
    catalog::write(&catalog::Catalog {
        messages,
        ..catalog::Catalog::default()
    })
}

fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

/// The pending messages as a gettext PO file for `locale`: msgctxt is the id
/// (`page/id`, unique across pages), a stale message is `#, fuzzy` with the
/// previous source as `#| msgid`.
pub fn pending_po(pending: &[Pending], locale: &str) -> String {
    let mut out = String::new();
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    out.push_str(&format!("\"Language: {locale}\\n\"\n"));
    out.push_str("\"MIME-Version: 1.0\\n\"\n");
    out.push_str("\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
    out.push_str("\"Content-Transfer-Encoding: 8bit\\n\"\n");
    out.push_str("\"X-Generator: bitext\\n\"\n");
    for p in pending {
        out.push('\n');
        if let Some(heading) = &p.heading {
            out.push_str(&format!("#. heading: {}\n", one_line(heading)));
        }
        out.push_str(&format!("#: {}\n", p.page));
        if p.state == PendingState::Stale {
            out.push_str("#, fuzzy\n");
            if let Some(previous) = &p.previous {
                out.push_str(&po_string("#| msgid", previous));
            }
        }
        out.push_str(&po_string("msgctxt", &format!("{}/{}", p.page, p.id)));
        out.push_str(&po_string("msgid", &p.source));
        out.push_str(&po_string("msgstr", p.translation.as_deref().unwrap_or("")));
    }
    out
}

/// A PO keyword and its quoted string; multi-line strings start with `""`
/// and put each line on its own, as gettext writes them. For `#| msgid`
/// every continuation line is prefixed with `#| ` too.
fn po_string(keyword: &str, text: &str) -> String {
    let prefix = if keyword.starts_with("#|") { "#| " } else { "" };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.len() <= 1 {
        return format!("{keyword} \"{}\"\n", po_escape(text));
    }
    let mut out = format!("{keyword} \"\"\n");
    for line in lines {
        out.push_str(&format!("{prefix}\"{}\"\n", po_escape(line)));
    }
    out
}

fn po_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}
