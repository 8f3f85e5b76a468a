//! A quick reader for the catalogs bitext writes: one pass over the lines,
//! no syntax tree. It knows only the shapes the writer makes (and what a
//! translator is likely to type by hand in the same style): comments, plain
//! text lines, and lines that are a whole string literal. Anything else — a
//! CR, a term, an attribute, a placeable inside a line, a duplicate id, a
//! bad escape, a file not ending in a newline — makes it give up, and [`crate::parse`]
//! reads the file with fluent-syntax instead, which also reports the errors.
//! What it returns is what the full reader returns for the same text; the
//! tests compare the two on the corpus and on generated catalogs.

use fluent_syntax::ast::Comment;
use model::hash::FastSet;

use crate::{Catalog, Message, escape, read};

/// One line of a message's value.
#[derive(Debug, Clone, Copy)]
enum Piece<'s> {
    /// Text after `=` on the message's first line.
    Inline(&'s str),
    /// An indented text line: its indentation and its text.
    Indented(usize, &'s str),
    /// A line of blanks (or an empty one) between value lines: its length.
    Blank(usize),
    /// A line that is one string literal: its raw (escaped) value.
    Literal(&'s str),
}

/// The catalog in `src`, or `None` when the text is not in the plain shape
/// (the caller then uses the full reader).
pub(crate) fn parse(src: &str) -> Option<Catalog> {
    if src.is_empty() {
        return Some(Catalog::default());
    }
    let body = src.strip_suffix('\n')?;
    if memchr::memchr(b'\r', body.as_bytes()).is_some() {
        return None;
    }
    let mut lines = Lines::new(body);
    let mut catalog = Catalog::default();
    let mut obsolete = false;
    let mut pieces = Vec::new();
    while let Some(line) = lines.next() {
        match line.as_bytes().first() {
            None => {}
            Some(b' ') if blank(line) => {}
            Some(b'#') => {
                let (level, first) = comment_line(line)?;
                let mut content = vec![first];
                while let Some(next) = lines.peek() {
                    match comment_line(next) {
                        Some((l, text)) if l == level => {
                            content.push(text);
                            lines.next();
                        }
                        // Another level starts another comment.
                        Some(_) => break,
                        None if next.starts_with('#') => return None,
                        None => break,
                    }
                }
                let comment = Comment { content };
                match level {
                    3 => read::header(&comment, &mut catalog),
                    2 => {
                        if comment.content.iter().any(|l| l.trim() == read::OBSOLETE) {
                            obsolete = true;
                        }
                    }
                    // A comment belongs to the message on the very next line;
                    // otherwise it stands alone, and bitext has no use for it.
                    _ => {
                        if lines.peek().is_some_and(starts_message) {
                            let line = lines.next()?;
                            let message = message(line, &mut lines, &mut pieces, Some(&comment))?;
                            push(&mut catalog, message, obsolete);
                        }
                    }
                }
            }
            Some(b) if b.is_ascii_alphabetic() => {
                let message = message(line, &mut lines, &mut pieces, None)?;
                push(&mut catalog, message, obsolete);
            }
            Some(_) => return None,
        }
    }
    // A duplicate id is an error, which the full reader reports.
    let mut ids = FastSet::default();
    ids.reserve(catalog.messages.len() + catalog.obsolete.len());
    let unique = catalog
        .messages
        .iter()
        .chain(&catalog.obsolete)
        .all(|m| ids.insert(m.id.as_str()));
    unique.then_some(catalog)
}

fn push(catalog: &mut Catalog, message: Message, obsolete: bool) {
    if obsolete {
        catalog.obsolete.push(message);
    } else {
        catalog.messages.push(message);
    }
}

/// An empty line or one of spaces only.
fn blank(line: &str) -> bool {
    line.bytes().all(|b| b == b' ')
}

fn starts_message(line: &str) -> bool {
    line.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
}

/// A comment line's level (1 to 3) and text, if it is a well-formed one.
fn comment_line(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=3).contains(&level) {
        return None;
    }
    match &line[level..] {
        "" => Some((level, "")),
        rest => rest.strip_prefix(' ').map(|text| (level, text)),
    }
}

/// The message that starts on `line`, its value continuing on the indented
/// lines after it.
fn message<'s>(
    line: &'s str,
    lines: &mut Lines<'s>,
    pieces: &mut Vec<Piece<'s>>,
    comment: Option<&Comment<&str>>,
) -> Option<Message> {
    let id_len = line
        .bytes()
        .position(|b| !ID_BYTES[usize::from(b)])
        .unwrap_or(line.len());
    let (id, rest) = line.split_at(id_len);
    let inline = rest.trim_start_matches(' ').strip_prefix('=')?;
    let inline = inline.trim_start_matches(' ');
    pieces.clear();
    if inline.is_empty() {
        // Blank lines between `id =` and the value are not part of it.
        while lines.peek().is_some_and(blank) {
            lines.next();
        }
    } else {
        pieces.push(match literal(inline) {
            Some(raw) => Piece::Literal(raw),
            None => Piece::Inline(plain_text(inline)?),
        });
    }
    let mut common: Option<usize> = None;
    while let Some(next) = lines.peek() {
        let indent = next.bytes().take_while(|&b| b == b' ').count();
        let text = &next[indent..];
        match text.as_bytes().first() {
            None => pieces.push(Piece::Blank(indent)),
            Some(_) if indent == 0 => break,
            // What Fluent reads as something else (an attribute, a variant,
            // a closing brace).
            Some(b'.' | b'}' | b'[' | b'*') => return None,
            Some(b'{') => pieces.push(Piece::Literal(literal(text)?)),
            Some(_) => {
                pieces.push(Piece::Indented(indent, plain_text(text)?));
                common = Some(common.map_or(indent, |c| c.min(indent)));
            }
        }
        lines.next();
    }
    // Blank lines after the last value line are not part of it.
    let last = pieces.iter().rposition(|p| !matches!(p, Piece::Blank(_)))?;
    // Most values are one line of plain text.
    if let [Piece::Inline(line)] = pieces[..=last] {
        return Some(finish(id, line.to_owned(), comment));
    }
    let mut text = String::new();
    for (i, piece) in pieces[..=last].iter().enumerate() {
        match *piece {
            Piece::Inline(line) => text.push_str(line),
            // Indentation beyond the value's common indentation is text.
            Piece::Indented(indent, line) => {
                text.extend(std::iter::repeat_n(' ', indent - common.unwrap_or(indent)));
                text.push_str(line);
            }
            Piece::Blank(indent) => {
                let extra = indent.saturating_sub(common.unwrap_or(indent));
                text.extend(std::iter::repeat_n(' ', extra));
            }
            Piece::Literal(raw) => escape::unescape(raw, &mut text).ok()?,
        }
        if i != last {
            text.push('\n');
        }
    }
    Some(finish(id, text, comment))
}

/// The message `id` with its value `text` and the metadata in its comment.
fn finish(id: &str, text: String, comment: Option<&Comment<&str>>) -> Message {
    let mut message = Message {
        id: id.to_owned(),
        text,
        ..Message::default()
    };
    if let Some(comment) = comment {
        read::metadata(comment, &mut message);
    }
    message
}

/// The bytes of a message id: ASCII letters and digits, `-` and `_`.
const ID_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
        b += 1;
    }
    table
};

/// Text Fluent keeps as it is: no brace, no trailing blank.
fn plain_text(text: &str) -> Option<&str> {
    let plain = memchr::memchr2(b'{', b'}', text.as_bytes()).is_none() && !text.ends_with(' ');
    plain.then_some(text)
}

/// The raw value of a line that is exactly `{ "…" }`.
fn literal(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("{ \"")?.strip_suffix("\" }")?;
    // The value ends at the first unescaped quote: that must be the last one.
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return None,
            _ => i += 1,
        }
    }
    (i == bytes.len()).then_some(inner)
}

/// The lines of a text without its last newline, with one line of lookahead.
struct Lines<'s> {
    /// The next line, and the text after it.
    next: Option<(&'s str, Option<&'s str>)>,
}

impl<'s> Lines<'s> {
    fn new(text: &'s str) -> Lines<'s> {
        Lines {
            next: Some(split_line(text)),
        }
    }

    fn peek(&self) -> Option<&'s str> {
        self.next.map(|(line, _)| line)
    }

    fn next(&mut self) -> Option<&'s str> {
        let (line, rest) = self.next?;
        self.next = rest.map(split_line);
        Some(line)
    }
}

/// The first line of `text` and what follows its newline, if there is one.
fn split_line(text: &str) -> (&str, Option<&str>) {
    match memchr::memchr(b'\n', text.as_bytes()) {
        Some(end) => (&text[..end], Some(&text[end + 1..])),
        None => (text, None),
    }
}
