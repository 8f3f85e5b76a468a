//! Pseudo-translation: a segment's words made visibly foreign (`Pump` →
//! `Ƥûmƥ`) while everything a translation must keep stays as it is:
//! inline code, link destinations and reference labels, URLs, HTML tags,
//! entities, placeholders (`{{cssxref("x")}}`, `{{% param %}}`, MDX
//! `{expressions}`), attribute lists and icon shortcodes. Building a site
//! from pseudo-translations shows what the structure checks make of a
//! translation that changed every word and nothing else.

use crate::syntax;

/// `text`, a segment's inline Markdown, with its words pseudo-translated.
pub fn pseudo(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let kept = kept_len(rest, i == 0 || text[..i].ends_with(char::is_whitespace));
        if let Some(len) = kept {
            out.push_str(&rest[..len]);
            i += len;
            continue;
        }
        let c = rest.chars().next().expect("i is below the length");
        out.push(accented(c));
        i += c.len_utf8();
    }
    out
}

/// The length of what stays verbatim at the start of `rest`, if anything.
fn kept_len(rest: &str, word_start: bool) -> Option<usize> {
    let bytes = rest.as_bytes();
    match bytes[0] {
        b'`' => {
            let ticks = rest.bytes().take_while(|&b| b == b'`').count();
            let fence = &rest[..ticks];
            Some(
                rest[ticks..]
                    .find(fence)
                    .map_or(ticks, |k| ticks + k + ticks),
            )
        }
        b'{' => model::text::placeholder_len(rest)
            .or_else(|| syntax::attr_list_len(rest))
            .or_else(|| balanced(rest, b'{', b'}')),
        b'<' => rest.find('>').map(|k| k + 1),
        b'&' => {
            let end = rest.find(';')?;
            (end <= 10
                && rest[1..end]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '#'))
            .then_some(end + 1)
        }
        b':' => syntax::shortcode_len(rest),
        b'\\' => Some(rest.chars().nth(1).map_or(1, |c| 1 + c.len_utf8())),
        // A link's destination, or a reference label after its text.
        b']' if rest.starts_with("](") => balanced(&rest[1..], b'(', b')').map(|k| k + 1),
        b']' if rest.starts_with("][") => rest[1..].find(']').map(|k| k + 2),
        // Footnote references and reference links written `[text][]` or `[text]`
        // keep their label.
        b'[' => {
            let close = balanced(rest, b'[', b']')?;
            let after = &rest[close..];
            let reference = rest.starts_with("[^")
                || after.starts_with("[]")
                || !(after.starts_with('(') || after.starts_with('['));
            reference.then_some(close)
        }
        b'h' if word_start && (rest.starts_with("https://") || rest.starts_with("http://")) => {
            Some(rest.find(char::is_whitespace).unwrap_or(rest.len()))
        }
        _ => None,
    }
}

/// The length of a bracketed run starting `text` (`open` … `close`,
/// nested), on one line.
fn balanced(text: &str, open: u8, close: u8) -> Option<usize> {
    let mut depth = 0usize;
    for (k, b) in text.bytes().enumerate() {
        if b == open {
            depth += 1;
        } else if b == close {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(k + 1);
            }
        } else if b == b'\n' {
            return None;
        }
    }
    None
}

/// A Latin letter with an accent or hook; anything else as it is.
fn accented(c: char) -> char {
    const FROM: &str = "aceinousyzACEINOUSYZ";
    const TO: [char; 20] = [
        'á', 'ç', 'é', 'î', 'ñ', 'ö', 'û', 'š', 'ý', 'ž', 'Á', 'Ç', 'É', 'Î', 'Ñ', 'Ö', 'Û', 'Š',
        'Ý', 'Ž',
    ];
    FROM.find(c).map_or(c, |k| TO[k])
}
