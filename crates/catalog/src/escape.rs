//! Text to Fluent pattern and back. A line that Fluent would change (braces,
//! a leading `[`, `*`, `.` or blank, trailing blanks, an empty first or last
//! line) is written whole as one string literal, so that a message needs at
//! most one placeable per line (fluent-bundle stops at 100).

use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};

/// The pattern elements that format to exactly `text`.
pub(crate) fn to_pattern(text: &str) -> Vec<PatternElement<String>> {
    let lines: Vec<&str> = text.split('\n').collect();
    let last = lines.len() - 1;
    let mut out = Vec::with_capacity(lines.len() * 2);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push(PatternElement::TextElement {
                value: "\n".to_owned(),
            });
        }
        let edge = i == 0 || i == last;
        let needs_literal = line.contains(['{', '}', '\r'])
            || line.starts_with(['[', '*', '.', ' ', '\t'])
            || line.ends_with([' ', '\t'])
            || (line.is_empty() && edge);
        if needs_literal {
            out.push(literal(line));
        } else if !line.is_empty() {
            out.push(PatternElement::TextElement {
                value: (*line).to_owned(),
            });
        }
    }
    out
}

fn literal(text: &str) -> PatternElement<String> {
    let mut value = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '\\' => value.push_str("\\\\"),
            '"' => value.push_str("\\\""),
            '\r' => value.push_str("\\u000D"),
            c => value.push(c),
        }
    }
    PatternElement::Placeable {
        expression: Expression::Inline(InlineExpression::StringLiteral { value }),
    }
}

/// The text a parsed pattern formats to, or a description of the first
/// element bitext cannot reproduce (a variable, a function call…).
pub(crate) fn from_pattern(elements: &[PatternElement<&str>]) -> Result<String, String> {
    let mut text = String::new();
    for element in elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } => unescape(value, &mut text)?,
            PatternElement::Placeable { .. } => {
                return Err(
                    "holds a placeable other than a string literal; bitext messages are plain text (write a brace as {\"{\"})"
                        .to_owned(),
                );
            }
        }
    }
    Ok(text)
}

/// Appends a string literal's value with its escapes resolved.
pub(crate) fn unescape(raw: &str, out: &mut String) -> Result<(), String> {
    let mut rest = raw;
    while let Some(at) = memchr::memchr(b'\\', rest.as_bytes()) {
        out.push_str(&rest[..at]);
        let mut chars = rest[at + 1..].chars();
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('"') => out.push('"'),
            Some(u @ ('u' | 'U')) => {
                let len = if u == 'u' { 4 } else { 6 };
                let hex: String = chars.by_ref().take(len).collect();
                let c = u32::from_str_radix(&hex, 16)
                    .ok()
                    .filter(|_| hex.len() == len)
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("has an invalid escape `\\{u}{hex}`"))?;
                out.push(c);
            }
            other => {
                return Err(format!(
                    "has an unknown escape `\\{}`",
                    other.map(String::from).unwrap_or_default()
                ));
            }
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    Ok(())
}
