//! The inline codes of a message's text: the pieces a translator must carry
//! over unchanged, which XLIFF shows as placeholders (`<ph>`) so that CAT
//! tools protect them. They are code spans (`` `a < b` ``), inline HTML
//! and autolinks (`<kbd>`, `</a>`, `<https://…>`), template calls (Hugo
//! shortcodes and MDN macros, `{{< x >}}`, `{{Glossary("HTTP")}}`), and
//! link destinations (`](https://…)`, `][ref]`: the link text stays text).
//!
//! Only what is unambiguous from the text alone counts: a backtick run
//! without its closing run, a `<` followed by a blank or a digit, `{{`
//! without `}}` are text. Whatever is a code, the text is the codes and the
//! text between them, so writing a placeholder for each code and reading
//! it back gives the text unchanged.

use std::ops::Range;

/// A piece of a message's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Code(&'a str),
}

/// `text` cut into text and codes, in order; the pieces joined are `text`.
pub(crate) fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    for range in codes(text) {
        if range.start > from {
            out.push(Piece::Text(&text[from..range.start]));
        }
        out.push(Piece::Code(&text[range.clone()]));
        from = range.end;
    }
    if from < text.len() {
        out.push(Piece::Text(&text[from..]));
    }
    out
}

/// The byte ranges of the inline codes of `text`, in order, not overlapping.
fn codes(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let end = match bytes[at] {
            // An escaped character is text, whatever it is.
            b'\\' => {
                at += 2;
                continue;
            }
            b'`' => code_span_end(bytes, at),
            b'<' => tag_end(bytes, at),
            b'{' => template_end(text, at),
            b']' => destination_end(bytes, at),
            _ => None,
        };
        // A code with a character XML cannot hold is left as text, which
        // writes such characters as markup of their own.
        let end = end.filter(|&end| text[at..end].chars().all(xml_char));
        match end {
            Some(end) => {
                out.push(at..end);
                at = end;
            }
            None if bytes[at] == b'`' => {
                // An unclosed run is text: skip all of it, or its second
                // backtick would open a shorter span.
                at += run_length(bytes, at, b'`');
            }
            None => at += 1,
        }
    }
    out
}

/// Whether XML 1.0 can hold `c` (as itself or as a character reference):
/// not the control characters other than tab, line feed and carriage
/// return, nor U+FFFE and U+FFFF.
pub(crate) fn xml_char(c: char) -> bool {
    !matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

fn run_length(bytes: &[u8], at: usize, byte: u8) -> usize {
    bytes[at..].iter().take_while(|&&b| b == byte).count()
}

/// The end of the code span opened by the backtick run at `at`: after the
/// next run of the same length (CommonMark).
fn code_span_end(bytes: &[u8], at: usize) -> Option<usize> {
    let open = run_length(bytes, at, b'`');
    let mut i = at + open;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = run_length(bytes, i, b'`');
            if run == open {
                return Some(i + run);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

/// The end of an HTML tag, closing tag or autolink at `at`: `<` then a
/// letter (or `/` and a letter), up to the `>` on the same line.
fn tag_end(bytes: &[u8], at: usize) -> Option<usize> {
    let first = *bytes.get(at + 1)?;
    let letter = if first == b'/' {
        *bytes.get(at + 2)?
    } else {
        first
    };
    if !letter.is_ascii_alphabetic() {
        return None;
    }
    let rest = &bytes[at + 1..];
    let close = rest
        .iter()
        .position(|&b| b == b'>' || b == b'<' || b == b'\n')?;
    (rest[close] == b'>').then_some(at + 1 + close + 1)
}

/// The end of a link's destination after its text, `](url "title")` or
/// `][ref]`, at the `]` at `at`: parentheses balanced, on one line.
fn destination_end(bytes: &[u8], at: usize) -> Option<usize> {
    let (open, close) = match bytes.get(at + 1)? {
        b'(' => (b'(', b')'),
        b'[' => (b'[', b']'),
        _ => return None,
    };
    let mut depth = 0usize;
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'\n' => return None,
            b if b == open => depth += 1,
            b if b == close => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The end of a template call `{{…}}` at `at`, on one line or several.
fn template_end(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix("{{")?;
    let close = rest.find("}}")?;
    let inner = &rest[..close];
    (!inner.trim().is_empty() && !inner.contains("{{")).then_some(at + 2 + close + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_of(text: &str) -> Vec<&str> {
        pieces(text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Code(c) => Some(c),
                Piece::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn code_spans_tags_and_templates_are_codes() {
        assert_eq!(
            codes_of("Run `a < b` then ``x ` y`` and <kbd>Ctrl</kbd>."),
            ["`a < b`", "``x ` y``", "<kbd>", "</kbd>"]
        );
        assert_eq!(
            codes_of("See {{Glossary(\"HTTP\")}} and {{< tab name=\"x\" >}} <https://a.b/c>."),
            [
                "{{Glossary(\"HTTP\")}}",
                "{{< tab name=\"x\" >}}",
                "<https://a.b/c>"
            ]
        );
    }

    #[test]
    fn what_is_not_closed_or_not_a_tag_is_text() {
        for text in [
            "a < b and 3<4",
            "an ``unclosed run` here",
            "\\`escaped\\` and \\<b>",
            "{{ }} and {{open",
            "<a\nhref> split",
            "[text](unclosed and [x]\n(y)",
            "",
        ] {
            assert!(codes_of(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn pieces_join_to_the_text() {
        for text in ["`a`b`c`", "x <b>y</b> z", "{{a}}{{b}}", "plain", "é `ü` ß"] {
            let joined: String = pieces(text)
                .iter()
                .map(|p| match p {
                    Piece::Text(t) | Piece::Code(t) => *t,
                })
                .collect();
            assert_eq!(joined, text);
        }
    }
}
