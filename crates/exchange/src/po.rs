//! Pending messages as a gettext PO file, and translations read back from one.

use catalog::Fingerprint;

use crate::{Error, MessageState, Pending, Submitted, push_one_line};

/// The translator comment that holds the fingerprint of the translation
/// an entry was exported with.
const EXPORTED: &str = "# bitext: translation ";

/// The pending messages as a gettext PO file for `locale`: msgctxt is the id
/// (`page/id`, unique across pages), a stale message is `#, fuzzy` with the
/// previous source as `#| msgid`.
pub fn pending_po(pending: &[Pending], locale: &str, project: &str) -> String {
    let mut out = po_header(locale, project);
    out.push_str(&po_entries(pending));
    out
}

/// The start of a PO file for `locale` of `project`, before its entries:
/// every field gettext's `msgfmt --check` asks for, the plural forms where
/// the language's are known (bitext's messages have none, but editors show
/// the field). An empty locale makes a template's header (a POT file).
pub fn po_header(locale: &str, project: &str) -> String {
    let mut fields = vec![
        format!("Project-Id-Version: {project}"),
        "Report-Msgid-Bugs-To: ".to_owned(),
        "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE".to_owned(),
        "Last-Translator: ".to_owned(),
        format!("Language-Team: {locale}"),
        format!("Language: {locale}"),
        "MIME-Version: 1.0".to_owned(),
        "Content-Type: text/plain; charset=UTF-8".to_owned(),
        "Content-Transfer-Encoding: 8bit".to_owned(),
    ];
    if let Some(forms) = plural_forms(locale) {
        fields.push(format!("Plural-Forms: {forms}"));
    }
    fields.push("X-Generator: bitext".to_owned());
    let mut out = String::from("msgid \"\"\nmsgstr \"\"\n");
    for field in fields {
        out.push('"');
        po_escape(&mut out, &field);
        out.push_str("\\n\"\n");
    }
    out
}

/// gettext's plural forms of `locale`'s language, for the common ones.
fn plural_forms(locale: &str) -> Option<&'static str> {
    let normal = locale.replace('_', "-").to_ascii_lowercase();
    let language = normal.split('-').next()?;
    if language == "fr" || normal == "pt-br" {
        return Some("nplurals=2; plural=(n > 1);");
    }
    Some(match language {
        "ja" | "zh" | "ko" | "vi" | "th" | "id" | "ms" | "lo" | "km" | "my" => {
            "nplurals=1; plural=0;"
        }
        "en" | "de" | "nl" | "sv" | "da" | "nb" | "nn" | "no" | "fi" | "et" | "it" | "es"
        | "pt" | "ca" | "el" | "hu" | "tr" | "bg" | "eo" | "he" | "hi" | "bn" | "fa" => {
            "nplurals=2; plural=(n != 1);"
        }
        "ru" | "uk" | "be" | "sr" | "hr" | "bs" => {
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        }
        "pl" => {
            "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        }
        "cs" | "sk" => "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
        "ar" => {
            "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
        }
        _ => return None,
    })
}

/// The PO entries of `pending`, each after an empty line: a file is its
/// header followed by the entries of its messages, in as many pieces as
/// the caller likes.
pub fn po_entries(pending: &[Pending]) -> String {
    let mut out = String::with_capacity(pending.iter().map(|p| 2 * p.source.len() + 160).sum());
    let mut context = String::new();
    for p in pending {
        out.push('\n');
        // The translation as exported (a translator comment, which
        // gettext tools keep), so that an import can tell a revision.
        if let Some(translation) = &p.translation {
            out.push_str(EXPORTED);
            out.push_str(&Fingerprint::of(translation).to_string());
            out.push('\n');
        }
        // Notes for the translator: the section and what the text is.
        if let Some(heading) = &p.heading {
            out.push_str("#. heading: ");
            push_one_line(&mut out, heading);
            out.push('\n');
        }
        out.push_str("#. kind: ");
        out.push_str(p.kind);
        out.push('\n');
        // The file and line, as xgettext writes a reference (a path with
        // a blank would read as two: gettext's own isolate-character quoting is not
        // understood by every tool, so the page stands in for it).
        out.push_str("#: ");
        if p.file.contains(char::is_whitespace) || p.file.is_empty() {
            out.push_str(&p.page);
        } else {
            out.push_str(&p.file);
            out.push(':');
            out.push_str(&p.line.to_string());
        }
        out.push('\n');
        if p.state == MessageState::Stale {
            out.push_str("#, fuzzy\n");
            if let Some(previous) = &p.previous {
                po_string(&mut out, "#| msgid", previous);
            }
        }
        context.clear();
        context.push_str(&p.page);
        context.push('/');
        context.push_str(&p.id);
        po_string(&mut out, "msgctxt", &context);
        po_string(&mut out, "msgid", &p.source);
        po_string(&mut out, "msgstr", p.translation.as_deref().unwrap_or(""));
    }
    out
}

/// Writes a PO keyword and its quoted string; multi-line strings start
/// with `""` and put each line on its own, as gettext writes them. For
/// `#| msgid` every continuation line is prefixed with `#| ` too.
fn po_string(out: &mut String, keyword: &str, text: &str) {
    out.push_str(keyword);
    if text.is_empty() {
        out.push_str(" \"\"\n");
        return;
    }
    let prefix = if keyword.starts_with("#|") { "#| " } else { "" };
    // One line (a final newline aside): on the keyword's line.
    let body = text.strip_suffix('\n').unwrap_or(text);
    if memchr::memchr(b'\n', body.as_bytes()).is_none() {
        out.push_str(" \"");
        po_escape(out, text);
        out.push_str("\"\n");
        return;
    }
    out.push_str(" \"\"\n");
    for line in text.split_inclusive('\n') {
        out.push_str(prefix);
        out.push('"');
        po_escape(out, line);
        out.push_str("\"\n");
    }
}

/// Appends `text` to `out` escaped for a PO string, jumping from one byte
/// that needs escaping to the next (tabs and carriage returns are rare: the
/// next one is searched for again only once it is passed).
fn po_escape(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let rare_from = |from: usize| memchr::memchr2(b'\t', b'\r', &bytes[from..]).map(|i| from + i);
    let mut rare = rare_from(0);
    let mut from = 0;
    loop {
        if rare.is_some_and(|r| r < from) {
            rare = rare_from(from);
        }
        let common = memchr::memchr3(b'\\', b'"', b'\n', &bytes[from..]).map(|i| from + i);
        let Some(at) = common.into_iter().chain(rare).min() else {
            break;
        };
        out.push_str(&text[from..at]);
        out.push_str(match bytes[at] {
            b'\\' => "\\\\",
            b'"' => "\\\"",
            b'\n' => "\\n",
            b'\t' => "\\t",
            _ => "\\r",
        });
        from = at + 1;
    }
    out.push_str(&text[from..]);
}

/// The string a PO line holds, between its quotes, unescaped.
fn po_unescape(quoted: &str) -> Result<String, String> {
    let inner = quoted
        .trim()
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .ok_or_else(|| format!("expected a quoted string, found `{}`", quoted.trim()))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            return Err("unescaped `\"` inside a string".to_owned());
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('"') => out.push('"'),
            Some('\'') => out.push('\''),
            Some('a') => out.push('\u{7}'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('v') => out.push('\u{b}'),
            Some(other) => return Err(format!("unknown escape `\\{other}`")),
            None => return Err("string ends with a lone `\\`".to_owned()),
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Context,
    Id,
    Str,
}

/// One PO entry as it is read.
#[derive(Debug, Default)]
struct Entry {
    line: usize,
    context: Option<String>,
    id: Option<String>,
    text: Option<String>,
    fuzzy: bool,
    /// `# bitext: translation <fingerprint>`: the translation as exported.
    exported: Option<Fingerprint>,
    /// The first `#:` reference: file and line (0 when it has none).
    reference: Option<(String, usize)>,
    last: Option<Field>,
}

impl Entry {
    fn field(&mut self, field: Field) -> &mut Option<String> {
        match field {
            Field::Context => &mut self.context,
            Field::Id => &mut self.id,
            Field::Str => &mut self.text,
        }
    }
}

/// The entries of a PO file written by `bitext pending --format po` (or any
/// PO file whose msgctxt is `page/id`). Plural entries and entries without
/// msgctxt are errors; obsolete (`#~`) entries and the header are skipped.
pub fn read_po(text: &str) -> Result<Vec<Submitted>, Vec<Error>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut entry = Entry::default();
    for (i, raw) in text.split('\n').enumerate() {
        let n = i + 1;
        let line = raw.trim();
        let complete = entry.text.is_some();
        let keyword = ["msgctxt", "msgid_plural", "msgid", "msgstr"]
            .into_iter()
            .find(|k| line.starts_with(k));
        let starts_entry = line.is_empty() || line.starts_with('#') || keyword.is_some();
        if complete && starts_entry && !line.starts_with('"') {
            finish(std::mem::take(&mut entry), &mut out, &mut errors);
        }
        if line.is_empty() || line.starts_with("#~") {
            continue;
        }
        if entry.line == 0 {
            entry.line = n;
        }
        if let Some(flags) = line.strip_prefix("#,") {
            if flags.split(',').any(|f| f.trim() == "fuzzy") {
                entry.fuzzy = true;
            }
            continue;
        }
        if let Some(fingerprint) = line.strip_prefix(EXPORTED) {
            entry.exported = Fingerprint::parse(fingerprint.trim());
            continue;
        }
        if let Some(references) = line.strip_prefix("#:") {
            if entry.reference.is_none() {
                entry.reference = references.split_whitespace().next().map(reference);
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let (field, rest) = match keyword {
            Some("msgctxt") => (Field::Context, &line["msgctxt".len()..]),
            Some("msgid") => (Field::Id, &line["msgid".len()..]),
            Some("msgid_plural") => {
                errors.push(Error {
                    line: n,
                    message:
                        "plural entries (msgid_plural) are not bitext's: a segment has one text"
                            .to_owned(),
                });
                entry.last = None;
                continue;
            }
            Some(_) if line.starts_with("msgstr[") => {
                errors.push(Error {
                    line: n,
                    message:
                        "plural translations (msgstr[n]) are not bitext's: a segment has one text"
                            .to_owned(),
                });
                entry.text = Some(String::new());
                entry.last = None;
                continue;
            }
            Some(_) => (Field::Str, &line["msgstr".len()..]),
            None if line.starts_with('"') => match entry.last {
                Some(field) => (field, line),
                None => {
                    errors.push(Error {
                        line: n,
                        message: "a string that continues no msgctxt, msgid or msgstr".to_owned(),
                    });
                    continue;
                }
            },
            None => {
                errors.push(Error {
                    line: n,
                    message: format!("not a PO line: `{line}`"),
                });
                continue;
            }
        };
        match po_unescape(rest) {
            Ok(s) => {
                let slot = entry.field(field);
                if keyword.is_some() && slot.is_some() {
                    errors.push(Error {
                        line: n,
                        message: "a second msgctxt, msgid or msgstr in one entry".to_owned(),
                    });
                }
                if keyword.is_some() {
                    *slot = Some(s);
                } else {
                    slot.get_or_insert_default().push_str(&s);
                }
                entry.last = Some(field);
            }
            Err(message) => {
                // Keep the entry whole so that one bad string is one error.
                entry.field(field).get_or_insert_default();
                entry.last = Some(field);
                errors.push(Error { line: n, message });
            }
        }
    }
    if entry.id.is_some() || entry.text.is_some() {
        finish(entry, &mut out, &mut errors);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn finish(entry: Entry, out: &mut Vec<Submitted>, errors: &mut Vec<Error>) {
    let Some(source) = entry.id else {
        errors.push(Error {
            line: entry.line,
            message: "msgstr without msgid".to_owned(),
        });
        return;
    };
    let Some(context) = entry.context else {
        // The header (msgid "") carries no translation.
        if source.is_empty() {
            return;
        }
        // A tool dropped the msgctxt (translate-toolkit's po2xliff does):
        // the reference and the source text identify the message.
        match entry.reference {
            Some(reference) => out.push(Submitted {
                line: entry.line,
                page: None,
                id: String::new(),
                reference: Some(reference),
                exported: entry.exported,
                source: Some(Fingerprint::of(&source)),
                source_text: Some(source),
                translation: entry.text.filter(|t| !t.is_empty()),
                needs_review: entry.fuzzy,
            }),
            None => errors.push(Error {
                line: entry.line,
                message: "entry without msgctxt or reference: bitext needs `msgctxt \"<page>/<id>\"` (or a `#: file:line` reference), as `bitext pending --format po` writes them".to_owned(),
            }),
        }
        return;
    };
    let Some((page, id)) = context.rsplit_once('/') else {
        errors.push(Error {
            line: entry.line,
            message: format!("msgctxt `{context}` is not `<page>/<id>`"),
        });
        return;
    };
    let text = entry.text.unwrap_or_default();
    out.push(Submitted {
        line: entry.line,
        page: Some(page.to_owned()),
        id: id.to_owned(),
        reference: entry.reference,
        exported: entry.exported,
        source: Some(Fingerprint::of(&source)),
        source_text: Some(source),
        translation: (!text.is_empty()).then_some(text),
        needs_review: entry.fuzzy,
    });
}

/// A reference `path:line` (or a bare path) as file and line.
fn reference(text: &str) -> (String, usize) {
    match text.rsplit_once(':') {
        Some((file, line)) if !file.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => {
            (file.to_owned(), line.parse().unwrap_or(0))
        }
        _ => (text.to_owned(), 0),
    }
}
